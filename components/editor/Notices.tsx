"use client";
/**
 * Notices as toasts. Quiet ones ("your change to a deleted node was dropped") leave on their own;
 * one that keeps someone's words shows the words and the way to put them back, and stays until
 * its reader dismisses it (its words are not on the map, so letting it slip away would lose them).
 */
import "../conflicts/conflicts.css";
import { useEffect, useRef } from "react";
import { CrossIcon } from "../icons";

export interface Notice {
  key: string;
  message: string;
  /** Words that are not on the map, shown in full. */
  kept?: string;
  actions?: { label: string; run(): void }[];
  dismiss(): void;
}

const SHOWN_FOR_MS = 10_000;

function Toast({ notice }: { notice: Notice }) {
  // The timer starts once per notice, however often the editor re-renders meanwhile.
  const dismiss = useRef(notice.dismiss);
  dismiss.current = notice.dismiss;
  const stays = notice.kept !== undefined;
  useEffect(() => {
    if (stays) return;
    const timer = setTimeout(() => dismiss.current(), SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [stays]);
  return (
    <li className={`toast${stays ? " toast--kept" : ""}`} data-testid="notice" data-kept={stays ? "true" : undefined}>
      <span>{notice.message}</span>
      <button type="button" className="toast__close" aria-label="Dismiss notice" data-testid="notice-dismiss" onClick={notice.dismiss}>
        <CrossIcon size={14} />
      </button>
      {notice.kept !== undefined && (
        <q className="kept-text" data-testid="notice-kept-text">
          {notice.kept}
        </q>
      )}
      {notice.actions && notice.actions.length > 0 && (
        <div className="toast__actions">
          {notice.actions.map((action) => (
            <button key={action.label} type="button" className="toast__action" data-testid="notice-action" onClick={action.run}>
              {action.label}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

export function Notices({ notices }: { notices: Notice[] }) {
  return (
    <ul className="toasts" aria-live="polite" aria-label="Notices">
      {notices.map((notice) => (
        <Toast key={notice.key} notice={notice} />
      ))}
    </ul>
  );
}
