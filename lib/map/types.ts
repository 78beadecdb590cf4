/**
 * The document model: plain data, shared by the browser, the server and tests.
 * Records are keyed by id so that one op touches one entry (cheap structural sharing).
 */

/**
 * Statements (claim, support, rebuttal) and arguments: a named reason that holds its premises
 * (see docs/structure.md, the agreed model).
 */
export const NODE_KINDS = ["claim", "support", "rebuttal", "argument"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const STATEMENT_KINDS = ["claim", "support", "rebuttal"] as const satisfies readonly NodeKind[];
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/**
 * supports / rebuts: a reason for / against a node. premise: a statement into the argument it is
 * a premise of. undercuts: an objection to the inference of a supports or rebuts link; its `to`
 * is that link's id, not a node's.
 */
export const RELATIONS = ["supports", "rebuts", "premise", "undercuts"] as const;
export type Relation = (typeof RELATIONS)[number];
/** The relations of a reason bearing on a node: the only ones a link can switch between, and undercut. */
export const REASON_RELATIONS = ["supports", "rebuts"] as const satisfies readonly Relation[];
export type ReasonRelation = (typeof REASON_RELATIONS)[number];

export const isArgument = (node: { kind: NodeKind }): boolean => node.kind === "argument";
/** Whether the link's `to` is a node (every relation but undercuts) rather than a link. */
export const aimsAtNode = (edge: { relation: Relation }): boolean => edge.relation !== "undercuts";
export const isReasonRelation = (relation: Relation): relation is ReasonRelation => relation === "supports" || relation === "rebuts";

export interface ArgNode {
  id: string;
  kind: NodeKind;
  text: string;
  /** Who holds this view, e.g. "Condoleezza Rice"; "" when unknown. */
  speaker: string;
  /** The Source this node draws on, or null. */
  sourceId: string | null;
  /** The exact words from the source; "" when none. */
  quote: string;
  /**
   * A little of the source's text just before and just after the quote, as when it was quoted
   * (the W3C TextQuoteSelector's prefix and suffix): it tells two places with the same words
   * apart, and finds the passage again after the source's text is edited. "" when unknown.
   */
  quotePrefix: string;
  quoteSuffix: string;
  /** Where its strength starts before reasons for and against it count (DF-QuAD), 0..1; null = the default, 0.5. */
  baseScore: number | null;
  x: number;
  y: number;
}

export interface ArgEdge {
  id: string;
  /** The node giving the reason (a support, a rebuttal, a premise, an argument, an undercut)... */
  from: string;
  /** ...and the node it bears on; for `undercuts`, the id of the link it objects to. */
  to: string;
  relation: Relation;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  author: string;
  /** ISO date (YYYY-MM-DD) or "" */
  date: string;
  url: string;
  text: string;
}

/** One step of a presentation: the nodes revealed together, and the presenter's notes. */
export interface PresentationStep {
  id: string;
  nodeIds: string[];
  notes: string;
}

/** The presenter's path through the map; null means the default reading order. */
export interface Presentation {
  steps: PresentationStep[];
}

export interface MapMeta {
  title: string;
  description: string;
  presentation: Presentation | null;
}

/** Everything an op can change. Revision and links live outside (server state). */
export interface MapDoc {
  meta: MapMeta;
  nodes: Record<string, ArgNode>;
  edges: Record<string, ArgEdge>;
  sources: Record<string, Source>;
}

/** The id-keyed records of a MapDoc, and the record type each holds. */
export type RecordName = "nodes" | "edges" | "sources";
export interface RecordTypes {
  nodes: ArgNode;
  edges: ArgEdge;
  sources: Source;
}

export type Role = "owner" | "edit" | "view";

/** The wire form of a map, as `GET /api/maps/:token` and JSON export give it. */
export interface MapSnapshot {
  map: { id: string; title: string; description: string; presentation?: Presentation | null; createdAt?: string; updatedAt?: string };
  nodes: ArgNode[];
  edges: ArgEdge[];
  sources: Source[];
  revision: number;
}

export function emptyDoc(meta: Partial<MapMeta> = {}): MapDoc {
  return {
    meta: { title: meta.title ?? "Untitled map", description: meta.description ?? "", presentation: meta.presentation ?? null },
    nodes: {},
    edges: {},
    sources: {},
  };
}

export function docFromSnapshot(snapshot: Pick<MapSnapshot, "map" | "nodes" | "edges" | "sources">): MapDoc {
  return {
    meta: { title: snapshot.map.title, description: snapshot.map.description, presentation: snapshot.map.presentation ?? null },
    nodes: Object.fromEntries(snapshot.nodes.map((node) => [node.id, node])),
    edges: Object.fromEntries(snapshot.edges.map((edge) => [edge.id, edge])),
    sources: Object.fromEntries(snapshot.sources.map((source) => [source.id, source])),
  };
}
