/**
 * The owner's join codes for the room. POST {role:"view"|"edit", minutes} makes one: 201
 * {code, expiresAt, url}. GET lists the live ones. A Node API route: see lib/server/node-http.ts.
 */
import { joinCodeRequestSchema } from "@/lib/map/room/joinCode";
import { AppError } from "@/lib/server/errors";
import { createJoinCode, listJoinCodes } from "@/lib/server/join-codes";
import { requireAccess, type Access } from "@/lib/server/links";
import { nodeRoute, originOf, param, readJsonBody, sendJson } from "@/lib/server/node-http";

export const config = { api: { bodyParser: false } };

function requireOwner(access: Access): void {
  if (access.role !== "owner") throw new AppError("forbidden", "Only the map's owner makes join codes.");
}

export default nodeRoute({
  GET: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    requireOwner(access);
    sendJson(response, 200, { codes: await listJoinCodes(access.mapId, originOf(request)) }, { "cache-control": "no-store" });
  },
  POST: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    requireOwner(access);
    const { role, minutes } = await readJsonBody(request, joinCodeRequestSchema, 1_000);
    sendJson(response, 201, await createJoinCode(access.mapId, role, minutes, originOf(request)));
  },
});
