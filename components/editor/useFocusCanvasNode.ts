"use client";
/**
 * Keyboard focus for a canvas node that may have no element: on a big map the canvas renders only
 * what is in view (EditorCanvas), so a node off screen is not in the DOM. The view pans, keeping
 * its zoom, just far enough to show the node whole, and the node's element takes the focus once
 * React Flow has rendered it: at once if it is there, else tried again each frame, a few times.
 * The same panning serves a node or a link reached with Tab (EditorCanvas's focus handler).
 */
import { useReactFlow, useStoreApi, type ReactFlowInstance } from "@xyflow/react";
import { useCallback, useEffect, useRef, type RefObject } from "react";
import { estimateNodeSize } from "@/lib/map/layout";
import type { ArgumentFlowNode } from "./flowElements";

/** Screen pixels kept between a node brought into view and the edge of the canvas. */
const MARGIN = 40;
/** Frames to wait for React Flow to render a node (it usually takes one). */
const MAX_FRAMES = 10;

/** How far to move the view along one axis so that [start, end] is inside [0, size], with a margin. */
function shiftToInclude(start: number, end: number, size: number): number {
  const margin = Math.min(MARGIN, Math.max(0, (size - (end - start)) / 2));
  if (start < margin) return margin - start;
  if (end > size - margin) return Math.max(size - margin - end, margin - start);
  return 0;
}

/** A box on screen, relative to the canvas's top left corner. */
interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Pans, keeping the zoom, just far enough that the box is inside a canvas of this size (with a margin). */
function panToShow(flow: ReactFlowInstance<ArgumentFlowNode>, box: ScreenBox, canvas: { width: number; height: number }): void {
  const dx = shiftToInclude(box.left, box.left + box.width, canvas.width);
  const dy = shiftToInclude(box.top, box.top + box.height, canvas.height);
  if (dx === 0 && dy === 0) return;
  const { x, y, zoom } = flow.getViewport();
  void flow.setViewport({ x: x + dx, y: y + dy, zoom });
}

/**
 * Pans (no glide: a keyboard user is waiting for the focus) until the node is wholly in view; a
 * node already in view stays where it is.
 */
export function useBringNodeIntoView(): (nodeId: string) => void {
  const flow = useReactFlow<ArgumentFlowNode>();
  const store = useStoreApi<ArgumentFlowNode>();
  return useCallback(
    (nodeId: string) => {
      const node = flow.getInternalNode(nodeId);
      const { width, height, transform } = store.getState();
      if (!node || node.hidden || width === 0 || height === 0) return;
      const [x, y, zoom] = transform;
      const size = node.measured.width && node.measured.height ? node.measured : estimateNodeSize(node.data.node);
      const left = node.internals.positionAbsolute.x * zoom + x;
      const top = node.internals.positionAbsolute.y * zoom + y;
      panToShow(flow, { left, top, width: (size.width ?? 0) * zoom, height: (size.height ?? 0) * zoom }, { width, height });
    },
    [flow, store],
  );
}

export function useFocusCanvasNode(root: RefObject<HTMLElement | null>) {
  const bringIntoView = useBringNodeIntoView();
  const pending = useRef(0);
  useEffect(() => () => cancelAnimationFrame(pending.current), []);

  return useCallback(
    (nodeId: string, { waitAFrame = false } = {}) => {
      cancelAnimationFrame(pending.current);
      bringIntoView(nodeId);
      let frames = 0;
      const focus = () => {
        const element = root.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
        // A focus that waited a frame (or several, on a busy machine) must not take a text field
        // away from whoever started typing meanwhile, say in a node they just double-clicked into.
        const active = document.activeElement;
        if (waitAFrame && isTextField(active) && !element?.contains(active)) return;
        if (element) element.focus({ preventScroll: true });
        else if (frames++ < MAX_FRAMES) pending.current = requestAnimationFrame(focus);
      };
      if (waitAFrame) pending.current = requestAnimationFrame(focus);
      else focus();
    },
    [root, bringIntoView],
  );
}

function isTextField(element: Element | null): boolean {
  return element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement || (element instanceof HTMLElement && element.isContentEditable);
}

/**
 * Pans until a focused link can be seen: its label (where the words and the focus ring are), or
 * for a link without one, its line, as much of it as fits. React Flow never pans for a link.
 */
export function useBringLinkIntoView(root: RefObject<HTMLElement | null>): (link: Element) => void {
  const flow = useReactFlow<ArgumentFlowNode>();
  return useCallback(
    (link: Element) => {
      const pane = root.current?.querySelector(".react-flow");
      const canvas = pane?.getBoundingClientRect();
      const id = link.getAttribute("data-id");
      if (!pane || !canvas || canvas.width === 0 || canvas.height === 0 || !id) return;
      const label = root.current?.querySelector(`[data-testid="edge-label"][data-id="${CSS.escape(id)}"]`);
      const box = (label ?? link).getBoundingClientRect();
      // The browser may have scrolled the pane to the focused link; React Flow scrolls it back.
      const left = box.left - canvas.left + pane.scrollLeft;
      const top = box.top - canvas.top + pane.scrollTop;
      panToShow(flow, { left, top, width: box.width, height: box.height }, canvas);
    },
    [root, flow],
  );
}
