/** zod schemas of request bodies (ops themselves are validated by lib/map's schemas). */
import { z } from "zod";
import { LIMITS } from "../map/limits";
import { idSchema, parseOp, wellFormedText, type ClientOp, type Op } from "../map/ops";
import { AppError } from "./errors";

export const createMapBody = z.object({
  title: wellFormedText(LIMITS.titleLength).trim().min(1, "a map needs a title").default("Untitled map"),
  description: wellFormedText(LIMITS.descriptionLength).default(""),
});

export const opsBody = z.object({
  clientId: idSchema,
  author: wellFormedText(LIMITS.speakerLength).default(""),
  ops: z.array(z.object({ clientOpId: idSchema }).passthrough()).min(1, "no ops sent").max(LIMITS.opsPerRequest, `at most ${LIMITS.opsPerRequest} ops per request`),
});

/** Validates every op of a batch before any is applied: one malformed op refuses the whole batch. */
export function parseClientOps(raw: z.output<typeof opsBody>["ops"]): ClientOp[] {
  const seen = new Set<string>();
  return raw.map(({ clientOpId, ...rest }, index) => {
    if (seen.has(clientOpId)) throw new AppError("invalid_op", `ops[${index}] (${clientOpId}): clientOpId repeats within the batch`);
    seen.add(clientOpId);
    const parsed = parseOp(rest);
    if (!parsed.ok) throw new AppError(parsed.error.code === "too_large" ? "too_large" : "invalid_op", `ops[${index}] (${clientOpId}): ${parsed.error.message}`);
    return { ...(parsed.op as Op), clientOpId };
  });
}
