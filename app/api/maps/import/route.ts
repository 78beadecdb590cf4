import { importMap } from "@/lib/server/exchange";
import { originOf, readText, route } from "@/lib/server/http";

/** The body is the file itself: Argumap JSON, AIF JSON or Argdown text (lib/map/exchange/import.ts tells them apart). */
export const POST = route(async (request) => {
  const body = await readText(request);
  return Response.json(await importMap(body, request.headers.get("content-type"), originOf(request)), { status: 201 });
});
