/**
 * Adding nodes. With exactly one node selected, a support or rebuttal goes below it and is linked
 * to it at once (that is how people build maps: claim, then reasons for and against it).
 */
import type { Op } from "../map/ops";
import type { ArgNode, NodeKind } from "../map/types";
import { defaultRelationFor } from "../map/graph";
import { centredOn, findFreeSpot, placeBelow } from "./placement";
import { canEdit, type ActionContext, type DocumentAction } from "./types";
import { entryOf } from "../map/records";

/** What a new node may start with besides its kind and place (a node made from a quote has them all). */
export type NodeContent = Partial<Pick<ArgNode, "text" | "speaker" | "sourceId" | "quote" | "quotePrefix" | "quoteSuffix">>;

/** The op adding a blank node (new fields get their empty value here, in one place). */
export function newNodeOp(kind: NodeKind, at: { x: number; y: number }, id: string, content: NodeContent = {}): Op {
  const empty = { text: "", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null };
  return { type: "addNode", node: { id, kind, ...empty, ...content, x: at.x, y: at.y } };
}

/** The one selected node a new reason would answer, if exactly one node is selected. */
export function answeredNode(context: ActionContext): string | null {
  const [only, ...rest] = context.selection.nodeIds;
  return only !== undefined && rest.length === 0 && entryOf(context.doc.nodes, only) ? only : null;
}

function addStandalone(context: ActionContext, kind: NodeKind, content?: NodeContent): Op[] {
  const id = context.newId();
  const size = context.sizeOf(id);
  const at = findFreeSpot(context, centredOn(context.insertionPoint(), size), size);
  return [newNodeOp(kind, at, id, content)];
}

function addReason(context: ActionContext, kind: NodeKind, content?: NodeContent): Op[] {
  const target = answeredNode(context);
  if (target === null) return addStandalone(context, kind, content);
  const id = context.newId();
  const at = placeBelow(context, target, context.sizeOf(id));
  return [
    newNodeOp(kind, at, id, content),
    { type: "addEdge", edge: { id: context.newId(), from: id, to: target, relation: defaultRelationFor(kind) } },
  ];
}

/**
 * The ops that add a node of this kind as the toolbar's C, S and R do: a claim in the view, a
 * support or rebuttal answering the one selected node (below it, linked).
 */
export function addNodeOps(context: ActionContext, kind: NodeKind, content?: NodeContent): Op[] {
  return kind === "claim" ? addStandalone(context, kind, content) : addReason(context, kind, content);
}

export const addClaim: DocumentAction = {
  kind: "ops",
  id: "addClaim",
  label: "Claim",
  description: "Add a claim in the middle of the view",
  group: "add",
  shortcuts: [{ key: "c" }],
  enabled: canEdit,
  perform: (context) => addStandalone(context, "claim"),
};

export const addSupportTo: DocumentAction = {
  kind: "ops",
  id: "addSupportTo",
  label: "Support",
  description: "Add a support; with one node selected, below it and linked to it",
  group: "add",
  shortcuts: [{ key: "s" }],
  enabled: canEdit,
  perform: (context) => addReason(context, "support"),
};

export const addRebuttalTo: DocumentAction = {
  kind: "ops",
  id: "addRebuttalTo",
  label: "Rebuttal",
  description: "Add a rebuttal; with one node selected, below it and linked to it",
  group: "add",
  shortcuts: [{ key: "r" }],
  enabled: canEdit,
  perform: (context) => addReason(context, "rebuttal"),
};
