"use client";
/**
 * Moving the camera to a step: frame the step's nodes and their revealed neighbours, gliding
 * unless the user asks for reduced motion. Node sizes come from React Flow's measurements, or an
 * estimate for a node it has not measured (hidden nodes are not measured).
 */
import { getViewportForBounds, useReactFlow, useStoreApi, type Rect } from "@xyflow/react";
import { useCallback, useSyncExternalStore } from "react";
import { estimateNodeSize } from "@/lib/map/layout";
import { entryOf } from "@/lib/map/records";
import type { MapDoc } from "@/lib/map/types";

const GLIDE_MS = 700;
const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

function subscribeToMotion(onChange: () => void): () => void {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Whether the user asked the system for less motion (then the camera jumps instead of gliding). */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeToMotion,
    () => window.matchMedia(REDUCED_MOTION).matches,
    () => false,
  );
}

export interface FrameOptions {
  padding?: number;
  maxZoom?: number;
  minZoom?: number;
}

export interface FrameRequest {
  /** Jump without gliding (the first framing, a resize). */
  instant?: boolean;
  /** Screen pixels along the bottom that an overlay covers: frame the nodes above them. */
  bottomInset?: number;
  /** The same along the top (a banner). */
  topInset?: number;
}

/** A function that moves the camera to frame the given nodes. */
export function useFrameNodes(doc: MapDoc, options: FrameOptions = {}): (nodeIds: readonly string[], request?: FrameRequest) => void {
  const { getInternalNode, setViewport } = useReactFlow();
  const store = useStoreApi();
  const reducedMotion = usePrefersReducedMotion();
  const { padding = 0.2, maxZoom = 1.8, minZoom = 0.2 } = options;
  return useCallback(
    (nodeIds, request = {}) => {
      const bounds = boundsOf(doc, nodeIds, getInternalNode);
      const { width, height } = store.getState();
      if (!bounds || width === 0 || height === 0) return;
      const top = request.topInset ?? 0;
      const visibleHeight = Math.max(height / 2, height - top - (request.bottomInset ?? 0));
      const viewport = getViewportForBounds(bounds, width, visibleHeight, minZoom, maxZoom, padding);
      void setViewport({ ...viewport, y: viewport.y + Math.min(top, height - visibleHeight) }, { duration: reducedMotion || request.instant ? 0 : GLIDE_MS });
    },
    [doc, getInternalNode, store, reducedMotion, padding, maxZoom, minZoom],
  );
}

type InternalLookup = ReturnType<typeof useReactFlow>["getInternalNode"];

function boundsOf(doc: MapDoc, nodeIds: readonly string[], getInternalNode: InternalLookup): Rect | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const id of nodeIds) {
    const node = entryOf(doc.nodes, id);
    if (!node) continue;
    const internal = getInternalNode(id);
    const size = internal?.measured.width && internal.measured.height ? { width: internal.measured.width, height: internal.measured.height } : estimateNodeSize(node);
    const x = internal?.internals.positionAbsolute.x ?? node.x;
    const y = internal?.internals.positionAbsolute.y ?? node.y;
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + size.width);
    bottom = Math.max(bottom, y + size.height);
  }
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}
