import { exportMap } from "@/lib/server/exchange";
import { route } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = route<{ token: string }>(async (request, { token }) => {
  const query = new URL(request.url).searchParams;
  return exportMap(token, query.get("format"), { evaluation: query.get("evaluation") !== "off" });
});
