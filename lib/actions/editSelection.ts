/** Actions on what is selected: delete it, flip a link between supports and rebuts. */
import type { Op } from "../map/ops";
import { canEdit, type ActionContext, type DocumentAction } from "./types";
import { entryOf } from "../map/records";
import { linksGoingWith } from "../map/structureRules";
import { isReasonRelation } from "../map/types";

const isReasonLink = (context: ActionContext, id: string) => {
  const edge = entryOf(context.doc.edges, id);
  return edge !== undefined && isReasonRelation(edge.relation);
};

export const deleteSelection: DocumentAction = {
  kind: "ops",
  id: "deleteSelection",
  label: "Delete",
  description: "Delete the selected nodes (with their links) and links",
  group: "edit",
  shortcuts: [{ key: "Delete" }, { key: "Backspace" }],
  enabled: (context) =>
    canEdit(context) && (context.selection.nodeIds.length > 0 || context.selection.edgeIds.length > 0),
  perform: (context) => {
    const { doc, selection } = context;
    const nodeIds = selection.nodeIds.filter((id) => entryOf(doc.nodes, id));
    // Links that go with a deleted node, and undercuts aimed at a deleted link, are removed by those ops themselves.
    const withNodes = new Set(linksGoingWith(Object.values(doc.edges), new Set(nodeIds)));
    const links = selection.edgeIds.filter((id) => entryOf(doc.edges, id) && !withNodes.has(id));
    const chosen = new Set(links);
    const ops: Op[] = links
      .filter((id) => {
        const edge = entryOf(doc.edges, id)!;
        return !(edge.relation === "undercuts" && chosen.has(edge.to));
      })
      .map((id) => ({ type: "deleteEdge", id }));
    if (nodeIds.length > 0) ops.push({ type: "deleteNodes", ids: nodeIds });
    return ops.length > 0 ? ops : false;
  },
};

export const toggleRelation: DocumentAction = {
  kind: "ops",
  id: "toggleRelation",
  label: "Flip link",
  description: "Turn the selected links from supports into rebuts and back",
  group: "edit",
  shortcuts: [{ key: "t" }],
  enabled: (context) => canEdit(context) && context.selection.edgeIds.some((id) => isReasonLink(context, id)),
  perform: (context) => {
    const ops: Op[] = [];
    for (const id of context.selection.edgeIds) {
      const edge = entryOf(context.doc.edges, id);
      // A premise or an undercut stays what it is.
      if (!edge || !isReasonRelation(edge.relation)) continue;
      ops.push({ type: "updateEdge", id, patch: { relation: edge.relation === "supports" ? "rebuts" : "supports" } });
    }
    return ops.length > 0 ? ops : false;
  },
};
