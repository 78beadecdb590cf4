/** Linking two nodes (by dragging between handles, or from the side panel). */
import { defaultRelationFor, findEdgeBetween } from "../map/graph";
import type { Op } from "../map/ops";
import { entryOf } from "../map/records";
import type { MapDoc, Relation } from "../map/types";

export type LinkResult = { ok: true; ops: Op[]; edgeId: string } | { ok: false; problem: string };

/**
 * The op that makes `from` a reason for or against `to`. Without a relation, it follows the
 * kind of `from` (a rebuttal rebuts, anything else supports).
 */
export function linkNodes(doc: MapDoc, from: string, to: string, edgeId: string, relation?: Relation): LinkResult {
  const reason = entryOf(doc.nodes, from);
  if (!reason || !entryOf(doc.nodes, to)) return { ok: false, problem: "That node no longer exists." };
  if (from === to) return { ok: false, problem: "A node cannot support or rebut itself." };
  if (findEdgeBetween(doc, from, to)) return { ok: false, problem: "Those two nodes are already linked." };
  const edge = { id: edgeId, from, to, relation: relation ?? defaultRelationFor(reason.kind) };
  return { ok: true, ops: [{ type: "addEdge", edge }], edgeId };
}
