"use client";
/**
 * Runs editor actions: builds the action context from the latest state, dispatches the ops an
 * action returns, and carries out effects (undo, tidy, fit view…). Also the follow-ups a user
 * expects: a new node is selected, scrolled into view and opened for typing.
 */
import { useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { link } from "@/lib/actions/link";
import { movesFromLayout } from "@/lib/actions/layoutMoves";
import { citedSource } from "@/lib/actions/effects";
import type { ActionContext, DocumentAction, EditorAction, EditorEffect, Point, ValueAction } from "@/lib/actions/types";
import { nodeLinks } from "@/lib/map/graph";
import { newId } from "@/lib/map/ids";
import { estimateNodeSize } from "@/lib/map/layout";
import type { Op } from "@/lib/map/ops";
import { entryOf } from "@/lib/map/records";
import type { SyncClient, SyncState } from "@/lib/sync/client";
import { tidyInWorker } from "@/lib/layout/tidyInWorker";
import { motionDuration } from "../motion";
import { NOTHING_SELECTED, type EditorSelection } from "./useSelection";
import { FIT_VIEW_OPTIONS } from "./viewport";

interface Options {
  client: SyncClient | null;
  state: SyncState;
  currentSelection(): EditorSelection;
  setSelection(selection: EditorSelection): void;
  setEditingId(id: string | null): void;
  openShortcuts(): void;
  notify(message: string): void;
  /** Opens a source in the reader, at a node's quote. */
  openSource(sourceId: string, nodeId: string | null): void;
  canvas: React.RefObject<HTMLElement | null>;
  /** Opens a node's text for typing (it asks first if someone else is typing in it). */
  startEditing(nodeId: string): void;
  /** Before deleting nodes: false when the user decides not to (someone is typing in one). */
  confirmDeletion(ops: readonly Op[]): Promise<boolean>;
  /** This person's view: search, folding and focus (none of it changes the map). */
  view: {
    focus: string | null;
    find(): void;
    toggleReasons(nodeId: string): void;
    focusOn(nodeId: string | null): void;
    focusUp(): void;
  };
}

export function useEditorActions(options: Options) {
  const flow = useReactFlow();
  const latest = useRef(options);
  latest.current = options;
  const [tidying, setTidying] = useState(false);
  const [fitRequest, setFitRequest] = useState(0);
  const [revealId, setRevealId] = useState<string | null>(null);

  const sizeOf = useCallback(
    (nodeId: string) => {
      const measured = flow.getInternalNode(nodeId)?.measured;
      if (measured?.width && measured.height) return { width: measured.width, height: measured.height };
      const node = entryOf(latest.current.state.doc.nodes, nodeId);
      return estimateNodeSize(node ?? { text: "", kind: "claim" });
    },
    [flow],
  );

  /** The canvas itself, without the toolbar above it. */
  const canvasBox = useCallback(() => {
    const frame = latest.current.canvas.current;
    return (frame?.querySelector(".react-flow") ?? frame)?.getBoundingClientRect();
  }, []);

  const viewCentre = useCallback((): Point => {
    const box = canvasBox();
    if (!box) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  }, [flow, canvasBox]);

  const makeContext = useCallback(
    (insertAt?: Point): ActionContext => {
      const { state, currentSelection } = latest.current;
      return {
        doc: state.doc,
        role: state.role,
        selection: currentSelection(),
        canUndo: state.canUndo,
        canRedo: state.canRedo,
        insertionPoint: () => insertAt ?? viewCentre(),
        sizeOf,
        newId,
        focus: latest.current.view.focus,
      };
    },
    [sizeOf, viewCentre],
  );

  const dispatch = useCallback((ops: Op[]): boolean => {
    const client = latest.current.client;
    return ops.length > 0 && client !== null && client.dispatch(ops);
  }, []);

  /** After ops apply: a new node becomes the selection and opens for typing; deleted things leave the selection. */
  const followUp = useCallback((ops: Op[]) => {
    const { setSelection, setEditingId } = latest.current;
    const added = ops.find((op) => op.type === "addNode");
    if (added) {
      setSelection({ nodeIds: [added.node.id], edgeIds: [] });
      setEditingId(added.node.id);
      setRevealId(added.node.id);
    } else if (ops.some((op) => op.type === "deleteNodes" || op.type === "deleteEdge")) {
      setSelection(NOTHING_SELECTED);
    }
  }, []);

  const tidy = useCallback(async () => {
    const { doc } = latest.current.state;
    setTidying(true);
    try {
      const positions = await tidyInWorker({
        nodes: Object.values(doc.nodes).map((node) => ({ id: node.id, ...sizeOf(node.id) })),
        edges: nodeLinks(doc),
      });
      // Apply to the document as it is now: someone may have edited it while the worker ran.
      const op = movesFromLayout(latest.current.state.doc, positions);
      if (op) dispatch([op]);
      setFitRequest((count) => count + 1);
    } catch (error) {
      latest.current.notify(`Could not tidy the layout: ${error instanceof Error ? error.message : "unknown error"}`);
    } finally {
      setTidying(false);
    }
  }, [dispatch, sizeOf]);

  const runEffect = useCallback(
    (effect: EditorEffect, context: ActionContext) => {
      const { client, setSelection, setEditingId, openShortcuts } = latest.current;
      switch (effect) {
        case "undo":
          client?.undo();
          return;
        case "redo":
          client?.redo();
          return;
        case "tidyLayout":
          void tidy();
          return;
        case "fitView":
          void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: motionDuration(300) });
          return;
        case "editText": {
          const nodeId = context.selection.nodeIds[0] ?? null;
          if (nodeId !== null) latest.current.startEditing(nodeId);
          // Selected from the outline or the side panel, it may be off screen (and on a big map, not rendered).
          setRevealId(nodeId);
          return;
        }
        case "selectAll":
          setSelection({ nodeIds: Object.keys(context.doc.nodes), edgeIds: [] });
          return;
        case "clearSelection":
          setSelection(NOTHING_SELECTED);
          setEditingId(null);
          return;
        case "showShortcuts":
          openShortcuts();
          return;
        case "find":
          latest.current.view.find();
          return;
        case "toggleReasons":
          if (context.selection.nodeIds[0]) latest.current.view.toggleReasons(context.selection.nodeIds[0]);
          return;
        case "focusNode":
          if (context.selection.nodeIds[0]) latest.current.view.focusOn(context.selection.nodeIds[0]);
          return;
        case "focusUp":
          latest.current.view.focusUp();
          return;
        case "readSource": {
          const sourceId = citedSource(context);
          if (sourceId !== null) latest.current.openSource(sourceId, context.selection.nodeIds[0] ?? null);
          return;
        }
      }
    },
    [flow, tidy],
  );

  /** Runs an action if it is enabled now; says whether it ran (the key handler then stops the browser's default). */
  const runAction = useCallback(
    (action: EditorAction, insertAt?: Point): boolean => {
      const context = makeContext(insertAt);
      if (!action.enabled(context)) return false;
      if (action.kind === "effect") {
        if (action.effect === "tidyLayout" && tidying) return true;
        runEffect(action.effect, context);
        return true;
      }
      const ops = action.perform(context);
      if (ops && ops.some((op) => op.type === "deleteNodes")) {
        void latest.current.confirmDeletion(ops).then((yes) => yes && dispatch(ops) && followUp(ops));
      } else if (ops && dispatch(ops)) followUp(ops);
      return true;
    },
    [dispatch, followUp, makeContext, runEffect, tidying],
  );

  /**
   * Runs a document action with a value a form or a drag chose (see DocumentAction). Returns why
   * it could not be done, in words, or null when it was.
   */
  const runWithValue = useCallback(
    <V,>(action: DocumentAction<V>, value?: V, { followUp: follow = true } = {}): string | null => {
      const context = makeContext();
      // With a value, the action need not fit the selection: its `problem` says whether it fits the value.
      if (value === undefined ? !action.enabled(context) : context.role === "view") return "That cannot be done here.";
      const problem = action.problem?.(context, value) ?? null;
      if (problem) return problem;
      const ops = action.perform(context, value);
      if (!ops || !dispatch(ops)) return "That changes nothing.";
      if (follow) followUp(ops);
      return null;
    },
    [dispatch, followUp, makeContext],
  );

  /**
   * Runs an action that takes a value (from a panel field or the reader) and gives the ops it
   * dispatched. A node it adds is selected and brought into view, but not opened for typing: the
   * focus stays where the user is working (the reader's text, a field).
   */
  const runValueAction = useCallback(
    <V,>(action: ValueAction<V>, value: V): Op[] | false => {
      const context = makeContext();
      if (!action.enabled(context)) return false;
      const ops = action.perform(context, value);
      if (!ops || !dispatch(ops)) return false;
      const added = ops.find((op) => op.type === "addNode");
      if (added) {
        latest.current.setSelection({ nodeIds: [added.node.id], edgeIds: [] });
        setRevealId(added.node.id);
      }
      return ops;
    },
    [dispatch, makeContext],
  );

  /** A link drawn with the mouse; a new link becomes the selection, a refusal a notice. */
  const connectNodes = useCallback(
    (from: string, to: string, onLink = false) => {
      const edgeId = newId();
      const problem = runWithValue(link, { from, to, edgeId, relation: onLink ? "undercuts" : undefined });
      if (problem) latest.current.notify(problem);
      else latest.current.setSelection({ nodeIds: [], edgeIds: [edgeId] });
    },
    [runWithValue],
  );

  const moveNodes = useCallback(
    (moves: { id: string; x: number; y: number }[]) => {
      const { doc } = latest.current.state;
      const changed = moves.filter((move) => {
        const node = entryOf(doc.nodes, move.id);
        return node && (node.x !== move.x || node.y !== move.y);
      });
      if (changed.length > 0) dispatch([{ type: "moveNodes", moves: changed }]);
    },
    [dispatch],
  );

  // Fit the view once the tidied positions have reached React Flow (its store updates in effects
  // that run before this one, and the frame after that has them laid out).
  useEffect(() => {
    if (fitRequest === 0) return;
    const frame = requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: motionDuration(400) }));
    return () => cancelAnimationFrame(frame);
  }, [fitRequest, flow]);

  // Bring a new node, or one opened for typing, into view if it is off screen.
  useEffect(() => {
    if (revealId === null) return;
    const frame = requestAnimationFrame(() => {
      setRevealId(null);
      const node = flow.getInternalNode(revealId);
      const box = canvasBox();
      if (!node || !box) return;
      const { x, y } = node.internals.positionAbsolute;
      const { width, height } = sizeOf(revealId);
      const topLeft = flow.flowToScreenPosition({ x, y });
      const bottomRight = flow.flowToScreenPosition({ x: x + width, y: y + height });
      const visible =
        topLeft.x >= box.left && topLeft.y >= box.top && bottomRight.x <= box.right && bottomRight.y <= box.bottom;
      if (!visible) void flow.setCenter(x + width / 2, y + height / 2, { zoom: flow.getZoom(), duration: motionDuration(250) });
    });
    return () => cancelAnimationFrame(frame);
  }, [revealId, flow, sizeOf, canvasBox]);

  return { runAction, runWithValue, runValueAction, makeContext, dispatch, connectNodes, moveNodes, tidying };
}
