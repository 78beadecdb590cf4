/**
 * Reasons with several premises (co-premises, docs/structure.md): statements that support or
 * rebut a point only together become the premises of one argument node, which carries the link to
 * that point. Combine separate reasons into one, add a premise, take one out.
 */
import { premisesOf } from "../map/graph";
import type { Op } from "../map/ops";
import { entryOf } from "../map/records";
import { isArgument, isReasonRelation, type ArgEdge, type ArgNode, type MapDoc, type ReasonRelation } from "../map/types";
import { excerpt } from "../map/describe";
import { newNodeOp } from "./addNode";
import { placeBelow } from "./placement";
import { canEdit, type ActionContext, type DocumentAction } from "./types";

/** What combining the statements would make: one reason for or against `target`. */
export interface CoPremisePlan {
  premises: ArgNode[];
  target: ArgNode;
  relation: ReasonRelation;
}

/**
 * The reason the statements would make together: the point most of them already support or rebut
 * (the same way), which none of them is. Or why they cannot be combined.
 */
export function coPremisePlan(doc: MapDoc, nodeIds: readonly string[]): CoPremisePlan | { problem: string } {
  const premises = [...new Set(nodeIds)].map((id) => entryOf(doc.nodes, id)).filter((node): node is ArgNode => node !== undefined);
  if (premises.length < 2) return { problem: "Select two or more statements to combine into one reason." };
  if (premises.some(isArgument)) return { problem: "Only statements can be premises: an argument is a reason already." };
  const chosen = new Set(premises.map((node) => node.id));
  const votes = new Map<string, { target: string; relation: ReasonRelation; count: number }>();
  for (const edge of Object.values(doc.edges)) {
    if (!chosen.has(edge.from) || chosen.has(edge.to) || !isReasonRelation(edge.relation) || !entryOf(doc.nodes, edge.to)) continue;
    const key = `${edge.relation}\u0000${edge.to}`;
    const vote = votes.get(key) ?? { target: edge.to, relation: edge.relation, count: 0 };
    vote.count += 1;
    votes.set(key, vote);
  }
  const best = [...votes.values()].sort((a, b) => b.count - a.count)[0];
  if (!best) return { problem: "Link one of them to the point they argue for or against first." };
  const split = premises.some((node) => {
    const existing = linkFrom(doc, node.id, best.target);
    return existing !== undefined && existing.relation !== best.relation;
  });
  if (split) return { problem: "They do not all argue the same way on that point: make their links all supports or all rebuts first." };
  return { premises, target: entryOf(doc.nodes, best.target)!, relation: best.relation };
}

const linkFrom = (doc: MapDoc, from: string, to: string): ArgEdge | undefined =>
  Object.values(doc.edges).find((edge) => edge.from === from && edge.to === to);

const GAP_Y = 90;

/**
 * The premises and every reason below them (their reasons, and theirs…), which move down to make
 * room for the argument between them and their point.
 */
function premisesAndBelow(doc: MapDoc, premises: readonly ArgNode[]): Set<string> {
  const below = new Set(premises.map((node) => node.id));
  const queue = [...below];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const edge of Object.values(doc.edges)) {
      if (edge.to !== id || edge.relation === "undercuts" || below.has(edge.from)) continue;
      below.add(edge.from);
      queue.push(edge.from);
    }
  }
  return below;
}

/**
 * The ops that make one argument of the plan's premises, taking over their links to the target and
 * the undercuts of those links. The argument takes the premises' place; they and the reasons
 * below them move down a row, so the argument reads as one box between them and their point.
 */
export function combineOps(context: ActionContext, plan: CoPremisePlan): Op[] {
  const { doc } = context;
  const argumentId = context.newId();
  const conclusionId = context.newId();
  const size = context.sizeOf(argumentId);
  const centre = plan.premises.reduce((sum, node) => sum + node.x + context.sizeOf(node.id).width / 2, 0) / plan.premises.length;
  const top = Math.min(...plan.premises.map((node) => node.y));
  const shift = Math.round(size.height + GAP_Y);
  const moves = [...premisesAndBelow(doc, plan.premises)]
    .filter((id) => id !== plan.target.id)
    .map((id) => entryOf(doc.nodes, id)!)
    .filter((node) => node.y >= top)
    .map((node) => ({ id: node.id, x: node.x, y: node.y + shift }));
  const at = { x: Math.round(centre - size.width / 2), y: Math.round(top) };
  const ops: Op[] = [
    ...(moves.length > 0 ? [{ type: "moveNodes" as const, moves }] : []),
    newNodeOp("argument", at, argumentId),
    { type: "addEdge", edge: { id: conclusionId, from: argumentId, to: plan.target.id, relation: plan.relation } },
  ];
  const undercutters = new Set<string>();
  for (const premise of plan.premises) {
    const direct = linkFrom(doc, premise.id, plan.target.id);
    if (direct) {
      // An objection to "this premise shows that" now objects to what the premises show together.
      for (const edge of Object.values(doc.edges)) {
        if (edge.relation !== "undercuts" || edge.to !== direct.id || edge.from === argumentId || undercutters.has(edge.from) || edge.from === plan.target.id) continue;
        undercutters.add(edge.from);
        ops.push({ type: "addEdge", edge: { id: context.newId(), from: edge.from, to: conclusionId, relation: "undercuts" } });
      }
      ops.push({ type: "deleteEdge", id: direct.id });
    }
    ops.push({ type: "addEdge", edge: { id: context.newId(), from: premise.id, to: argumentId, relation: "premise" } });
  }
  return ops;
}

export const combinePremises: DocumentAction<{ nodeIds: readonly string[] }> = {
  kind: "ops",
  id: "combinePremises",
  label: "Combine",
  description: "Combine the selected statements as co-premises: one reason whose premises support or rebut their point only together",
  group: "edit",
  shortcuts: [{ key: "g" }],
  enabled: (context) => canEdit(context) && !("problem" in coPremisePlan(context.doc, context.selection.nodeIds)),
  problem: (context, value) => {
    const plan = coPremisePlan(context.doc, value?.nodeIds ?? context.selection.nodeIds);
    return "problem" in plan ? plan.problem : null;
  },
  labelFor: (context, value) => {
    const plan = coPremisePlan(context.doc, value?.nodeIds ?? context.selection.nodeIds);
    if ("problem" in plan) return "Combine as co-premises";
    return `Combine as co-premises of a reason ${plan.relation === "supports" ? "for" : "against"} “${excerpt(plan.target.text, 40)}”`;
  },
  perform: (context, value) => {
    const plan = coPremisePlan(context.doc, value?.nodeIds ?? context.selection.nodeIds);
    return "problem" in plan ? false : combineOps(context, plan);
  },
};

/** The one argument among the selected nodes, and the statements selected with it. */
function argumentAndStatements(context: ActionContext): { argument: ArgNode; statements: ArgNode[] } | null {
  const nodes = context.selection.nodeIds.map((id) => entryOf(context.doc.nodes, id)).filter((node): node is ArgNode => node !== undefined);
  const arguments_ = nodes.filter(isArgument);
  if (arguments_.length !== 1 || context.selection.edgeIds.length > 0) return null;
  return { argument: arguments_[0]!, statements: nodes.filter((node) => !isArgument(node)) };
}

/** The relation of the argument's link to its point, if it has one. */
const conclusionRelation = (doc: MapDoc, argumentId: string): ReasonRelation | undefined =>
  Object.values(doc.edges).find((edge) => edge.from === argumentId && isReasonRelation(edge.relation))?.relation as ReasonRelation | undefined;

export const addPremise: DocumentAction = {
  kind: "ops",
  id: "addPremise",
  label: "Premise",
  description: "Add a premise to the selected argument; statements selected with it become its premises",
  group: "add",
  shortcuts: [{ key: "p" }],
  enabled: (context) => canEdit(context) && argumentAndStatements(context) !== null,
  labelFor: (context) => {
    const found = argumentAndStatements(context);
    return found && found.statements.length > 0 ? `Add as premises of “${excerpt(found.argument.text, 40)}”` : "Add a premise";
  },
  perform: (context) => {
    const found = argumentAndStatements(context);
    if (!found) return false;
    const { argument, statements } = found;
    const { doc } = context;
    if (statements.length === 0) {
      const id = context.newId();
      const at = placeBelow(context, argument.id, context.sizeOf(id));
      const kind = conclusionRelation(doc, argument.id) === "rebuts" ? "rebuttal" : "support";
      return [
        newNodeOp(kind, at, id),
        { type: "addEdge", edge: { id: context.newId(), from: id, to: argument.id, relation: "premise" } },
      ];
    }
    const points = new Set(Object.values(doc.edges).filter((edge) => edge.from === argument.id && isReasonRelation(edge.relation)).map((edge) => edge.to));
    const ops: Op[] = [];
    for (const statement of statements) {
      if (premisesOf(doc, argument.id).some((edge) => edge.from === statement.id)) continue;
      for (const edge of Object.values(doc.edges)) {
        // Its own link to the argument, or to the argument's point: it now argues through the argument.
        if (edge.from === statement.id && (edge.to === argument.id || (points.has(edge.to) && isReasonRelation(edge.relation)))) ops.push({ type: "deleteEdge", id: edge.id });
      }
      ops.push({ type: "addEdge", edge: { id: context.newId(), from: statement.id, to: argument.id, relation: "premise" } });
    }
    return ops.length > 0 ? ops : false;
  },
};

/** The premise links chosen: the one given, or the selected ones. */
function premiseLinks(context: ActionContext, edgeId?: string): ArgEdge[] {
  const ids = edgeId !== undefined ? [edgeId] : context.selection.edgeIds;
  return ids.map((id) => entryOf(context.doc.edges, id)).filter((edge): edge is ArgEdge => edge?.relation === "premise");
}

export const removePremise: DocumentAction<{ edgeId: string }> = {
  kind: "ops",
  id: "removePremise",
  label: "Remove from reason",
  description: "Take the premise out of its argument; the statement stays on the map",
  group: "edit",
  shortcuts: [],
  enabled: (context) => canEdit(context) && premiseLinks(context).length > 0,
  perform: (context, value) => {
    const links = premiseLinks(context, value?.edgeId);
    return links.length > 0 ? links.map((edge) => ({ type: "deleteEdge", id: edge.id })) : false;
  },
};
