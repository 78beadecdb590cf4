import { exportMap } from "@/lib/server/exchange";
import { route } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = route<{ token: string }>(async (request, { token }) => {
  return exportMap(token, new URL(request.url).searchParams.get("format"));
});
