/**
 * The AIF JSON we read: AIFdb's and OVA's (ids as strings or numbers, `{AIF: …}` wrapper or
 * none, OVA's layout as `{nodes: [...]}`, as a list, or keyed by id), and our own `argumap`
 * member (version 1 had kinds and positions; version 2 adds sources, quotes and arguments).
 */
import { z } from "zod";
import type { OpError } from "../ops";
import { NODE_KINDS } from "../types";

/** AIFdb writes ids as strings, some tools as numbers; both are read as strings. */
const aifId = z.union([z.string().min(1, "an id cannot be empty"), z.number().finite()]).transform(String);
const extra = z.object({
  kind: z.enum(NODE_KINDS).optional(),
  x: z.number().optional(),
  y: z.number().optional(),
  text: z.string().optional(),
  speaker: z.string().optional(),
  sourceId: z.string().optional(),
  quote: z.string().optional(),
  quotePrefix: z.string().optional(),
  quoteSuffix: z.string().optional(),
});
export type AifExtra = z.output<typeof extra>;

export const aifSchema = z.object({
  nodes: z.array(z.object({ nodeID: aifId, type: z.string(), text: z.string().nullish() })),
  edges: z.array(z.object({ fromID: aifId, toID: aifId })).default([]),
  locutions: z.array(z.object({ nodeID: aifId, personID: aifId.nullish() })).default([]),
  participants: z.array(z.object({ participantID: aifId, firstname: z.string().nullish(), surname: z.string().nullish() })).default([]),
  argumap: z
    .object({
      version: z.number().optional(),
      title: z.string().optional(),
      description: z.string().optional(),
      nodes: z.record(z.string(), extra).optional(),
      arguments: z.record(z.string(), extra).optional(),
      schemes: z.record(z.string(), z.object({ premise: z.literal(true).optional(), argument: z.string().optional() })).optional(),
      sources: z.array(z.unknown()).optional(),
    })
    .optional(),
});
export type Aif = z.output<typeof aifSchema>;

const position = z.object({ nodeID: aifId, x: z.number(), y: z.number() });
const ovaSchema = z.union([
  z.object({ nodes: z.array(z.unknown()) }).transform((ova) => ova.nodes),
  z.array(z.unknown()),
]);

/** OVA's diagram positions by node id, from whichever of its shapes the file has; items without x and y are skipped. */
export function ovaPositions(raw: unknown): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw) && typeof (raw as { nodes?: unknown }).nodes === "object" && !Array.isArray((raw as { nodes?: unknown }).nodes)) {
    for (const [nodeID, value] of Object.entries((raw as { nodes: Record<string, unknown> }).nodes ?? {})) {
      const parsed = position.safeParse({ nodeID, ...(value as object) });
      if (parsed.success) positions.set(parsed.data.nodeID, parsed.data);
    }
    return positions;
  }
  const list = ovaSchema.safeParse(raw);
  for (const item of list.success ? list.data : []) {
    const parsed = position.safeParse(item);
    if (parsed.success) positions.set(parsed.data.nodeID, parsed.data);
  }
  return positions;
}

const LIST_NAMES: Record<string, string> = { nodes: "node", edges: "edge", locutions: "locution", participants: "participant" };

/** The first zod issue, naming the item: `AIF node 3 ("12"): type: …`. */
export function describeIssue(error: z.ZodError, raw: Record<string, unknown>): OpError {
  const issue = error.issues[0];
  const code = error.issues.some((i) => i.code === "too_big") ? "too_large" : "invalid_op";
  if (!issue) return { code, message: "invalid AIF" };
  const [list, index, ...field] = issue.path;
  const what = typeof list === "string" ? LIST_NAMES[list] : undefined;
  if (what && typeof index === "number") {
    const item = (raw[list as string] as unknown[])[index];
    const id = isObject(item) ? (item.nodeID ?? item.participantID) : undefined;
    const named = typeof id === "string" || typeof id === "number" ? ` (${JSON.stringify(String(id))})` : "";
    return { code, message: `AIF ${what} ${index + 1}${named}: ${field.length > 0 ? `${field.map(String).join(".")}: ` : ""}${issue.message}` };
  }
  const where = issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ` : "";
  return { code, message: `AIF: ${where}${issue.message}` };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
