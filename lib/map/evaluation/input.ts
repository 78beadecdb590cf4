/**
 * What the evaluation reads from a map, and what it says about it.
 *
 * The kinds and relations are the agreed structure model's (docs/structure.md): claim, support
 * and rebuttal statements and argument nodes, linked by supports, rebuts, premise and undercuts
 * (an undercut's `to` is another link's id). Typed here as the least the evaluation reads, so the
 * bench and the property tests can hand it bare graphs as well as a MapDoc.
 */
import type { NodeKind, Relation } from "../types";

export type EvaluatedKind = NodeKind;
export type EvaluatedRelation = Relation;

export interface EvaluatedNode {
  id: string;
  kind: EvaluatedKind;
  /** The node's own starting strength for DF-QuAD, 0..1; null or absent = the default, 0.5. */
  baseScore?: number | null;
}

export interface EvaluatedLink {
  id: string;
  from: string;
  /** A node id, or for `undercuts` the id of the link it attacks. */
  to: string;
  relation: EvaluatedRelation;
}

/** Anything shaped like a MapDoc's nodes and edges, keyed by id. */
export interface EvaluatedMap {
  nodes: Readonly<Record<string, EvaluatedNode>>;
  edges: Readonly<Record<string, EvaluatedLink>>;
}

export type Label = "accepted" | "defeated" | "undecided";

/** A person's "what if": nodes they accept as given or reject, whatever the map says about them. */
export type Assumption = "accept" | "reject";

export const DEFAULT_BASE_SCORE = 0.5;

/** The base score DF-QuAD starts a node from: the stored one when set and sane, else the default. */
export function baseScoreOf(node: EvaluatedNode): number {
  const score = node.baseScore;
  return typeof score === "number" && score >= 0 && score <= 1 ? score : DEFAULT_BASE_SCORE;
}
