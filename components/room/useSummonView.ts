"use client";
/** The area of the map this page shows, in map coordinates, for "Bring everyone to me" (null off the canvas). */
import { useReactFlow } from "@xyflow/react";
import { useCallback, type RefObject } from "react";
import type { SummonView } from "./LeadSection";

export function useSummonView(container: RefObject<HTMLElement | null>, onCanvas: boolean): SummonView {
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(() => {
    const pane = container.current?.querySelector(".react-flow");
    if (!onCanvas || !pane) return null;
    const box = pane.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return null;
    const topLeft = screenToFlowPosition({ x: box.left, y: box.top }, { snapToGrid: false });
    const bottomRight = screenToFlowPosition({ x: box.right, y: box.bottom }, { snapToGrid: false });
    return { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
  }, [container, onCanvas, screenToFlowPosition]);
}
