/**
 * Linking: a node to a node (by dragging between handles, or from the side panel), or a node onto
 * a link as an undercut (by dropping on the link, or from the side panel). One action, `link`,
 * takes what the user chose as its value; the structure rules are applyOp's (checkOp).
 */
import { checkOp } from "../map/apply";
import { defaultRelationFor, findEdgeBetween } from "../map/graph";
import type { Op } from "../map/ops";
import { entryOf } from "../map/records";
import { isArgument, isReasonRelation, type ArgNode, type MapDoc, type Relation } from "../map/types";
import { canEdit, type DocumentAction } from "./types";

export type LinkResult = { ok: true; ops: Op[]; edgeId: string } | { ok: false; problem: string };

/** What the user chose: the reason, what it bears on (a node, or a link for an undercut), how. */
export interface LinkChoice {
  from: string;
  to: string;
  /** Without one: undercuts onto a link, premise from a statement into an argument, else by the reason's kind. */
  relation?: Relation;
  edgeId: string;
}

/** The op that links `from` to `to` as chosen, or why it cannot, in words a user understands. */
export function linkNodes(doc: MapDoc, from: string, to: string, edgeId: string, relation?: Relation): LinkResult {
  const reason = entryOf(doc.nodes, from);
  const targetLink = entryOf(doc.edges, to);
  const onLink = relation === "undercuts" || (relation === undefined && targetLink !== undefined && !entryOf(doc.nodes, to));
  if (!reason || (onLink ? !targetLink : !entryOf(doc.nodes, to))) return { ok: false, problem: onLink ? "That link no longer exists." : "That node no longer exists." };
  if (!onLink && from === to) return { ok: false, problem: "A node cannot support or rebut itself." };
  if (findEdgeBetween(doc, from, to)) return { ok: false, problem: onLink ? "This node already undercuts that link." : "Those two nodes are already linked." };
  const edge = { id: edgeId, from, to, relation: onLink ? "undercuts" : (relation ?? defaultRelation(reason, entryOf(doc.nodes, to)!)) } as const;
  const error = checkOp(doc, { type: "addEdge", edge });
  if (error) return { ok: false, problem: PROBLEMS[edge.relation] ?? sentence(error.message) };
  return { ok: true, ops: [{ type: "addEdge", edge }], edgeId };
}

/** A statement dropped on an argument joins its premises; otherwise a rebuttal rebuts and anything else supports. */
function defaultRelation(reason: ArgNode, target: ArgNode): Relation {
  return isArgument(target) && !isArgument(reason) ? "premise" : defaultRelationFor(reason.kind);
}

/** The structure rules (docs/structure.md) as a user meets them. */
const PROBLEMS: Partial<Record<Relation, string>> = {
  premise: "A premise is a statement linked into an argument: choose an argument, from a statement.",
  undercuts: "An undercut objects to a supports or rebuts link, and cannot come from either end of that link.",
};

const sentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;

export const link: DocumentAction<LinkChoice> = {
  kind: "ops",
  id: "link",
  label: "Link",
  description: "Link a node to what it supports, rebuts or is a premise of, or onto a link it undercuts",
  group: "edit",
  shortcuts: [],
  enabled: canEdit,
  problem: (context, choice) => {
    if (!choice) return "Choose what to link.";
    const result = linkNodes(context.doc, choice.from, choice.to, choice.edgeId, choice.relation);
    return result.ok ? null : result.problem;
  },
  perform: (context, choice) => {
    if (!choice) return false;
    const result = linkNodes(context.doc, choice.from, choice.to, choice.edgeId, choice.relation);
    return result.ok ? result.ops : false;
  },
};

/** The relations a link from this node can take, with what each can point at. */
export function linkableRelations(doc: MapDoc, fromId: string): { relation: Relation; targets: "nodes" | "arguments" | "links" }[] {
  const from = entryOf(doc.nodes, fromId);
  if (!from) return [];
  const relations: { relation: Relation; targets: "nodes" | "arguments" | "links" }[] = [
    { relation: "supports", targets: "nodes" },
    { relation: "rebuts", targets: "nodes" },
  ];
  if (from.kind !== "argument") relations.push({ relation: "premise", targets: "arguments" });
  if (Object.values(doc.edges).some((edge) => isReasonRelation(edge.relation) && edge.from !== fromId && edge.to !== fromId)) {
    relations.push({ relation: "undercuts", targets: "links" });
  }
  return relations;
}
