/** POST {step, shown}: the presenter shows a step's results to the room, or hides them. A Node API route. */
import { revealRequestSchema } from "@/lib/map/room/reactions";
import { currentLeader, requirePresenter } from "@/lib/server/leading";
import { requireAccess } from "@/lib/server/links";
import { nodeRoute, param, readJsonBody } from "@/lib/server/node-http";
import { revealResults } from "@/lib/server/reactions";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    await requirePresenter(access.mapId, access);
    const { step, shown } = await readJsonBody(request, revealRequestSchema, 1_000);
    await revealResults(currentLeader(access.mapId), step, shown);
    response.writeHead(204).end();
  },
});
