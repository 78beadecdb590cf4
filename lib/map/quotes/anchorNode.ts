/** Anchoring the quotes of nodes that come without context (the seeded demo, hand-written data). */
import type { ArgNode, Source } from "../types";
import { anchorQuote } from "./anchor";

export type UnanchoredNode = Omit<ArgNode, "quotePrefix" | "quoteSuffix"> & Partial<Pick<ArgNode, "quotePrefix" | "quoteSuffix">>;

/**
 * The node with its quote anchored in its source's text: a context it has is kept, one it lacks is
 * taken from the first place the words occur. A quote that is not in the text gets no context
 * (and will be flagged as not found).
 */
export function anchoredNode(node: UnanchoredNode, sources: readonly Source[]): ArgNode {
  const quotePrefix = node.quotePrefix ?? "";
  const quoteSuffix = node.quoteSuffix ?? "";
  const source = node.sourceId === null ? undefined : sources.find((candidate) => candidate.id === node.sourceId);
  if (!node.quote || quotePrefix || quoteSuffix || !source) return { ...node, quotePrefix, quoteSuffix };
  return { ...node, ...anchorQuote(source.text, node.quote) };
}
