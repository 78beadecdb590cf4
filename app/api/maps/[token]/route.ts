import { route } from "@/lib/server/http";
import { requireSnapshot } from "@/lib/server/maps";

export const dynamic = "force-dynamic";

export const GET = route<{ token: string }>(async (_request, { token }) => {
  const { snapshot, role } = await requireSnapshot(token);
  return Response.json({ ...snapshot, role }, { headers: { "cache-control": "no-store" } });
});
