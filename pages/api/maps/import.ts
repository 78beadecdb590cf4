/**
 * POST: a new map from the file in the body (anyone; rate-limited per client address): Argumap
 * JSON, AIF JSON or Argdown text (lib/map/exchange/import.ts tells them apart), read in a worker
 * thread within the import budget. A Node API route: see lib/server/node-http.ts.
 */
import { importMap } from "@/lib/server/exchange";
import { chargeImport } from "@/lib/server/fair-use";
import { clientOf, nodeRoute, originOf, readBodyText, sendJson } from "@/lib/server/node-http";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const client = clientOf(request);
    chargeImport(client);
    const body = await readBodyText(request);
    sendJson(response, 201, await importMap(body, request.headers["content-type"] ?? null, originOf(request), client));
  },
});
