/** Actions on what is selected: delete it, flip a link between supports and rebuts. */
import type { Op } from "../map/ops";
import { canEdit, type DocumentAction } from "./types";
import { entryOf } from "../map/records";

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
    const doomed = new Set(nodeIds);
    const ops: Op[] = [];
    // Links that go with a deleted node are removed by deleteNodes itself.
    for (const id of selection.edgeIds) {
      const edge = entryOf(doc.edges, id);
      if (edge && !doomed.has(edge.from) && !doomed.has(edge.to)) ops.push({ type: "deleteEdge", id });
    }
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
  enabled: (context) => canEdit(context) && context.selection.edgeIds.some((id) => entryOf(context.doc.edges, id)),
  perform: (context) => {
    const ops: Op[] = [];
    for (const id of context.selection.edgeIds) {
      const edge = entryOf(context.doc.edges, id);
      if (!edge) continue;
      ops.push({ type: "updateEdge", id, patch: { relation: edge.relation === "supports" ? "rebuts" : "supports" } });
    }
    return ops.length > 0 ? ops : false;
  },
};
