/** A verdict as a plain tag (no interaction): for the outline, the stage, the side panel. */
import { LABEL_WORD, type Verdict } from "./verdict";
import { VerdictIcon } from "./VerdictIcon";

export function VerdictTag({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`verdict-tag verdict--${verdict.label}${verdict.assumed ? " verdict--assumed" : ""}`} data-testid="verdict-tag" data-label={verdict.label}>
      <VerdictIcon label={verdict.label} size={13} />
      {LABEL_WORD[verdict.label]}
      <span className="verdict__strength">
        {" "}
        {verdict.unsettled ? "≈" : ""}
        {verdict.percent}%
      </span>
      {verdict.assumed && <span className="verdict__mine"> (your view)</span>}
    </span>
  );
}
