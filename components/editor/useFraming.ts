"use client";
/**
 * Frames the map once, on opening: its main claim and the reasons given directly for and against
 * it, at a zoom where their text can be read (lib/map/openingView). It waits until the canvas has
 * a size and React Flow has a size for each of those nodes (measured, or the estimate a big map's
 * canvas gives it up front), and sets the viewport before that frame is painted.
 * A new request (another `key`: a claim focused, the layout tidied) frames again, gliding.
 */
import { useReactFlow, useStore, useStoreApi, type ReactFlowState } from "@xyflow/react";
import { useCallback, useLayoutEffect, useRef } from "react";
import type { Box } from "@/lib/map/geometry/boxes";
import { frameOn } from "@/lib/map/openingView";
import { OPENING_MAX_ZOOM, OPENING_PADDING, PHONE_OPENING_PADDING, PHONE_WIDTH, readableZoom } from "./viewport";

export interface FrameTarget {
  main: string;
  reasons: readonly string[];
}

export interface FrameRequest {
  /** A new key is a new request; the same key is framed once. */
  key: string;
  target: FrameTarget | null;
  /** Glide for this long (ms); 0 jumps (the opening view). */
  duration: number;
}

function boxOf(state: ReactFlowState, id: string): Box | null {
  const node = state.nodeLookup.get(id);
  const width = node?.measured.width ?? node?.width;
  const height = node?.measured.height ?? node?.height;
  if (!node || node.hidden || !width || !height) return null;
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width, height };
}

export function useFraming(request: FrameRequest): void {
  const store = useStoreApi();
  const { setViewport } = useReactFlow();
  const frame = useCallback(
    (wanted: FrameTarget | null, duration: number): boolean => {
      const state = store.getState();
      if (!wanted || state.panZoom === null || state.width === 0 || state.height === 0) return false;
      const main = boxOf(state, wanted.main);
      if (!main) return false;
      const reasons: Box[] = [];
      for (const id of wanted.reasons) {
        const box = boxOf(state, id);
        // A reason React Flow has not sized yet: wait for it (a hidden one does not count).
        if (!box) {
          if (!state.nodeLookup.get(id) || state.nodeLookup.get(id)?.hidden) continue;
          return false;
        }
        reasons.push(box);
      }
      const phone = state.width < PHONE_WIDTH;
      void setViewport(
        frameOn(main, reasons, {
          width: state.width,
          height: state.height,
          readableZoom: readableZoom(state.width),
          maxZoom: OPENING_MAX_ZOOM,
          padding: phone ? PHONE_OPENING_PADDING : OPENING_PADDING,
        }),
        { duration },
      );
      return true;
    },
    [store, setViewport],
  );

  // Re-checked whenever React Flow's nodes or size change, until the request is framed.
  const { target } = request;
  const sized = useStore(
    useCallback(
      (state: ReactFlowState) => (target ? `${state.width}x${state.height}:${[target.main, ...target.reasons].map((id) => boxOf(state, id)?.width ?? 0).join(",")}` : ""),
      [target],
    ),
  );
  const framed = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (framed.current === request.key || !request.target) return;
    if (frame(request.target, request.duration)) framed.current = request.key;
  }, [sized, request, frame]);
}
