/** POST: a presence heartbeat from anyone holding a link. A Node API route: see lib/server/node-http.ts. */
import { presenceSchema } from "@/lib/map/presence";
import { requireAccess } from "@/lib/server/links";
import { nodeRoute, param, readJsonBody } from "@/lib/server/node-http";
import { updatePresence } from "@/lib/server/presence";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const { mapId } = await requireAccess(param(request, "token"));
    updatePresence(mapId, await readJsonBody(request, presenceSchema, 32_000));
    response.writeHead(204).end();
  },
});
