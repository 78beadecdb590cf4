/**
 * How each link of a map is written in Argdown. Argdown says most of the structure model
 * natively, but not all of it, and its model moves things on reading (ModelPlugin): every
 * relation out of a reconstructed argument is moved to that argument's conclusion, and an
 * undercut aims at an argument's inference. So:
 * - an argument with premises and a `supports` link to a statement (not one of its premises) is *reconstructed*: a
 *   premise–conclusion structure lists its premises and that conclusion;
 * - `supports`/`rebuts` links from anything else are written as `+`/`-` under their target,
 *   except a statement's rebuttal of a reconstructed argument when that statement also rebuts one
 *   of the argument's premises: Argdown folds such an attack into the premise's
 *   (removeRedundantEC2ARelations), so it goes to data;
 * - an undercut of a reconstructed argument's conclusion link, or of the one reason link of an
 *   argument without premises, is written natively (`<_` under the argument), from a source
 *   whose own relations Argdown does not move;
 * - the rest (other links out of a reconstructed argument, premises of an argument with no
 *   statement to conclude, other undercuts) is written in the source node's data, as lists of
 *   titles (`{rebuts: ["X"], undercuts: [["S", "T"]]}`), which the importer reads back.
 */
import { indexEdges } from "../graph";
import { entryOf } from "../records";
import type { ArgEdge, MapDoc } from "../types";

export interface ArgdownPlan {
  /** The conclusion link of each reconstructed argument, by argument id. */
  conclusion: Map<string, ArgEdge>;
  /** Links written as `+`/`-` under their target. */
  treeEdges: Set<string>;
  /** Undercuts written natively, by the argument whose inference they aim at. */
  nativeUndercuts: Map<string, ArgEdge[]>;
  /** Links written as data of their source node, by node id. */
  dataLinks: Map<string, ArgEdge[]>;
}

export function planArgdown(doc: MapDoc): ArgdownPlan {
  const { outgoing, incoming } = indexEdges(doc);
  const isArgument = (id: string) => entryOf(doc.nodes, id)?.kind === "argument";
  const conclusion = new Map<string, ArgEdge>();
  for (const node of Object.values(doc.nodes)) {
    if (node.kind !== "argument") continue;
    const premises = new Set((incoming.get(node.id) ?? []).filter((edge) => edge.relation === "premise").map((edge) => edge.from));
    // A premise–conclusion structure cannot conclude one of its own premises.
    const toStatement = (outgoing.get(node.id) ?? []).find((edge) => edge.relation === "supports" && !isArgument(edge.to) && !premises.has(edge.to));
    if (premises.size > 0 && toStatement) conclusion.set(node.id, toStatement);
  }
  const foldedByArgdown = (edge: ArgEdge) => {
    if (edge.relation !== "rebuts" || isArgument(edge.from) || !conclusion.has(edge.to)) return false;
    const premises = new Set((incoming.get(edge.to) ?? []).filter((link) => link.relation === "premise").map((link) => link.from));
    return (outgoing.get(edge.from) ?? []).some((link) => link.relation === "rebuts" && premises.has(link.to));
  };
  const treeEdges = new Set<string>();
  const nativeUndercuts = new Map<string, ArgEdge[]>();
  const dataLinks = new Map<string, ArgEdge[]>();
  const toData = (edge: ArgEdge) => push(dataLinks, edge.from, edge);
  for (const edge of Object.values(doc.edges)) {
    if (edge.relation === "premise") {
      if (!conclusion.has(edge.to)) toData(edge);
      continue;
    }
    if (edge.relation === "supports" || edge.relation === "rebuts") {
      if (!conclusion.has(edge.from) && !foldedByArgdown(edge)) treeEdges.add(edge.id);
      else if (conclusion.get(edge.from) !== edge) toData(edge);
      continue;
    }
    const target = entryOf(doc.edges, edge.to);
    const reasonLinks = target ? (outgoing.get(target.from) ?? []).filter((link) => link.relation === "supports" || link.relation === "rebuts") : [];
    const aimsAtInference =
      target !== undefined &&
      isArgument(target.from) &&
      (conclusion.get(target.from) === target || (!conclusion.has(target.from) && !hasPremise(incoming.get(target.from)) && reasonLinks.length === 1));
    if (aimsAtInference && !conclusion.has(edge.from)) push(nativeUndercuts, target.from, edge);
    else toData(edge);
  }
  return { conclusion, treeEdges, nativeUndercuts, dataLinks };
}

function hasPremise(edges: readonly ArgEdge[] | undefined): boolean {
  return (edges ?? []).some((edge) => edge.relation === "premise");
}

function push<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}
