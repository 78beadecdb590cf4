import { presenceSchema } from "@/lib/map/presence";
import { route, readJson } from "@/lib/server/http";
import { requireAccess } from "@/lib/server/links";
import { updatePresence } from "@/lib/server/presence";

/** A heartbeat from anyone holding a link (viewers are present too, they just cannot edit). */
export const POST = route<{ token: string }>(async (request, { token }) => {
  const { mapId } = await requireAccess(token);
  updatePresence(mapId, await readJson(request, presenceSchema, 32_000));
  return new Response(null, { status: 204 });
});
