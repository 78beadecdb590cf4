/** POST: "Bring everyone to me", from the owner or the person presenting. A Node API route: see lib/server/node-http.ts. */
import { summonRequestSchema } from "@/lib/map/room/lead";
import { summonRoom } from "@/lib/server/leading";
import { requireAccess } from "@/lib/server/links";
import { nodeRoute, param, readJsonBody, sendJson } from "@/lib/server/node-http";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    sendJson(response, 200, summonRoom(access.mapId, access, await readJsonBody(request, summonRequestSchema, 4_000)));
  },
});
