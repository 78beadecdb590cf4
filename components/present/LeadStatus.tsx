"use client";
/** The stage's word on leading: presenting to everyone (with "Bring everyone here"), or privately and why. */
import type { Leading } from "./useLeading";
import "../room/room-panel.css";

export function LeadStatus({ leading }: { leading: Leading }) {
  const { status, message, canLead } = leading;
  if (status === "asking") return null;
  return (
    <div className={`lead-status lead-status--${status}`} data-testid="lead-status" data-status={status}>
      <p className="lead-status__text" role="status">
        {status === "leading" ? (
          <>
            <span className="lead-status__dot" aria-hidden="true" /> Presenting to everyone
          </>
        ) : (
          <>
            <strong>Presenting privately.</strong> {message}
          </>
        )}
      </p>
      {status === "leading" && (
        <button type="button" className="button button--small" onClick={leading.summon} data-testid="lead-summon" title="Brings back everyone who stopped following, to this step">
          Bring everyone here
        </button>
      )}
      {status === "private" && canLead && (
        <button type="button" className="button button--small button--primary" onClick={leading.take} data-testid="lead-take">
          Present to everyone
        </button>
      )}
    </div>
  );
}
