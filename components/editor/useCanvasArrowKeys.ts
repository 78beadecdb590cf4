"use client";
/**
 * Arrow keys on a focused canvas node move the focus and the selection to the nearest node in
 * that direction, without moving anything (Shift+arrows still nudge the selected nodes, as React
 * Flow does). Runs in the capture phase, before React Flow's own node key handler. The next node
 * may be off screen, and on a big map then not rendered: it is brought into view and focused.
 */
import { useReactFlow } from "@xyflow/react";
import { useCallback, useRef, type KeyboardEvent, type RefObject } from "react";
import { directionOfKey, nearestInDirection, type Box } from "@/lib/actions/nearestNode";
import { estimateNodeSize } from "@/lib/map/layout";
import type { ArgumentFlowNode } from "./flowElements";
import { useFocusCanvasNode } from "./useFocusCanvasNode";

export function useCanvasArrowKeys(frame: RefObject<HTMLElement | null>, selectNode: (nodeId: string) => void) {
  const flow = useReactFlow<ArgumentFlowNode>();
  const select = useRef(selectNode);
  select.current = selectNode;
  const focusNode = useFocusCanvasNode(frame);

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const direction = directionOfKey(event.key);
      if (!direction || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target;
      // Only a focused node itself: arrow keys in its text field move the caret.
      if (!(target instanceof HTMLElement) || !target.classList.contains("react-flow__node")) return;
      // Hidden nodes (while following a presenter) are not there to go to.
      const boxes: Box[] = flow.getNodes().filter((node) => !node.hidden).map((node) => {
        const size = node.measured?.width && node.measured.height ? node.measured : estimateNodeSize(node.data.node);
        return { id: node.id, x: node.position.x, y: node.position.y, width: size.width ?? 0, height: size.height ?? 0 };
      });
      const from = boxes.find((box) => box.id === target.dataset.id);
      if (!from) return;
      event.preventDefault();
      event.stopPropagation();
      const next = nearestInDirection(from, boxes, direction);
      if (next === null) return;
      select.current(next);
      focusNode(next);
    },
    [flow, focusNode],
  );
}
