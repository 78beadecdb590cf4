/**
 * The last check of every import, whichever parser produced the doc (Argumap JSON, AIF, Argdown,
 * or any parser that replaces one of them): every record passes the same schemas an op's records
 * pass (sizes, ids, well-formed text), every count is within the map's limits, and the doc keeps
 * every invariant. A parser that lets something through is caught here, naming the record.
 */
import { z } from "zod";
import { findIntegrityProblem } from "../integrity";
import { LIMITS } from "../limits";
import { describeZodError, edgeSchema, nodeSchema, presentationSchema, sourceSchema, wellFormedText, type OpError } from "../ops";
import type { MapDoc } from "../types";
import { dialogueLayerSchema } from "./dialogue";
import type { ImportResult } from "./importedDoc";

const metaSchema = z.object({
  title: wellFormedText(LIMITS.titleLength).trim().min(1, "a map needs a title"),
  description: wellFormedText(LIMITS.descriptionLength),
  presentation: presentationSchema.nullable(),
});

export function verifyImport(result: ImportResult): ImportResult {
  if (!result.ok) return result;
  const problem = docProblem(result.doc) ?? dialogueProblem(result);
  return problem ? { ok: false, error: problem } : result;
}

function docProblem(doc: MapDoc): OpError | null {
  const integrity = findIntegrityProblem(doc);
  if (integrity) return integrity;
  const meta = metaSchema.safeParse(doc.meta);
  if (!meta.success) return described("the map", meta.error);
  const lists = [
    ["node", doc.nodes, nodeSchema],
    ["link", doc.edges, edgeSchema],
    ["source", doc.sources, sourceSchema],
  ] as const;
  for (const [what, records, schema] of lists) {
    for (const record of Object.values(records)) {
      const parsed = schema.safeParse(record);
      if (!parsed.success) return described(`${what} "${record.id}"`, parsed.error);
    }
  }
  return null;
}

/** The dialogue layer is stored as it is: its shape and sizes are checked like the records'. */
function dialogueProblem(result: ImportResult & { ok: true }): OpError | null {
  if (!result.dialogue) return null;
  const parsed = dialogueLayerSchema.safeParse(result.dialogue);
  return parsed.success ? null : described("the dialogue layer", parsed.error);
}

function described(what: string, error: z.ZodError): OpError {
  const { tooLarge, message } = describeZodError(error);
  return { code: tooLarge ? "too_large" : "invalid_op", message: `${what}: ${message}` };
}
