/**
 * POST: a stage leads the room (or keeps leading, at a step); 403 when its link may not lead, 409
 * when someone else leads. DELETE ?client=ID: that stage stops; DELETE without it: the owner stops
 * whoever leads. Every answer is the room's lead state. A Node API route: see lib/server/node-http.ts.
 */
import { idSchema } from "@/lib/map/ops";
import { leadRequestSchema } from "@/lib/map/room/lead";
import { AppError } from "@/lib/server/errors";
import { requestLead, stopLead } from "@/lib/server/leading";
import { requireAccess } from "@/lib/server/links";
import { nodeRoute, param, readJsonBody, sendJson } from "@/lib/server/node-http";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    sendJson(response, 200, await requestLead(access.mapId, access, await readJsonBody(request, leadRequestSchema, 8_000)));
  },
  DELETE: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    const client = param(request, "client");
    if (client !== "" && !idSchema.safeParse(client).success) throw new AppError("invalid_input", "client is not a client id.");
    sendJson(response, 200, await stopLead(access.mapId, access, client === "" ? null : client));
  },
});
