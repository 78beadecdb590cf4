/**
 * The kind a node's links suggest. Formats that carry no kinds (AIF, Argdown) are read with this
 * rule, and exports write a node's kind out only where the rule would get it wrong, so a file
 * stays plain for the usual map and still round-trips an unusual one.
 */
import type { NodeKind, Relation } from "../types";

/**
 * A node that rebuts or undercuts anything is a rebuttal, one that only supports (or is a
 * premise) is a support, and one that is a reason for nothing is a claim.
 */
export function kindFromLinks(relations: Iterable<Relation>): NodeKind {
  let supports = false;
  for (const relation of relations) {
    if (relation === "rebuts" || relation === "undercuts") return "rebuttal";
    supports = true;
  }
  return supports ? "support" : "claim";
}

/** The suggested kind of every node id, given each link's `from` and relation. */
export function kindsFromLinks(nodeIds: Iterable<string>, links: Iterable<{ from: string; relation: Relation }>): Map<string, NodeKind> {
  const outgoing = new Map<string, Relation[]>();
  for (const link of links) {
    const list = outgoing.get(link.from);
    if (list) list.push(link.relation);
    else outgoing.set(link.from, [link.relation]);
  }
  const kinds = new Map<string, NodeKind>();
  for (const id of nodeIds) kinds.set(id, kindFromLinks(outgoing.get(id) ?? []));
  return kinds;
}
