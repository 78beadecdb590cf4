/**
 * GET ?format=json|argdown|aif|svg|png: the map as a file (any link; rate-limited per client
 * address and per link; kept per revision). SVG and PNG show which claims stand unless
 * `evaluation=off`. A Node API route: see lib/server/node-http.ts.
 */
import { exportMap } from "@/lib/server/exchange";
import { clientOf, nodeRoute, param } from "@/lib/server/node-http";

export const config = { api: { responseLimit: false } };

export default nodeRoute({
  GET: async (request, response) => {
    const { body, contentType, fileName } = await exportMap(param(request, "token"), param(request, "format"), clientOf(request), { evaluation: param(request, "evaluation") !== "off" });
    response.writeHead(200, {
      "content-type": contentType,
      "content-length": body.byteLength,
      "content-disposition": `attachment; filename="${fileName}"`,
      // A download of the map as it is now, never a stale copy.
      "cache-control": "no-store",
    });
    response.end(body);
  },
});
