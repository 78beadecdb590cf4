"use client";
/**
 * Says, while it holds, that the labels are this reader's own "what if": some nodes accepted as
 * given or rejected in this browser only. One click takes the map's word for all of them again.
 */
import { useStandActions, useStandState } from "./StandContext";

export function WhatIfBanner() {
  const { overlay, assumptions } = useStandState();
  const actions = useStandActions();
  if (!overlay || assumptions.size === 0) return null;
  let accepted = 0;
  for (const assumption of assumptions.values()) if (assumption === "accept") accepted++;
  const rejected = assumptions.size - accepted;
  const parts = [accepted > 0 && `${accepted} accepted as given`, rejected > 0 && `${rejected} rejected`].filter(Boolean).join(", ");
  return (
    <div className="what-if-anchor">
      <div className="what-if-banner" role="status" data-testid="what-if-banner">
        <span className="what-if-banner__text">
          <strong>Your view only:</strong> {parts}. Nobody else sees this.
        </span>
        <button type="button" className="button button--small" onClick={() => actions?.clearAssumptions()} data-testid="what-if-clear">
          Clear
        </button>
      </div>
    </div>
  );
}
