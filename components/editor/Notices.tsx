"use client";
/** Quiet notices ("your change to a deleted node was dropped") as toasts that leave on their own. */
import { useEffect, useRef } from "react";
import { CrossIcon } from "../icons";

export interface Notice {
  key: string;
  message: string;
  dismiss(): void;
}

const SHOWN_FOR_MS = 10_000;

function Toast({ notice }: { notice: Notice }) {
  // The timer starts once per notice, however often the editor re-renders meanwhile.
  const dismiss = useRef(notice.dismiss);
  dismiss.current = notice.dismiss;
  useEffect(() => {
    const timer = setTimeout(() => dismiss.current(), SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <li className="toast" data-testid="notice">
      <span>{notice.message}</span>
      <button type="button" className="toast__close" aria-label="Dismiss notice" data-testid="notice-dismiss" onClick={notice.dismiss}>
        <CrossIcon size={14} />
      </button>
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
