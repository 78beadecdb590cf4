/** DELETE: the owner stops a join code at once. A Node API route: see lib/server/node-http.ts. */
import { AppError } from "@/lib/server/errors";
import { revokeJoinCode } from "@/lib/server/join-codes";
import { requireAccess } from "@/lib/server/links";
import { nodeRoute, param } from "@/lib/server/node-http";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  DELETE: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    if (access.role !== "owner") throw new AppError("forbidden", "Only the map's owner stops join codes.");
    await revokeJoinCode(access.mapId, param(request, "code"));
    response.writeHead(204).end();
  },
});
