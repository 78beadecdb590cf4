/**
 * `GET /api/maps/:token/evaluation`'s answer as a zod schema: the contract in one place, for the
 * server's tests and any client that reads it.
 */
import { z } from "zod";

export const LABELS = ["accepted", "defeated", "undecided"] as const;

export const evaluationReportSchema = z
  .object({
    semantics: z.literal("grounded"),
    labels: z.record(z.string(), z.enum(LABELS)),
    strengths: z.record(z.string(), z.number().min(0).max(1)),
    why: z.record(z.string(), z.string()),
    converged: z.boolean(),
  })
  .strict();
