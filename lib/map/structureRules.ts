/**
 * The rules of the argument structure (docs/structure.md): what a link may join, and when a node
 * may change between statement and argument. applyOp checks them op by op and integrity.ts checks
 * a whole doc with them, so an import and an edit obey the same rules.
 */
import type { OpError } from "./ops";
import { isArgument, isReasonRelation, type ArgEdge, type ArgNode, type NodeKind } from "./types";

/** Read access to a doc's records, as applyOp's writer and a plain doc both give it. */
export interface RecordLookup {
  node(id: string): ArgNode | undefined;
  edge(id: string): ArgEdge | undefined;
}

const invalid = (message: string): OpError => ({ code: "invalid_op", message });
const gone = (message: string): OpError => ({ code: "not_found", message });

/** Why the link cannot join what it names, or null: its ends exist and the relation fits them. */
export function linkProblem(records: RecordLookup, edge: ArgEdge): OpError | null {
  if (edge.relation === "undercuts") return undercutProblem(records, edge);
  for (const end of [edge.from, edge.to]) {
    if (!records.node(end)) return gone(`node ${end} no longer exists`);
  }
  if (edge.from === edge.to) return invalid(edge.relation === "premise" ? "a node cannot be a premise of itself" : "a node cannot support or rebut itself");
  if (edge.relation === "premise") {
    if (!isArgument(records.node(edge.to)!)) return invalid("a premise links a statement into an argument, and the target is not an argument");
    if (isArgument(records.node(edge.from)!)) return invalid("an argument cannot be a premise: premises are statements");
  }
  return null;
}

function undercutProblem(records: RecordLookup, edge: ArgEdge): OpError | null {
  const target = records.edge(edge.to);
  if (!target) return gone(`link ${edge.to} no longer exists`);
  if (!isReasonRelation(target.relation)) return invalid("an undercut objects to a supports or rebuts link, not to a premise or another undercut");
  if (!records.node(edge.from)) return gone(`node ${edge.from} no longer exists`);
  if (edge.from === target.from || edge.from === target.to) return invalid("a node cannot undercut a link it is an end of");
  return null;
}

/**
 * Why the node cannot change from its kind to `kind`, given the links it has, or null. Premises
 * are statements, and only an argument can hold premises.
 */
export function kindChangeProblem(node: ArgNode, kind: NodeKind, edges: Iterable<ArgEdge>): OpError | null {
  const becomesArgument = kind === "argument" && !isArgument(node);
  const stopsBeingArgument = kind !== "argument" && isArgument(node);
  if (!becomesArgument && !stopsBeingArgument) return null;
  for (const edge of edges) {
    if (edge.relation !== "premise") continue;
    if (becomesArgument && edge.from === node.id) return invalid("a premise cannot become an argument: premises are statements; remove it from its argument first");
    if (stopsBeingArgument && edge.to === node.id) return invalid("an argument with premises cannot become a statement; remove its premises first");
  }
  return null;
}

/**
 * The links that go with a deleted link or deleted nodes: links into or out of the nodes, the
 * undercuts they gave, and the undercuts aimed at any link that goes.
 */
export function linksGoingWith(edges: Iterable<ArgEdge>, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string> = new Set()): string[] {
  const all = [...edges];
  const going = new Set(edgeIds);
  for (const edge of all) {
    const touches = edge.relation === "undercuts" ? nodeIds.has(edge.from) : nodeIds.has(edge.from) || nodeIds.has(edge.to);
    if (touches) going.add(edge.id);
  }
  // Undercuts aim only at supports/rebuts links, never at undercuts: one more pass finds them all.
  for (const edge of all) {
    if (edge.relation === "undercuts" && going.has(edge.to)) going.add(edge.id);
  }
  for (const id of edgeIds) going.delete(id);
  return [...going];
}
