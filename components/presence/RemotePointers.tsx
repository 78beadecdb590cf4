"use client";
/**
 * Other people's pointers, drawn over the canvas (a child of <ReactFlow>). This layer is the only
 * thing that reads pointer positions: a pointer moving re-renders it and nothing else, no node.
 * Positions travel in map coordinates, so they land on the same spot at any pan and zoom.
 */
import "./presence.css";
import { useStore, type ReactFlowState } from "@xyflow/react";
import { memo } from "react";
import type { Presence } from "@/lib/map/presence";
import type { PresenceSession } from "@/lib/sync/presence-session";
import { usePresenceValue } from "./PresenceContext";

const NOBODY: readonly Presence[] = [];
const readPeers = (session: PresenceSession) => session.getPeers();
const selectTransform = (state: ReactFlowState) => state.transform;

const RemotePointer = memo(function RemotePointer({ name, colour, x, y }: { name: string; colour: string; x: number; y: number }) {
  return (
    <div className="remote-pointer" data-testid="remote-pointer" data-name={name} style={{ transform: `translate(${x}px, ${y}px)` }}>
      <svg width="18" height="22" viewBox="0 0 18 22" aria-hidden="true" focusable="false">
        <path d="M1.5 1.5v17l4.6-4.4 3.1 6.6 3-1.4-3.1-6.5h6.4z" fill={colour} stroke="#fff" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
      <span className="remote-pointer__name" style={{ background: colour }}>
        {name}
      </span>
    </div>
  );
});

export function RemotePointers() {
  const peers = usePresenceValue(readPeers, NOBODY);
  const [panX, panY, zoom] = useStore(selectTransform);
  return (
    // Decorative: who is here is said in the presence strip, in words.
    <div className="remote-pointers" aria-hidden="true">
      {peers.map((peer) =>
        peer.pointer ? (
          <RemotePointer key={peer.clientId} name={peer.name} colour={peer.colour} x={peer.pointer.x * zoom + panX} y={peer.pointer.y * zoom + panY} />
        ) : null,
      )}
    </div>
  );
}
