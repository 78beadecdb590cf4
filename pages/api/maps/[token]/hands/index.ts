/** POST {voterId, name, step, question}: raise a hand (any link); answers the hand. A Node API route: see lib/server/node-http.ts. */
import { handRequestSchema } from "@/lib/map/room/reactions";
import { currentLeader } from "@/lib/server/leading";
import { requireAccess } from "@/lib/server/links";
import { clientOf, nodeRoute, param, readJsonBody, sendJson } from "@/lib/server/node-http";
import { raiseHand } from "@/lib/server/reactions";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const { mapId } = await requireAccess(param(request, "token"));
    sendJson(response, 201, await raiseHand(currentLeader(mapId), await readJsonBody(request, handRequestSchema, 4_000), clientOf(request)));
  },
});
