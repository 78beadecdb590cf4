/**
 * A node's kind says the role its author meant (a reason for, a reason against); its links say
 * what it does. When the two disagree (a rebuttal that *supports* something) the map says so, and
 * changing a node's kind offers to flip its links to match. Only `supports` and `rebuts` links
 * carry that meaning: premise and undercut links (docs/structure.md) are never contradicted by a
 * kind, and claims and arguments may support or rebut alike.
 */
import { entryOf } from "./records";
import type { ArgEdge, ArgNode, MapDoc, NodeKind } from "./types";

type Stance = "supports" | "rebuts";

/** The relation a node of this kind means its links to have, if its kind says one. */
export function stanceOf(kind: NodeKind): Stance | null {
  return kind === "support" ? "supports" : kind === "rebuttal" ? "rebuts" : null;
}

const isStance = (relation: string): relation is Stance => relation === "supports" || relation === "rebuts";

/** Whether the link's relation contradicts the kind of the node it comes from. */
export function contradictsKind(edge: Pick<ArgEdge, "relation">, from: Pick<ArgNode, "kind"> | undefined): boolean {
  const meant = from ? stanceOf(from.kind) : null;
  return meant !== null && isStance(edge.relation) && edge.relation !== meant;
}

/** The links from the node that would contradict it if it were of `kind`. */
export function linksContradicting(doc: MapDoc, nodeId: string, kind: NodeKind): ArgEdge[] {
  if (!entryOf(doc.nodes, nodeId)) return [];
  return Object.values(doc.edges).filter((edge) => edge.from === nodeId && contradictsKind(edge, { kind }));
}
