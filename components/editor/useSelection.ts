"use client";
/**
 * Session state: what is selected. Never an op. Kept in a ref as well as in state, so a key
 * press handled in the same event as React Flow's own selection change already sees it.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { hasEntry } from "@/lib/map/records";
import type { MapDoc } from "@/lib/map/types";
import type { SelectionChange } from "./EditorCanvas";

export interface EditorSelection {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

export const NOTHING_SELECTED: EditorSelection = { nodeIds: [], edgeIds: [] };

function applyChanges(ids: readonly string[], changes: SelectionChange[]): readonly string[] {
  let next = ids;
  for (const { id, selected } of changes) {
    const present = next.includes(id);
    if (selected && !present) next = [...next, id];
    else if (!selected && present) next = next.filter((other) => other !== id);
  }
  return next;
}

/** Drops ids of nodes and links that no longer exist (deleted here, by undo, or by someone else). */
export function liveSelection(selection: EditorSelection, doc: MapDoc): EditorSelection {
  const nodeIds = selection.nodeIds.filter((id) => hasEntry(doc.nodes, id));
  const edgeIds = selection.edgeIds.filter((id) => hasEntry(doc.edges, id));
  return nodeIds.length === selection.nodeIds.length && edgeIds.length === selection.edgeIds.length
    ? selection
    : { nodeIds, edgeIds };
}

export function useSelection(doc: MapDoc) {
  const [stored, setStored] = useState<EditorSelection>(NOTHING_SELECTED);
  const latest = useRef(stored);

  const setSelection = useCallback((next: EditorSelection) => {
    latest.current = next;
    setStored(next);
  }, []);

  const applySelectionChanges = useCallback(
    (kind: "nodes" | "edges", changes: SelectionChange[]) => {
      const current = latest.current;
      if (kind === "nodes") {
        const nodeIds = applyChanges(current.nodeIds, changes);
        if (nodeIds !== current.nodeIds) setSelection({ ...current, nodeIds });
      } else {
        const edgeIds = applyChanges(current.edgeIds, changes);
        if (edgeIds !== current.edgeIds) setSelection({ ...current, edgeIds });
      }
    },
    [setSelection],
  );

  const selection = useMemo(() => liveSelection(stored, doc), [stored, doc]);
  const selectedNodeIds = useMemo(() => new Set(selection.nodeIds), [selection.nodeIds]);
  const selectedEdgeIds = useMemo(() => new Set(selection.edgeIds), [selection.edgeIds]);
  /** The selection as of now (for handlers running before React re-renders). */
  const currentSelection = useCallback(() => latest.current, []);

  return { selection, selectedNodeIds, selectedEdgeIds, setSelection, applySelectionChanges, currentSelection };
}
