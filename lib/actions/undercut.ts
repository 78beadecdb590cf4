/**
 * Undercuts (docs/structure.md): an objection to a link rather than to a node, "true, but it does
 * not show that". A new objection goes beside the middle of the link it objects to.
 */
import { entryOf } from "../map/records";
import { isReasonRelation, type ArgEdge } from "../map/types";
import { newNodeOp } from "./addNode";
import { findFreeSpot } from "./placement";
import { canEdit, type ActionContext, type DocumentAction } from "./types";

const GAP_X = 60;

/** The link to undercut: the one given, or the one selected link (a supports or rebuts link). */
function linkToUndercut(context: ActionContext, edgeId?: string): ArgEdge | undefined {
  const { selection, doc } = context;
  const id = edgeId ?? (selection.edgeIds.length === 1 && selection.nodeIds.length === 0 ? selection.edgeIds[0] : undefined);
  const edge = id === undefined ? undefined : entryOf(doc.edges, id);
  return edge && isReasonRelation(edge.relation) ? edge : undefined;
}

export const undercutLink: DocumentAction<{ edgeId: string }> = {
  kind: "ops",
  id: "undercutLink",
  label: "Undercut",
  description: "Object to the selected link: its reason may be true, but it does not show its point",
  group: "add",
  // X: the link crossed out. (U is "up one level" when focused on a node.)
  shortcuts: [{ key: "x" }],
  enabled: (context) => canEdit(context) && linkToUndercut(context) !== undefined,
  problem: (context, value) => (linkToUndercut(context, value?.edgeId) ? null : "Only a supports or rebuts link can be undercut."),
  labelFor: () => "Undercut this link",
  perform: (context, value) => {
    const link = linkToUndercut(context, value?.edgeId);
    const reason = link && entryOf(context.doc.nodes, link.from);
    const point = link && entryOf(context.doc.nodes, link.to);
    if (!link || !reason || !point) return false;
    const id = context.newId();
    const size = context.sizeOf(id);
    const reasonSize = context.sizeOf(reason.id);
    const pointSize = context.sizeOf(point.id);
    // Beside the middle of the link, to the right of whichever end sits further right.
    const middleY = (reason.y + point.y + pointSize.height) / 2;
    const right = Math.max(reason.x + reasonSize.width, point.x + pointSize.width);
    const at = findFreeSpot(context, { x: right + GAP_X, y: middleY - size.height / 2 }, size);
    return [
      newNodeOp("rebuttal", at, id),
      { type: "addEdge", edge: { id: context.newId(), from: id, to: link.id, relation: "undercuts" } },
    ];
  },
};
