"use client";
/**
 * Frames the map once, as soon as the canvas has a size, for a canvas that renders only the nodes
 * in view. React Flow's own `fitView` waits for a node to be measured, and with nothing rendered
 * yet none may be (none in view at the start): here every shown node counts by the size React
 * Flow has for it (measured, or the estimate the canvas gave it), before the first paint.
 */
import { getViewportForBounds, useReactFlow, useStore, useStoreApi, type ReactFlowState } from "@xyflow/react";
import { useLayoutEffect, useRef } from "react";

interface ViewOptions {
  padding: number;
  minZoom: number;
  maxZoom: number;
}

const canFrame = (state: ReactFlowState) => state.panZoom !== null && state.width > 0 && state.height > 0;

export function useFrameOnOpen(enabled: boolean, options: ViewOptions): void {
  const ready = useStore(canFrame);
  const store = useStoreApi();
  const { getNodesBounds, setViewport } = useReactFlow();
  const framed = useRef(false);
  useLayoutEffect(() => {
    if (!enabled || !ready || framed.current) return;
    const { nodeLookup, width, height } = store.getState();
    const shown = [...nodeLookup.values()].filter((node) => !node.hidden);
    if (shown.length === 0) return;
    framed.current = true;
    const { padding, minZoom, maxZoom } = options;
    void setViewport(getViewportForBounds(getNodesBounds(shown), width, height, minZoom, maxZoom, padding));
  }, [enabled, ready, store, getNodesBounds, setViewport, options]);
}
