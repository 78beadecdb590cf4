/**
 * Finding nodes by what they say: their text, who holds the view, the words quoted, and the title
 * or publisher of their source. Case and accents are ignored; every word of the query must occur
 * (in any of those). Hits come in reading order: top to bottom, then left to right.
 */
import { entryOf } from "./records";
import type { ArgNode, MapDoc } from "./types";

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function searchableText(doc: MapDoc, node: ArgNode): string {
  const source = node.sourceId === null ? undefined : entryOf(doc.sources, node.sourceId);
  return fold([node.text, node.speaker, node.quote, source?.title ?? "", source?.publisher ?? ""].join("\n"));
}

export function searchNodes(doc: MapDoc, query: string): string[] {
  const words = fold(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return [];
  return Object.values(doc.nodes)
    .filter((node) => {
      const text = searchableText(doc, node);
      return words.every((word) => text.includes(word));
    })
    .sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1))
    .map((node) => node.id);
}
