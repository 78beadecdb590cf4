/**
 * Reading the map as a graph. An edge points from the reason (`from`) to the node it is a reason
 * for or against (`to`), so a node's "children" in a debate tree are its incoming edges. An
 * undercut points at a link instead (its `to` is an edge id): it is a child of that link.
 */
import { entryOf } from "./records";
import { aimsAtNode, type ArgEdge, type ArgNode, type MapDoc, type NodeKind, type ReasonRelation, type Relation } from "./types";

/** A reason given for or against a node: the linking edge and the node giving the reason. */
export interface Reason {
  edge: ArgEdge;
  node: ArgNode;
}

/** Every edge that touches the node, in either direction (an undercut it gives, not one aimed at a link named like it). */
export function edgesOf(doc: MapDoc, nodeId: string): ArgEdge[] {
  return Object.values(doc.edges).filter((edge) => edge.from === nodeId || (edge.to === nodeId && aimsAtNode(edge)));
}

/** The undercuts aimed at a link, in edge order. */
export function undercutsOf(doc: MapDoc, edgeId: string): ArgEdge[] {
  return Object.values(doc.edges).filter((edge) => edge.relation === "undercuts" && edge.to === edgeId);
}

/** An argument's premise links, in edge order. */
export function premisesOf(doc: MapDoc, argumentId: string): ArgEdge[] {
  return Object.values(doc.edges).filter((edge) => edge.relation === "premise" && edge.to === argumentId);
}

/**
 * The node an edge ends at: its `to` node, or for an undercut the node the undercut link is about
 * (the undercut sits beside that link's reason). For layout and for framing a view.
 */
export function endNodeOf(doc: MapDoc, edge: ArgEdge): string | undefined {
  if (aimsAtNode(edge)) return edge.to;
  return entryOf(doc.edges, edge.to)?.to;
}

/**
 * The map's links as node-to-node pairs, for what works on nodes alone (layout, folding, the
 * opening view): an undercut counts as a reason of the node its link is about, beside that link's
 * reason, shown and hidden with it.
 */
export function nodeLinks(doc: MapDoc): { from: string; to: string; relation: Relation }[] {
  const links: { from: string; to: string; relation: Relation }[] = [];
  for (const edge of Object.values(doc.edges)) {
    const to = endNodeOf(doc, edge);
    if (to !== undefined) links.push({ from: edge.from, to, relation: edge.relation });
  }
  return links;
}

/** The edge from → to, if any (only one may exist per ordered pair). */
export function findEdgeBetween(doc: MapDoc, from: string, to: string): ArgEdge | undefined {
  for (const edge of Object.values(doc.edges)) {
    if (edge.from === from && edge.to === to) return edge;
  }
  return undefined;
}

/** The relation a new link from a node of this kind gets unless the user picks another. */
export function defaultRelationFor(kind: NodeKind): ReasonRelation {
  return kind === "rebuttal" ? "rebuts" : "supports";
}

/** The reasons given for or against the node (its incoming edges), in edge order. */
export function childrenOf(doc: MapDoc, nodeId: string): Reason[] {
  const reasons: Reason[] = [];
  for (const edge of Object.values(doc.edges)) {
    if (edge.to !== nodeId || !aimsAtNode(edge)) continue;
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

/**
 * Incoming and outgoing edges per node id, and the undercuts aimed at each link, built once for
 * walks over the whole map. `incoming` has no undercuts: their `to` is a link, not a node.
 */
export interface EdgeIndex {
  incoming: ReadonlyMap<string, readonly ArgEdge[]>;
  outgoing: ReadonlyMap<string, readonly ArgEdge[]>;
  undercuts: ReadonlyMap<string, readonly ArgEdge[]>;
}

export function indexEdges(doc: MapDoc): EdgeIndex {
  const incoming = new Map<string, ArgEdge[]>();
  const outgoing = new Map<string, ArgEdge[]>();
  const undercuts = new Map<string, ArgEdge[]>();
  for (const edge of Object.values(doc.edges)) {
    pushTo(aimsAtNode(edge) ? incoming : undercuts, edge.to, edge);
    pushTo(outgoing, edge.from, edge);
  }
  return { incoming, outgoing, undercuts };
}

function pushTo(index: Map<string, ArgEdge[]>, key: string, edge: ArgEdge): void {
  const list = index.get(key);
  if (list) list.push(edge);
  else index.set(key, [edge]);
}
