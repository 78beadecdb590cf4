/**
 * The map read as nested lists: each top-level point with the reasons for and against it, as the
 * server-rendered outline, link previews and screen readers present it. Plain data, no markup.
 * An argument lists its premises first, then the reasons for and against it as a whole; a reason
 * lists, after its own reasons, the undercuts aimed at the link that puts it there.
 */
import { indexEdges, roots } from "./graph";
import { entryOf } from "./records";
import type { ArgEdge, ArgNode, MapDoc, NodeKind, Relation } from "./types";

export interface OutlineEntry {
  node: ArgNode;
  /** How this node bears on its parent entry; null at the top level. */
  relation: Relation | null;
  /** The link that puts it under its parent entry (for an undercut: the undercut link); null at the top level. */
  edge: ArgEdge | null;
  /** The node was already listed elsewhere (the map is a graph): its reasons are not repeated. */
  repeated: boolean;
  reasons: OutlineEntry[];
}

/** Premises first, then supports and rebuttals, in edge order. */
const byRole = (edges: readonly ArgEdge[]) => [...edges.filter((edge) => edge.relation === "premise"), ...edges.filter((edge) => edge.relation !== "premise")];

/** Deep enough for any real debate; anything below is listed again as a top-level point. */
const MAX_DEPTH = 32;

/**
 * Every node appears at least once with its reasons: the roots first (claims before the rest),
 * then whatever only a cycle or the depth limit kept out, in document order.
 */
export function outlineOf(doc: MapDoc): OutlineEntry[] {
  const index = indexEdges(doc);
  const expanded = new Set<string>();

  const walk = (node: ArgNode, via: ArgEdge | null, depth: number): OutlineEntry => {
    const repeated = expanded.has(node.id);
    const entry: OutlineEntry = { node, relation: via?.relation ?? null, edge: via, repeated, reasons: [] };
    if (depth >= MAX_DEPTH) return entry;
    const add = (edge: ArgEdge) => {
      const reason = entryOf(doc.nodes, edge.from);
      if (reason) entry.reasons.push(walk(reason, edge, depth + 1));
    };
    if (!repeated) {
      expanded.add(node.id);
      for (const edge of byRole(index.incoming.get(node.id) ?? [])) add(edge);
    }
    // The undercuts belong to this link, not to the node: listed wherever the link is.
    if (via) for (const edge of index.undercuts.get(via.id) ?? []) add(edge);
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
  const counts: KindCounts = { claim: 0, support: 0, rebuttal: 0, argument: 0 };
  for (const node of Object.values(doc.nodes)) counts[node.kind] += 1;
  return counts;
}

const KIND_NOUNS: Record<NodeKind, [string, string]> = {
  claim: ["claim", "claims"],
  support: ["support", "supports"],
  rebuttal: ["rebuttal", "rebuttals"],
  argument: ["argument", "arguments"],
};

/** "3 claims, 1 support and 0 rebuttals", and "…, 0 rebuttals and 2 arguments" when there are arguments. */
export function describeCounts(counts: KindCounts): string {
  const kinds = (Object.keys(KIND_NOUNS) as NodeKind[]).filter((kind) => kind !== "argument" || counts.argument > 0);
  const parts = kinds.map((kind) => `${counts[kind]} ${KIND_NOUNS[kind][counts[kind] === 1 ? 0 : 1]}`);
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** Only web addresses become links: a `javascript:` or `data:` URL stays plain text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url.trim());
}
