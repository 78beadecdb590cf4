/** POST: a presence heartbeat from anyone holding a link. A Node API route: see lib/server/node-http.ts. */
import { presenceSchema } from "@/lib/map/presence";
import { currentLeader } from "@/lib/server/leading";
import { requireAccess } from "@/lib/server/links";
import { nodeRoute, param, readJsonBody } from "@/lib/server/node-http";
import { updatePresence } from "@/lib/server/presence";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const { mapId } = await requireAccess(param(request, "token"));
    const presence = await readJsonBody(request, presenceSchema, 32_000);
    // Leading is the server's to say (lib/server/leading.ts): a presence's claim to present is relayed only from the leader.
    const leader = currentLeader(mapId);
    updatePresence(mapId, leader?.clientId === presence.clientId ? { ...presence, presenting: { step: leader.step } } : { ...presence, presenting: null });
    response.writeHead(204).end();
  },
});
