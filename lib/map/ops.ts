/**
 * Ops: every change to a map is one of these plain objects. One zod schema per op,
 * used by the client before sending and by the server before applying.
 */
import { z } from "zod";
import { LIMITS } from "./limits";
import { NODE_KINDS, RELATIONS } from "./types";

export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.idLength)
  .regex(/^[A-Za-z0-9_-]+$/, "ids use only letters, digits, '_' and '-'");

/**
 * Text as people type it: well-formed UTF-16. A lone surrogate ("\ud800") cannot be stored as
 * UTF-8, so the database would keep something else than the op log says: refused everywhere.
 */
export const wellFormedText = (max: number) => z.string().max(max).refine((text) => text.isWellFormed(), "contains a lone surrogate (text must be well-formed Unicode)");

const coordinate = z.number().finite().min(-LIMITS.coordinate).max(LIMITS.coordinate);
const nodeKind = z.enum(NODE_KINDS);
const relation = z.enum(RELATIONS);
const nodeText = wellFormedText(LIMITS.nodeTextLength);
const speaker = wellFormedText(LIMITS.speakerLength);
const quote = wellFormedText(LIMITS.quoteLength);
const quoteContext = wellFormedText(LIMITS.quoteContextLength);
const baseScore = z.number().min(0).max(1).nullable();
const sourceField = wellFormedText(LIMITS.sourceFieldLength);

export const nodeSchema = z.object({
  id: idSchema,
  kind: nodeKind,
  text: nodeText,
  speaker: speaker.default(""),
  sourceId: idSchema.nullable().default(null),
  quote: quote.default(""),
  quotePrefix: quoteContext.default(""),
  quoteSuffix: quoteContext.default(""),
  baseScore: baseScore.default(null),
  x: coordinate,
  y: coordinate,
});

export const edgeSchema = z.object({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  relation,
});

const sourceTitle = sourceField.min(1, "a source needs a title");
const sourceDate = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dates are YYYY-MM-DD")]);
const sourceText = wellFormedText(LIMITS.sourceTextLength);

export const sourceSchema = z.object({
  id: idSchema,
  title: sourceTitle,
  publisher: sourceField.default(""),
  author: sourceField.default(""),
  date: sourceDate.default(""),
  url: sourceField.default(""),
  text: sourceText.default(""),
});

// Counts only keys with a value: `{text: undefined}` passes zod's optional() but changes nothing.
const nonEmpty = <T extends Record<string, unknown>>(patch: T) =>
  Object.values(patch).some((value) => value !== undefined);

export const addNodeOp = z.object({ type: z.literal("addNode"), node: nodeSchema });
export const updateNodeOp = z.object({
  type: z.literal("updateNode"),
  id: idSchema,
  patch: z
    .object({
      text: nodeText.optional(),
      kind: nodeKind.optional(),
      speaker: speaker.optional(),
      sourceId: idSchema.nullable().optional(),
      quote: quote.optional(),
      quotePrefix: quoteContext.optional(),
      quoteSuffix: quoteContext.optional(),
      baseScore: baseScore.optional(),
    })
    .strict()
    .refine(nonEmpty, "the patch changes nothing"),
  /**
   * What the author saw before changing it: the text when they started typing. It changes nothing
   * by itself; it lets everyone tell an edit of their words from a concurrent overwrite of them.
   */
  base: z.object({ text: nodeText.optional() }).strict().optional(),
});
export const moveNodesOp = z.object({
  type: z.literal("moveNodes"),
  moves: z.array(z.object({ id: idSchema, x: coordinate, y: coordinate })).min(1).max(LIMITS.movesPerOp),
});
export const deleteNodesOp = z.object({
  type: z.literal("deleteNodes"),
  ids: z.array(idSchema).min(1).max(LIMITS.idsPerOp),
});
export const addEdgeOp = z.object({ type: z.literal("addEdge"), edge: edgeSchema });
export const updateEdgeOp = z.object({
  type: z.literal("updateEdge"),
  id: idSchema,
  patch: z.object({ relation }).strict(),
});
export const deleteEdgeOp = z.object({ type: z.literal("deleteEdge"), id: idSchema });
export const addSourceOp = z.object({ type: z.literal("addSource"), source: sourceSchema });
export const updateSourceOp = z.object({
  type: z.literal("updateSource"),
  id: idSchema,
  // Built without the defaults of sourceSchema: `.partial()` keeps them, so a title-only patch
  // would come out of zod with publisher, author, date, url and text reset to "".
  patch: z
    .object({
      title: sourceTitle,
      publisher: sourceField,
      author: sourceField,
      date: sourceDate,
      url: sourceField,
      text: sourceText,
    })
    .partial()
    .strict()
    .refine(nonEmpty, "the patch changes nothing"),
});
export const deleteSourceOp = z.object({ type: z.literal("deleteSource"), id: idSchema });
export const presentationSchema = z.object({
  steps: z
    .array(
      z.object({
        id: idSchema,
        nodeIds: z.array(idSchema).min(1, "a step shows at least one node").max(LIMITS.nodesPerStep),
        notes: wellFormedText(LIMITS.notesLength).default(""),
      }),
    )
    .max(LIMITS.nodesPerMap),
});

export const updateMapOp = z.object({
  type: z.literal("updateMap"),
  patch: z
    .object({
      title: wellFormedText(LIMITS.titleLength).trim().min(1, "a map needs a title").optional(),
      description: wellFormedText(LIMITS.descriptionLength).optional(),
      presentation: presentationSchema.nullable().optional(),
    })
    .strict()
    .refine(nonEmpty, "the patch changes nothing"),
});

export const opSchema = z.discriminatedUnion("type", [
  addNodeOp,
  updateNodeOp,
  moveNodesOp,
  deleteNodesOp,
  addEdgeOp,
  updateEdgeOp,
  deleteEdgeOp,
  addSourceOp,
  updateSourceOp,
  deleteSourceOp,
  updateMapOp,
]);

export type Op = z.output<typeof opSchema>;
export type OpType = Op["type"];
export type OpOf<T extends OpType> = Extract<Op, { type: T }>;

/** An op as a client sends it: the op plus the client's own id for it (for idempotent retries). */
export const clientOpSchema = z.intersection(z.object({ clientOpId: idSchema }), opSchema);
export type ClientOp = Op & { clientOpId: string };

/** The one reason an op can fail, as a value. */
export interface OpError {
  code: "invalid_op" | "not_found" | "conflict" | "too_large";
  message: string;
}

/** One entry of the op log: as the server logs it, and as the event stream delivers it. */
export interface LoggedOp {
  revision: number;
  clientId: string;
  clientOpId: string;
  author: string;
  op: Op;
}

/** The answer to a batch of ops: what was applied at which revision, and what was rejected, why. */
export interface OpsOutcome {
  revision: number;
  applied: { clientOpId: string; revision: number }[];
  rejected: { clientOpId: string; error: OpError }[];
}

/** A validation failure in words (its first issue, with where it is), and whether a size limit caused it. */
export function describeZodError(error: z.ZodError): { tooLarge: boolean; message: string } {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return { tooLarge: error.issues.some((i) => i.code === "too_big"), message: `${where}${issue?.message ?? "invalid input"}` };
}

/** Parses untrusted input into an Op, or says clearly what is wrong with it. */
export function parseOp(input: unknown): { ok: true; op: Op } | { ok: false; error: OpError } {
  const result = opSchema.safeParse(input);
  if (result.success) return { ok: true, op: result.data };
  const { tooLarge, message } = describeZodError(result.error);
  return { ok: false, error: { code: tooLarge ? "too_large" : "invalid_op", message } };
}
