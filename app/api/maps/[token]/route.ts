import { originOf, otherMethods, route } from "@/lib/server/http";
import { linkUrls } from "@/lib/server/links";
import { requireSnapshot } from "@/lib/server/maps";

export const dynamic = "force-dynamic";

export const GET = route<{ token: string }>(async (request, { token }) => {
  const { snapshot, role, shareTokens } = await requireSnapshot(token);
  const links = shareTokens ? { links: linkUrls(originOf(request), shareTokens) } : {};
  return Response.json({ ...snapshot, role, ...links }, { headers: { "cache-control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
