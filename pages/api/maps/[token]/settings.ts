/**
 * GET: the room settings (any link). POST {editorsMayLead} (owner only): whether anyone with the
 * edit link can present to everyone. Not an op: an editor cannot grant it to themselves, and
 * undo never flips it. A Node API route: see lib/server/node-http.ts.
 */
import { roomSettingsSchema } from "@/lib/map/room/lead";
import { AppError } from "@/lib/server/errors";
import { changeRoomSettings, roomSettings } from "@/lib/server/leading";
import { requireAccess } from "@/lib/server/links";
import { nodeRoute, param, readJsonBody, sendJson } from "@/lib/server/node-http";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  GET: async (request, response) => {
    const { mapId } = await requireAccess(param(request, "token"));
    sendJson(response, 200, { settings: await roomSettings(mapId) }, { "cache-control": "no-store" });
  },
  POST: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    if (access.role !== "owner") throw new AppError("forbidden", "Only the map's owner decides who may present to everyone.");
    const lead = await changeRoomSettings(access.mapId, await readJsonBody(request, roomSettingsSchema, 1_000));
    sendJson(response, 200, { settings: lead.settings });
  },
});
