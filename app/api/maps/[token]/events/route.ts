import { openEventStream, sinceOf } from "@/lib/server/events";
import { route } from "@/lib/server/http";
import { requireAccess } from "@/lib/server/links";

export const dynamic = "force-dynamic";

export const GET = route<{ token: string }>(async (request, { token }) => {
  const { mapId } = await requireAccess(token);
  return openEventStream(mapId, sinceOf(request), request.signal);
});
