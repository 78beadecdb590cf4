import { otherMethods, route } from "@/lib/server/http";
import { requireAccess } from "@/lib/server/links";
import { contributions } from "@/lib/server/node-history";

export const dynamic = "force-dynamic";

/** Any link: who created and last changed each node, and what each person added, changed and deleted. */
export const GET = route<{ token: string }>(async (_request, { token }) => {
  const { mapId } = await requireAccess(token);
  return Response.json(await contributions(mapId), { headers: { "cache-control": "no-store" } });
});

/** Read-only: this is changed by ops only. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
