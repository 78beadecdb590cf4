"use client";
/**
 * The canvas's side of presence: what others show on nodes (selection marks, nodes they are
 * dragging) and what this user shows them (pointer, drag). The marks and drags keep their
 * identity while only pointers move, so the canvas does not re-render for a pointer.
 */
import { useReactFlow } from "@xyflow/react";
import { useMemo, useRef, type PointerEvent } from "react";
import type { PresenceSession } from "@/lib/sync/presence-session";
import { NO_DRAGS, NO_MARKS } from "@/lib/sync/presence-view";
import { usePresenceSession, usePresenceValue } from "./PresenceContext";

type Move = { id: string; x: number; y: number };
const readMarks = (session: PresenceSession) => session.getRemoteMarks();
const readDrags = (session: PresenceSession) => session.getRemoteDrags();

export function useCanvasPresence() {
  const session = usePresenceSession();
  const remoteMarks = usePresenceValue(readMarks, NO_MARKS);
  const remoteDrags = usePresenceValue(readDrags, NO_DRAGS);
  const { screenToFlowPosition } = useReactFlow();
  // Every node of this user's drag, at its latest place (React Flow may report them in parts).
  const dragged = useRef(new Map<string, Move>());

  const handlers = useMemo(
    () => ({
      onPointerMove(event: PointerEvent) {
        session?.setPointer(screenToFlowPosition({ x: event.clientX, y: event.clientY }));
      },
      onPointerLeave() {
        session?.setPointer(null);
      },
      onDrag(moves: ReadonlyMap<string, { x: number; y: number }>) {
        for (const [id, { x, y }] of moves) dragged.current.set(id, { id, x, y });
        session?.setDragging([...dragged.current.values()]);
      },
      /** The drop (or an arrow-key nudge, which was never a drag). */
      onDrop(moves: readonly Move[]) {
        if (dragged.current.size === 0) return;
        for (const move of moves) dragged.current.set(move.id, move);
        session?.setDragging([...dragged.current.values()]);
        dragged.current = new Map();
        session?.endDrag();
      },
    }),
    [session, screenToFlowPosition],
  );

  return { remoteMarks, remoteDrags, ...handlers };
}
