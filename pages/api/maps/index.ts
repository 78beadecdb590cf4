/** POST: a new, empty map (anyone; rate-limited per client address). A Node API route: see lib/server/node-http.ts. */
import { emptyDoc } from "@/lib/map/types";
import { chargeCreate } from "@/lib/server/fair-use";
import { createMapFromDoc } from "@/lib/server/maps";
import { clientOf, nodeRoute, originOf, readJsonBody, sendJson } from "@/lib/server/node-http";
import { createMapBody } from "@/lib/server/requests";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    chargeCreate(clientOf(request));
    const body = await readJsonBody(request, createMapBody);
    sendJson(response, 201, await createMapFromDoc(emptyDoc(body), originOf(request)));
  },
});
