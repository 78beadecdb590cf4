/** POST {voterId, step, vote}: a follower's vote on a shown step (any link). A Node API route: see lib/server/node-http.ts. */
import { voteRequestSchema } from "@/lib/map/room/reactions";
import { currentLeader } from "@/lib/server/leading";
import { requireAccess } from "@/lib/server/links";
import { clientOf, nodeRoute, param, readJsonBody } from "@/lib/server/node-http";
import { recordVote } from "@/lib/server/reactions";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  POST: async (request, response) => {
    const { mapId } = await requireAccess(param(request, "token"));
    await recordVote(currentLeader(mapId), await readJsonBody(request, voteRequestSchema, 2_000), clientOf(request));
    response.writeHead(204).end();
  },
});
