import { idSchema } from "@/lib/map/ops";
import { AppError } from "@/lib/server/errors";
import { otherMethods, route } from "@/lib/server/http";
import { requireAccess } from "@/lib/server/links";
import { nodeHistory } from "@/lib/server/node-history";

export const dynamic = "force-dynamic";

/** Any link: a node's versions, oldest first (`node: null` = deleted). */
export const GET = route<{ token: string }>(async (request, { token }) => {
  const { mapId } = await requireAccess(token);
  const node = idSchema.safeParse(new URL(request.url).searchParams.get("node") ?? "");
  if (!node.success) throw new AppError("invalid_input", "Say which node: ?node=ID.");
  return Response.json(await nodeHistory(mapId, node.data), { headers: { "cache-control": "no-store" } });
});

/** History is written by ops only: nobody writes here. */
export const POST = route(async () => {
  throw new AppError("method_not_allowed", "A node's history is read-only; change the node with ops.", { Allow: "GET" });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET");
