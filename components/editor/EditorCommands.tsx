"use client";
/**
 * The few things a node or edge view may ask the editor to do. The value is stable for the
 * editor's lifetime, so providing it never re-renders the canvas.
 */
import { createContext, useContext } from "react";

export interface EditorCommands {
  /** Opens the node's text for typing (asking first if someone else is typing in it). */
  startEditing(nodeId: string): void;
  /**
   * Saves the node's text (if it changed) and leaves text editing; by keyboard, focus returns to
   * the node. `base` is what the text said when typing started. Words typed into a node that was
   * deleted meanwhile are kept in a notice; a new node left empty goes away.
   */
  commitText(nodeId: string, text: string, viaKeyboard: boolean, base: string): void;
  cancelEditing(nodeId: string): void;
  toggleRelation(edgeId: string): void;
  /** Who made the last change this tab saw to the node, if any. */
  lastChangedBy(nodeId: string): string | null;
  /** Folds or unfolds the node's reasons, for this person only. */
  toggleReasons(nodeId: string): void;
  /** Shows only this node with its reasons and objections (null: the whole map again). */
  focusOn(nodeId: string | null): void;
  /** Opens a source in the reader, at a node's quote when given. */
  openSource(sourceId: string, nodeId?: string | null): void;
}

const EditorCommandsContext = createContext<EditorCommands | null>(null);

export const EditorCommandsProvider = EditorCommandsContext.Provider;

export function useEditorCommands(): EditorCommands {
  const commands = useContext(EditorCommandsContext);
  if (!commands) throw new Error("useEditorCommands needs an EditorCommandsProvider");
  return commands;
}
