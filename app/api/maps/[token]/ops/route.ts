import { applyClientOps } from "@/lib/server/apply-ops";
import { AppError } from "@/lib/server/errors";
import { route, readJson } from "@/lib/server/http";
import { requireAccess } from "@/lib/server/links";
import { opsBody, parseClientOps } from "@/lib/server/requests";
import { canWrite } from "@/lib/server/tokens";
import { takeToken } from "@/lib/server/rate-limit";

export const POST = route<{ token: string }>(async (request, { token }) => {
  const access = await requireAccess(token);
  if (!canWrite(access.role)) throw new AppError("forbidden", "This is a read-only link.");
  takeToken(`write:${access.linkId}`);
  const body = await readJson(request, opsBody);
  const ops = parseClientOps(body.ops);
  return Response.json(await applyClientOps({ mapId: access.mapId, clientId: body.clientId, author: body.author, ops }));
});
