import { z } from "zod";
import { importMap } from "@/lib/server/exchange";
import { originOf, readJson, route } from "@/lib/server/http";

export const POST = route(async (request) => {
  const body = await readJson(request, z.unknown());
  return Response.json(await importMap(body, originOf(request)), { status: 201 });
});
