"use client";
/** "Replace link…" and its confirm step: the old link stops working the moment the owner confirms. */
import { useEffect, useRef } from "react";
import { SpinnerIcon } from "../icons";
import type { ShareRole } from "./shareRequests";

const WHO: Record<ShareRole, string> = {
  view: "Everyone reading the map with the current view link loses access at once, and their open pages say the link was revoked.",
  edit: "Everyone editing with the current edit link loses access at once, and their open pages say the link was revoked.",
};

export function RotateLink({ role, confirming, busy, onAsk, onCancel, onConfirm }: { role: ShareRole; confirming: boolean; busy: boolean; onAsk(): void; onCancel(): void; onConfirm(): void }) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the step: into the confirm box when it opens, back to its button when cancelled.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current && document.activeElement === document.body) askButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={askButton} type="button" className="button button--small button--quiet share-rotate" onClick={onAsk} disabled={busy} data-testid={`share-rotate-${role}`}>
        Replace the {role} link…
      </button>
    );
  }
  return (
    <div className="share-confirm" role="group" aria-labelledby={`share-confirm-${role}-title`} data-testid="share-rotate-box">
      <p id={`share-confirm-${role}-title`}>
        <strong>Replace the {role} link?</strong> The current {role} link stops working at once. {WHO[role]} You will need to send the new link again.
      </p>
      <div className="form-actions">
        <button ref={confirmButton} type="button" className="button button--danger button--small" onClick={onConfirm} disabled={busy} data-testid="share-rotate-confirm">
          {busy && <SpinnerIcon size={14} className="spin" />}
          {busy ? "Replacing…" : `Replace the ${role} link`}
        </button>
        <button type="button" className="button button--small" onClick={onCancel} disabled={busy} data-testid="share-rotate-cancel">
          Cancel
        </button>
      </div>
    </div>
  );
}
