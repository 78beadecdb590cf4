/** Actions the editor carries out itself: history, layout, view, selection and help. */
import { entryOf } from "../map/records";
import { answeredNode } from "./addNode";
import { canEdit, type ActionContext, type EffectAction } from "./types";

export const undo: EffectAction = {
  kind: "effect",
  effect: "undo",
  id: "undo",
  label: "Undo",
  description: "Undo your last change",
  group: "history",
  shortcuts: [{ key: "z", mod: true }],
  enabled: (context) => canEdit(context) && context.canUndo,
};

export const redo: EffectAction = {
  kind: "effect",
  effect: "redo",
  id: "redo",
  label: "Redo",
  description: "Redo the change you undid",
  group: "history",
  shortcuts: [
    { key: "z", mod: true, shift: true },
    { key: "y", mod: true },
  ],
  enabled: (context) => canEdit(context) && context.canRedo,
};

export const editText: EffectAction = {
  kind: "effect",
  effect: "editText",
  id: "editText",
  label: "Edit text",
  description: "Edit the selected node's text (Enter or Esc saves, Shift+Enter starts a new line, Shift+Esc discards the changes)",
  group: "edit",
  shortcuts: [{ key: "Enter" }],
  enabled: (context) => canEdit(context) && answeredNode(context) !== null,
};

export const tidyLayout: EffectAction = {
  kind: "effect",
  effect: "tidyLayout",
  id: "tidyLayout",
  label: "Tidy layout",
  description: "Arrange the whole map: claims above the reasons for and against them",
  group: "view",
  shortcuts: [{ key: "l" }],
  enabled: (context) => canEdit(context) && Object.keys(context.doc.nodes).length > 0,
};

export const fitView: EffectAction = {
  kind: "effect",
  effect: "fitView",
  id: "fitView",
  label: "Fit view",
  description: "Zoom to show the whole map",
  group: "view",
  shortcuts: [{ key: "f" }],
  enabled: () => true,
};

export const selectAll: EffectAction = {
  kind: "effect",
  effect: "selectAll",
  id: "selectAll",
  label: "Select all",
  description: "Select every node",
  group: "edit",
  shortcuts: [{ key: "a", mod: true }],
  enabled: (context) => Object.keys(context.doc.nodes).length > 0,
};

export const clearSelection: EffectAction = {
  kind: "effect",
  effect: "clearSelection",
  id: "clearSelection",
  label: "Clear selection",
  description: "Select nothing (the side panel then shows the map's details)",
  group: "edit",
  shortcuts: [{ key: "Escape" }],
  enabled: (context) => context.selection.nodeIds.length + context.selection.edgeIds.length > 0,
};

export const showShortcuts: EffectAction = {
  kind: "effect",
  effect: "showShortcuts",
  id: "showShortcuts",
  label: "Keyboard shortcuts",
  description: "Show this list of shortcuts",
  group: "help",
  shortcuts: [{ key: "?" }],
  enabled: () => true,
};

/** The one selected node, if exactly one is selected. */
const soleNode = (context: ActionContext) => (context.selection.nodeIds.length === 1 ? context.selection.nodeIds[0]! : null);
const hasReasons = (context: ActionContext, nodeId: string | null) => nodeId !== null && Object.values(context.doc.edges).some((edge) => edge.to === nodeId);

export const find: EffectAction = {
  kind: "effect",
  effect: "find",
  id: "find",
  label: "Find",
  description: "Find nodes by their text, speaker, quote or source (Enter: next, Shift+Enter: previous)",
  group: "view",
  shortcuts: [{ key: "f", mod: true }],
  enabled: (context) => Object.keys(context.doc.nodes).length > 0,
};

export const toggleReasons: EffectAction = {
  kind: "effect",
  effect: "toggleReasons",
  id: "toggleReasons",
  label: "Hide or show reasons",
  description: "Fold or unfold the selected node's reasons, one level at a time (only for you; the map does not change)",
  group: "view",
  shortcuts: [{ key: "h" }],
  enabled: (context) => hasReasons(context, soleNode(context)),
};

export const focusNode: EffectAction = {
  kind: "effect",
  effect: "focusNode",
  id: "focusNode",
  label: "Focus on this",
  description: "Show only the selected node with its reasons and objections, with the way back up above the map",
  group: "view",
  shortcuts: [{ key: "o" }],
  enabled: (context) => soleNode(context) !== null,
};

export const focusUp: EffectAction = {
  kind: "effect",
  effect: "focusUp",
  id: "focusUp",
  label: "Focus one level up",
  description: "Focus on what the focused node answers, or go back to the whole map",
  group: "view",
  shortcuts: [{ key: "u" }],
  enabled: (context) => Boolean(context.focus),
};

/** The source the selected node cites, if it is in the map: what "Read source" opens. */
export function citedSource(context: ActionContext): string | null {
  const nodeId = answeredNode(context);
  const sourceId = nodeId === null ? null : (entryOf(context.doc.nodes, nodeId)?.sourceId ?? null);
  return sourceId !== null && entryOf(context.doc.sources, sourceId) ? sourceId : null;
}

export const readSource: EffectAction = {
  kind: "effect",
  effect: "readSource",
  id: "readSource",
  label: "Read source",
  description: "Open the selected node's source in the reader, scrolled to its quote",
  group: "view",
  shortcuts: [{ key: "q" }],
  enabled: (context) => citedSource(context) !== null,
};
