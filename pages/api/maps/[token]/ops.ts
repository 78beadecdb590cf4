/**
 * POST: apply a batch of ops (owner and edit links). The write limits count what is written:
 * its bytes before it is read, then its ops. A Node API route: see lib/server/node-http.ts.
 */
import { applyClientOps } from "@/lib/server/apply-ops";
import { AppError } from "@/lib/server/errors";
import { chargeWriteBytes, chargeWriteOps } from "@/lib/server/fair-use";
import { parseJsonText } from "@/lib/server/http";
import { requireAccess } from "@/lib/server/links";
import { clientOf, nodeRoute, param, readBodyText, sendJson } from "@/lib/server/node-http";
import { opsBody, parseClientOps } from "@/lib/server/requests";
import { canWrite } from "@/lib/server/tokens";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    if (!canWrite(access.role)) throw new AppError("forbidden", "This is a read-only link.");
    const client = clientOf(request);
    const text = await readBodyText(request);
    chargeWriteBytes(client, access.linkId, Buffer.byteLength(text));
    const body = parseJsonText(text, opsBody);
    const ops = parseClientOps(body.ops);
    chargeWriteOps(client, access.linkId, ops.length);
    sendJson(response, 200, await applyClientOps({ mapId: access.mapId, clientId: body.clientId, author: body.author, ops }));
  },
});
