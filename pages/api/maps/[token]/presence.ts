/**
 * POST: a presence heartbeat from anyone holding a link (not the public demo, where nobody is
 * shown to anyone). Rate-limited per client address, per link and per sender; the presence is
 * bound to the link and tab that first sent it. A Node API route: see lib/server/node-http.ts.
 */
import { presenceSchema } from "@/lib/map/presence";
import { AppError } from "@/lib/server/errors";
import { chargePresence } from "@/lib/server/fair-use";
import { leadingStep } from "@/lib/server/leading";
import { DEMO_MAP_ID, requireAccess } from "@/lib/server/links";
import { clientOf, nodeRoute, param, readJsonBody } from "@/lib/server/node-http";
import { updatePresence } from "@/lib/server/presence";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const { mapId, linkId, role } = await requireAccess(param(request, "token"));
    if (mapId === DEMO_MAP_ID) throw new AppError("forbidden", "The demo shows nobody's presence: make your own copy to work with others.");
    const update = await readJsonBody(request, presenceSchema, 32_000);
    chargePresence(clientOf(request), linkId, update.clientId);
    // Leading is the server's to say (lib/server/leading.ts): a presence carries the leader's step only from the leading stage.
    updatePresence(mapId, update, { linkId, role, leadsAt: leadingStep(mapId, update.clientId, linkId) });
    response.writeHead(204).end();
  },
});
