"use client";
/** The "Which claims stand" switch: labels every node accepted, defeated or undecided, with strengths. */
import { useStandActions, useStandState } from "./StandContext";
import { VerdictIcon } from "./VerdictIcon";

export function StandToggle() {
  const { overlay } = useStandState();
  const actions = useStandActions();
  return (
    <button
      type="button"
      className="stand-toggle"
      aria-pressed={overlay}
      data-testid="stand-toggle"
      title="Label every point accepted, defeated or undecided (grounded semantics), with its strength"
      onClick={() => actions?.setOverlay(!overlay)}
    >
      <VerdictIcon label="accepted" size={15} />
      {/* A phone's toolbar has room for two words: "claims stand" says it. */}
      <span className="stand-toggle__which">Which </span>claims stand
    </button>
  );
}
