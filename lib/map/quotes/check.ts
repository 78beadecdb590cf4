/**
 * Is a node's quote still in its source? Worked out when shown, never stored: the source's text
 * can change under a quote at any time (an edit, someone else's edit, an undo), and the answer
 * must follow. Results are kept per source object, and an edit of a source replaces that object,
 * so nothing stale is ever read.
 */
import { entryOf } from "../records";
import type { ArgNode, MapDoc, Source } from "../types";
import { locateQuote, type QuoteMatch } from "./anchor";

/**
 * `none`: the node quotes nothing. `unchecked`: it has no source, or the source has no text to
 * check against (a reference by address only). Otherwise where the quote is, as QuoteMatch says.
 */
export type QuoteCheck = { status: "none" } | { status: "unchecked" } | QuoteMatch;

const cache = new WeakMap<Source, Map<string, QuoteMatch>>();

export function checkQuote(node: Pick<ArgNode, "quote" | "quotePrefix" | "quoteSuffix">, source: Source | null | undefined): QuoteCheck {
  if (!node.quote.trim()) return { status: "none" };
  if (!source || !source.text.trim()) return { status: "unchecked" };
  let matches = cache.get(source);
  if (!matches) cache.set(source, (matches = new Map()));
  const key = `${node.quotePrefix}\u0000${node.quote}\u0000${node.quoteSuffix}`;
  let match = matches.get(key);
  if (!match) matches.set(key, (match = locateQuote(source.text, node)));
  return match;
}

/** The node's quote checked against the node's own source in the doc. */
export function checkNodeQuote(doc: MapDoc, node: ArgNode): QuoteCheck {
  return checkQuote(node, node.sourceId === null ? undefined : entryOf(doc.sources, node.sourceId));
}

/** True when the node's quote can be checked and is not in its source as written. */
export function quoteIsFlagged(check: QuoteCheck): boolean {
  return check.status === "changed" || check.status === "missing";
}

export interface QuotedPassage {
  node: ArgNode;
  match: QuoteMatch;
}

/** Every node quoting this source, with where its quote is, in the order of the text (missing ones last). */
export function passagesOf(doc: MapDoc, source: Source): QuotedPassage[] {
  const passages: QuotedPassage[] = [];
  for (const node of Object.values(doc.nodes)) {
    if (node.sourceId !== source.id) continue;
    const check = checkQuote(node, source);
    if (check.status === "found" || check.status === "changed" || check.status === "missing") passages.push({ node, match: check });
  }
  const position = (passage: QuotedPassage) => (passage.match.status === "missing" ? Number.MAX_SAFE_INTEGER : passage.match.start);
  return passages.sort((a, b) => position(a) - position(b));
}
