import { openEventStream, sinceOf } from "@/lib/server/events";
import { route } from "@/lib/server/http";
import { requireAccess } from "@/lib/server/links";

export const dynamic = "force-dynamic";

export const GET = route<{ token: string }>(async (request, { token }) => {
  const { mapId, linkId } = await requireAccess(token);
  return openEventStream(mapId, linkId, sinceOf(request), request.signal);
});
