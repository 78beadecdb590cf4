import { otherMethods, route } from "@/lib/server/http";
import { requireAccess } from "@/lib/server/links";
import { recentlyDeleted } from "@/lib/server/node-history";

export const dynamic = "force-dynamic";

/** Any link: nodes deleted and not brought back, newest first, each with the links that went with it. */
export const GET = route<{ token: string }>(async (_request, { token }) => {
  const { mapId } = await requireAccess(token);
  return Response.json({ deleted: await recentlyDeleted(mapId) }, { headers: { "cache-control": "no-store" } });
});

/** Read-only: this is changed by ops only. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
