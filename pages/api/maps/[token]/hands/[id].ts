/**
 * DELETE ?voter=ID: the asker lowers their hand; DELETE without it: the presenter marks it
 * answered. A Node API route: see lib/server/node-http.ts.
 */
import { z } from "zod";
import { voterIdSchema } from "@/lib/map/room/reactions";
import { AppError } from "@/lib/server/errors";
import { currentLeader, requirePresenter } from "@/lib/server/leading";
import { requireAccess } from "@/lib/server/links";
import { nodeRoute, param } from "@/lib/server/node-http";
import { closeHand } from "@/lib/server/reactions";

export const config = { api: { bodyParser: false } };

export default nodeRoute({
  DELETE: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    const id = z.uuid().safeParse(param(request, "id"));
    if (!id.success) throw new AppError("not_found", "No such raised hand.");
    const voter = param(request, "voter");
    if (voter === "") await requirePresenter(access.mapId, access);
    else if (!voterIdSchema.safeParse(voter).success) throw new AppError("invalid_input", "voter is not a voter id.");
    await closeHand(currentLeader(access.mapId), id.data, voter === "" ? "presenter" : { voterId: voter });
    response.writeHead(204).end();
  },
});
