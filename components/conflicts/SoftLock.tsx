"use client";
/**
 * A soft lock on a text someone else is typing in: the field waits behind "Ben is editing this
 * text — Edit anyway" until asked. Once you are typing, it never locks you out.
 */
import "./conflicts.css";
import { useRef, useState, type ReactNode } from "react";
import type { PresenceSession } from "@/lib/sync/presence-session";
import { NO_MARKS } from "@/lib/sync/presence-view";
import { usePresenceValue } from "../presence/PresenceContext";
import { namesOf } from "./useGuardedEditing";

const readMarks = (session: PresenceSession) => session.getRemoteMarks();

export function SoftLock({ nodeId, children }: { nodeId: string; children(locked: boolean): ReactNode }) {
  const typists = usePresenceValue(readMarks, NO_MARKS).get(nodeId)?.editingBy ?? [];
  const [override, setOverride] = useState(false);
  const [engaged, setEngaged] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const locked = typists.length > 0 && !override && !engaged;
  return (
    <div
      ref={box}
      onFocus={(event) => !locked && (event.target as HTMLElement).matches("input, textarea") && setEngaged(true)}
      onBlur={(event) => (event.target as HTMLElement).matches("input, textarea") && setEngaged(false)}
    >
      {locked && (
        <div className="soft-lock" role="status" data-testid="soft-lock">
          {namesOf(typists.map((peer) => peer.name))} {typists.length > 1 ? "are" : "is"} editing this text.{" "}
          <button
            type="button"
            className="link-button"
            data-testid="soft-lock-edit"
            onClick={() => {
              setOverride(true);
              requestAnimationFrame(() => box.current?.querySelector<HTMLElement>("textarea, input")?.focus());
            }}
          >
            Edit anyway
          </button>
        </div>
      )}
      {children(locked)}
    </div>
  );
}
