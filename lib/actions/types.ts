/**
 * Editor actions as data: one registry that the toolbar, the key handler and the shortcuts
 * dialog all read. An action either turns the editor's context into ops (the document changes
 * through the sync client) or names an effect the editor carries out itself (undo, tidy, fit view…).
 */
import type { Op } from "../map/ops";
import type { MapDoc, Role } from "../map/types";

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Selection {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

/** A key combination. `mod` is Ctrl on Windows/Linux and Cmd on macOS. */
export interface Shortcut {
  /** `KeyboardEvent.key`, lower case for letters: "c", "z", "Delete", "Enter", "?". */
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export interface ActionContext {
  doc: MapDoc;
  role: Role;
  selection: Selection;
  canUndo: boolean;
  canRedo: boolean;
  /** Where a new unattached node goes (the centre of the view, or a double-clicked point), in map coordinates. */
  insertionPoint(): Point;
  /** The rendered size of a node, or an estimate when it has not been measured yet. */
  sizeOf(nodeId: string): Size;
  newId(): string;
  /** The node this person has focused the view on, if any (a view, not part of the map). */
  focus?: string | null;
}

export type ActionGroup = "add" | "edit" | "history" | "view" | "help";

interface ActionBase {
  id: string;
  label: string;
  /** A longer explanation for tooltips and the shortcuts dialog. */
  description: string;
  group: ActionGroup;
  shortcuts: readonly Shortcut[];
  enabled(context: ActionContext): boolean;
}

/**
 * Changes the document: `perform` returns the ops to dispatch, or false for "nothing to do". An
 * action may take a value (as Excalidraw's property actions do): a form or a drag passes what the
 * user chose; without one, the action works on the selection.
 */
export interface DocumentAction<V = undefined> extends ActionBase {
  kind: "ops";
  perform(context: ActionContext, value?: V): Op[] | false;
  /** Why the action cannot be done with this value, in words a user understands; null when it can. */
  problem?(context: ActionContext, value?: V): string | null;
  /** A label naming what the action would do here ("Combine as co-premises of a reason for “…”"). */
  labelFor?(context: ActionContext, value?: V): string;
}

/** Things the editor does itself rather than by ops. `tidyLayout` is asynchronous (a Web Worker). */
export type EditorEffect =
  | "undo"
  | "redo"
  | "tidyLayout"
  | "fitView"
  | "editText"
  | "selectAll"
  | "clearSelection"
  | "showShortcuts"
  | "find"
  | "toggleReasons"
  | "focusNode"
  | "focusUp"
  | "readSource";

export interface EffectAction extends ActionBase {
  kind: "effect";
  effect: EditorEffect;
}

/** Any action; each document action checks the value it is given (`any`: each takes its own). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EditorAction = DocumentAction<any> | EffectAction;

export const canEdit = (context: ActionContext): boolean => context.role !== "view";

/**
 * A document action that takes a value from the user (a quote selected in a source, a field's new
 * text): `perform` turns the context and the value into ops, or false for "nothing to do".
 */
export interface ValueAction<V> extends ActionBase {
  kind: "value";
  perform(context: ActionContext, value: V): Op[] | false;
}
