import { mapEvaluation } from "@/lib/server/evaluation";
import { route } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = route<{ token: string }>(async (_request, { token }) => {
  return Response.json(await mapEvaluation(token), { headers: { "cache-control": "no-store" } });
});
