/**
 * The map read as nested lists: each top-level point with the reasons for and against it, as the
 * server-rendered outline, link previews and screen readers present it. Plain data, no markup.
 */
import { indexEdges, roots } from "./graph";
import { entryOf } from "./records";
import type { ArgNode, MapDoc, NodeKind, Relation } from "./types";

export interface OutlineEntry {
  node: ArgNode;
  /** How this node bears on its parent entry; null at the top level. */
  relation: Relation | null;
  /** The node was already listed elsewhere (the map is a graph): its reasons are not repeated. */
  repeated: boolean;
  reasons: OutlineEntry[];
}

/** Deep enough for any real debate; anything below is listed again as a top-level point. */
const MAX_DEPTH = 32;

/**
 * Every node appears at least once with its reasons: the roots first (claims before the rest),
 * then whatever only a cycle or the depth limit kept out, in document order.
 */
export function outlineOf(doc: MapDoc): OutlineEntry[] {
  const index = indexEdges(doc);
  const expanded = new Set<string>();

  const walk = (node: ArgNode, relation: Relation | null, depth: number): OutlineEntry => {
    const repeated = expanded.has(node.id);
    const entry: OutlineEntry = { node, relation, repeated, reasons: [] };
    if (repeated || depth >= MAX_DEPTH) return entry;
    expanded.add(node.id);
    for (const edge of index.incoming.get(node.id) ?? []) {
      const reason = entryOf(doc.nodes, edge.from);
      if (reason) entry.reasons.push(walk(reason, edge.relation, depth + 1));
    }
    return entry;
  };

  const tops = roots(doc).map((node) => walk(node, null, 0));
  for (const node of Object.values(doc.nodes)) {
    if (!expanded.has(node.id)) tops.push(walk(node, null, 0));
  }
  return tops;
}

export type KindCounts = Record<NodeKind, number>;

export function countKinds(doc: MapDoc): KindCounts {
  const counts: KindCounts = { claim: 0, support: 0, rebuttal: 0 };
  for (const node of Object.values(doc.nodes)) counts[node.kind] += 1;
  return counts;
}

const KIND_NOUNS: Record<NodeKind, [string, string]> = {
  claim: ["claim", "claims"],
  support: ["support", "supports"],
  rebuttal: ["rebuttal", "rebuttals"],
};

/** "3 claims, 1 support and 0 rebuttals" */
export function describeCounts(counts: KindCounts): string {
  const parts = (Object.keys(KIND_NOUNS) as NodeKind[]).map((kind) => `${counts[kind]} ${KIND_NOUNS[kind][counts[kind] === 1 ? 0 : 1]}`);
  return `${parts[0]}, ${parts[1]} and ${parts[2]}`;
}

/** Only web addresses become links: a `javascript:` or `data:` URL stays plain text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url.trim());
}
