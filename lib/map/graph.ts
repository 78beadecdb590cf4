/**
 * Reading the map as a graph. An edge points from the reason (`from`) to the node it is a reason
 * for or against (`to`), so a node's "children" in a debate tree are its incoming edges.
 */
import { entryOf } from "./records";
import type { ArgEdge, ArgNode, MapDoc, NodeKind, Relation } from "./types";

/** A reason given for or against a node: the linking edge and the node giving the reason. */
export interface Reason {
  edge: ArgEdge;
  node: ArgNode;
}

/** Every edge that touches the node, in either direction. */
export function edgesOf(doc: MapDoc, nodeId: string): ArgEdge[] {
  return Object.values(doc.edges).filter((edge) => edge.from === nodeId || edge.to === nodeId);
}

/** The edge from → to, if any (only one may exist per ordered pair). */
export function findEdgeBetween(doc: MapDoc, from: string, to: string): ArgEdge | undefined {
  for (const edge of Object.values(doc.edges)) {
    if (edge.from === from && edge.to === to) return edge;
  }
  return undefined;
}

/** The relation a new link from a node of this kind gets unless the user picks another. */
export function defaultRelationFor(kind: NodeKind): Relation {
  return kind === "rebuttal" ? "rebuts" : "supports";
}

/** The reasons given for or against the node (its incoming edges), in edge order. */
export function childrenOf(doc: MapDoc, nodeId: string): Reason[] {
  const reasons: Reason[] = [];
  for (const edge of Object.values(doc.edges)) {
    if (edge.to !== nodeId) continue;
    const node = entryOf(doc.nodes, edge.from);
    if (node) reasons.push({ edge, node });
  }
  return reasons;
}

/**
 * The nodes that are a reason for nothing (no outgoing edge): the top of each debate tree.
 * Claims come first, then the rest, each group in document order.
 */
export function roots(doc: MapDoc): ArgNode[] {
  const hasOutgoing = new Set(Object.values(doc.edges).map((edge) => edge.from));
  const tops = Object.values(doc.nodes).filter((node) => !hasOutgoing.has(node.id));
  return [...tops.filter((node) => node.kind === "claim"), ...tops.filter((node) => node.kind !== "claim")];
}

/** Incoming and outgoing edges per node id, built once for walks over the whole map. */
export interface EdgeIndex {
  incoming: ReadonlyMap<string, readonly ArgEdge[]>;
  outgoing: ReadonlyMap<string, readonly ArgEdge[]>;
}

export function indexEdges(doc: MapDoc): EdgeIndex {
  const incoming = new Map<string, ArgEdge[]>();
  const outgoing = new Map<string, ArgEdge[]>();
  for (const edge of Object.values(doc.edges)) {
    pushTo(incoming, edge.to, edge);
    pushTo(outgoing, edge.from, edge);
  }
  return { incoming, outgoing };
}

function pushTo(index: Map<string, ArgEdge[]>, key: string, edge: ArgEdge): void {
  const list = index.get(key);
  if (list) list.push(edge);
  else index.set(key, [edge]);
}
