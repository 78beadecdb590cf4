/** GET: the map's Server-Sent Events (any link). A Node API route: see lib/server/node-http.ts. */
import { idSchema } from "@/lib/map/ops";
import { sinceOf, streamEvents } from "@/lib/server/events";
import { requireAccess } from "@/lib/server/links";
import { eventStreamSink, nodeRoute, param } from "@/lib/server/node-http";

// The response outlives the handler: Next must neither buffer it nor warn that it was left open.
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };

export default nodeRoute({
  GET: async (request, response) => {
    const { mapId, linkId, role } = await requireAccess(param(request, "token"));
    const lastEventId = request.headers["last-event-id"];
    const client = idSchema.safeParse(param(request, "client"));
    const since = sinceOf(Array.isArray(lastEventId) ? lastEventId[0] : lastEventId, param(request, "since"));
    streamEvents(mapId, linkId, since, () => eventStreamSink(response), client.success ? client.data : null, role);
  },
});
