/** POST: a new map with the same content (any link; rate-limited per client address and per link). A Node API route: see lib/server/node-http.ts. */
import { chargeCopy } from "@/lib/server/fair-use";
import { requireAccess } from "@/lib/server/links";
import { copyMap } from "@/lib/server/maps";
import { clientOf, nodeRoute, originOf, param, sendJson } from "@/lib/server/node-http";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    const client = clientOf(request);
    chargeCopy(client, access.linkId);
    sendJson(response, 201, await copyMap(access, originOf(request), client));
  },
});
