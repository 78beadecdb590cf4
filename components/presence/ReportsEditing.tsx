"use client";
/** Wraps a field of a node's text: while it has focus, the others see "Name is editing" on the node. */
import "./presence.css";
import { useEffect, useRef, type ReactNode } from "react";
import { usePresenceSession } from "./PresenceContext";

export function ReportsEditing({ nodeId, children }: { nodeId: string; children: ReactNode }) {
  const session = usePresenceSession();
  const focused = useRef(false);

  // The panel can switch to another node while the field keeps focus; and a field removed while
  // focused gets no blur event.
  useEffect(() => {
    if (focused.current) session?.setEditing("panel", nodeId);
    return () => {
      if (focused.current) session?.setEditing("panel", null);
    };
  }, [session, nodeId]);

  return (
    <div
      className="reports-editing"
      onFocus={() => {
        focused.current = true;
        session?.setEditing("panel", nodeId);
      }}
      onBlur={() => {
        focused.current = false;
        session?.setEditing("panel", null);
      }}
    >
      {children}
    </div>
  );
}
