/** For import tests: unwrap a parse result, or fail the test saying what was expected. */
import type { OpError } from "../ops";
import type { MapDoc } from "../types";

type Parsed = { ok: true; doc: MapDoc } | { ok: false; error: OpError };

export function importedDoc(result: Parsed): MapDoc {
  if (!result.ok) throw new Error(`expected the import to succeed: ${result.error.message}`);
  return result.doc;
}

export function importRefusal(result: Parsed): OpError {
  if (result.ok) throw new Error("expected the import to be refused");
  return result.error;
}

/** Links as "from-text relation to-text", sorted: comparable across maps with different ids. */
export function linksByText(doc: MapDoc): string[] {
  return Object.values(doc.edges)
    .map((link) => `${doc.nodes[link.from]!.text} ${link.relation} ${doc.nodes[link.to]!.text}`)
    .sort();
}
