/** POST: apply a batch of ops (owner and edit links). A Node API route: see lib/server/node-http.ts. */
import { applyClientOps } from "@/lib/server/apply-ops";
import { AppError } from "@/lib/server/errors";
import { requireAccess } from "@/lib/server/links";
import { nodeRoute, param, readJsonBody, sendJson } from "@/lib/server/node-http";
import { takeToken } from "@/lib/server/rate-limit";
import { opsBody, parseClientOps } from "@/lib/server/requests";
import { canWrite } from "@/lib/server/tokens";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    if (!canWrite(access.role)) throw new AppError("forbidden", "This is a read-only link.");
    takeToken(`write:${access.linkId}`);
    const body = await readJsonBody(request, opsBody);
    const ops = parseClientOps(body.ops);
    sendJson(response, 200, await applyClientOps({ mapId: access.mapId, clientId: body.clientId, author: body.author, ops }));
  },
});
