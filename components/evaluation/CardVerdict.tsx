"use client";
/**
 * A node's verdict on a follower's phone card: the tag, and why in one line as plain text (a phone
 * has no hover, and a card has room for it). Nothing while the overlay is off.
 */
import { useStandActions, useStandState } from "./StandContext";
import { verdictIn } from "./verdict";
import { VerdictTag } from "./VerdictTag";

export function CardVerdict({ nodeId }: { nodeId: string }) {
  const { live } = useStandState();
  const actions = useStandActions();
  const verdict = live ? verdictIn(live, nodeId) : undefined;
  if (!verdict) return null;
  return (
    <div className="card-verdict" data-testid="card-verdict" data-label={verdict.label}>
      <VerdictTag verdict={verdict} />
      <p className="card-verdict__why">{actions?.explain(nodeId)?.text}</p>
    </div>
  );
}
