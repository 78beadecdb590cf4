/**
 * Which claims stand, as text for the server-rendered outline (read without JavaScript): each
 * point's label and strength with why, and a line saying what the labels mean. No hooks.
 */
import type { EvaluationReport } from "@/lib/map/evaluation/report";
import { VerdictIcon } from "./VerdictIcon";

export function EvaluationLine({ evaluation, nodeId }: { evaluation: EvaluationReport; nodeId: string }) {
  const label = evaluation.labels[nodeId];
  if (!label) return null;
  // The why line starts with the label in words: "Defeated: rebutted by …".
  return (
    <p className={`outline__stand verdict--${label}`} data-testid="outline-stand" data-label={label}>
      <VerdictIcon label={label} size={14} /> {evaluation.why[nodeId]} <span className="verdict__strength">Strength {Math.round(evaluation.strengths[nodeId]! * 100)}%.</span>
    </p>
  );
}

export function EvaluationSummary({ evaluation }: { evaluation: EvaluationReport }) {
  const count = (label: string) => Object.values(evaluation.labels).filter((other) => other === label).length;
  return (
    <p className="outline__stand-summary">
      Which claims stand (grounded semantics): {count("accepted")} accepted, {count("defeated")} defeated, {count("undecided")} undecided. A point is
      accepted when every rebuttal of it is defeated, defeated when an accepted point rebuts it, undecided otherwise; strengths run from 0 to 100%.
    </p>
  );
}
