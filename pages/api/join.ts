/**
 * POST {code}: what a room's join code opens, {token, role}; 404 for a wrong, expired or stopped
 * code, 429 after too many wrong ones (lib/server/join-codes.ts). Anyone may ask.
 */
import { joinRequestSchema } from "@/lib/map/room/joinCode";
import { redeemJoinCode } from "@/lib/server/join-codes";
import { clientOf, nodeRoute, readJsonBody, sendJson } from "@/lib/server/node-http";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const { code } = await readJsonBody(request, joinRequestSchema, 1_000);
    sendJson(response, 200, await redeemJoinCode(code, clientOf(request)), { "cache-control": "no-store" });
  },
});
