import { route, originOf } from "@/lib/server/http";
import { copyMap } from "@/lib/server/maps";

export const POST = route<{ token: string }>(async (request, { token }) => {
  return Response.json(await copyMap(token, originOf(request)), { status: 201 });
});
