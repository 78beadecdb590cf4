/** /api itself and any other path under it, any method: the JSON error contract's 404, never an HTML page. */
import type { ServerResponse } from "node:http";
import { sendJson } from "@/lib/server/node-http";

export const config = { api: { bodyParser: false } };

export default function unknownApiPath(_request: unknown, response: ServerResponse): void {
  sendJson(response, 404, { error: { code: "not_found", message: "There is no such API path. See the HTTP API in the README." } });
}
