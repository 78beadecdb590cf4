"use client";
/** A panel section's heading that opens and closes it (closed, a section costs no request). */
import "./history.css";
import type { ReactNode } from "react";

export function PanelToggle({ open, onToggle, children, testId, controls }: { open: boolean; onToggle(): void; children: ReactNode; testId: string; controls: string }) {
  return (
    <h3>
      <button type="button" className="panel-toggle" aria-expanded={open} aria-controls={controls} onClick={onToggle} data-testid={testId}>
        <span className="panel-toggle__mark" aria-hidden="true">
          {open ? "▾" : "▸"}
        </span>
        {children}
      </button>
    </h3>
  );
}
