import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { originOf, otherMethods, readJson, route } from "@/lib/server/http";
import { linkUrls, requireAccess, rotateLink } from "@/lib/server/links";

const rotateBody = z.object({ role: z.enum(["edit", "view"], "role must be \"edit\" or \"view\"") });

export const POST = route<{ token: string }>(async (request, { token }) => {
  const access = await requireAccess(token);
  if (access.role !== "owner") throw new AppError("forbidden", "Only the map's owner can change its links.");
  const { role } = await readJson(request, rotateBody);
  return Response.json({ links: linkUrls(originOf(request), await rotateLink(access.mapId, role)) });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
