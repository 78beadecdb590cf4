import { emptyDoc } from "@/lib/map/types";
import { route, readJson, originOf } from "@/lib/server/http";
import { createMapFromDoc } from "@/lib/server/maps";
import { createMapBody } from "@/lib/server/requests";

export const POST = route(async (request) => {
  const body = await readJson(request, createMapBody);
  return Response.json(await createMapFromDoc(emptyDoc(body), originOf(request)), { status: 201 });
});
