/**
 * A node's verdict as the views show it: label, strength as a whole percentage, and whether the
 * reader decided it ("what if"). Verdicts are interned, so an unchanged verdict is the very same
 * object from one evaluation to the next and a memoised node view skips re-rendering.
 */
import type { Evaluator } from "@/lib/map/evaluation/evaluator";
import type { Assumption, Label } from "@/lib/map/evaluation/input";

export interface Verdict {
  label: Label;
  /** Strength 0..100, rounded. */
  percent: number;
  assumed: Assumption | null;
  /** On a cycle whose strengths did not settle: the percentage is approximate. */
  unsettled: boolean;
}

export const LABEL_WORD: Record<Label, string> = { accepted: "Accepted", defeated: "Defeated", undecided: "Undecided" };

const LABEL_INDEX: Record<Label, number> = { accepted: 0, defeated: 1, undecided: 2 };
const ASSUMPTION_INDEX = { none: 0, accept: 1, reject: 2 } as const;
const interned = new Map<number, Verdict>();

export function verdictFor(label: Label, percent: number, assumed: Assumption | null, unsettled: boolean): Verdict {
  const key = ((LABEL_INDEX[label] * 101 + percent) * 3 + ASSUMPTION_INDEX[assumed ?? "none"]) * 2 + (unsettled ? 1 : 0);
  let verdict = interned.get(key);
  if (!verdict) interned.set(key, (verdict = Object.freeze({ label, percent, assumed, unsettled })));
  return verdict;
}

const byEvaluation = new WeakMap<object, Map<string, Verdict | undefined>>();

/**
 * The verdict of one node in this evaluation, remembered with it: views ask for every node on
 * every frame of a drag, and the evaluation only changes with the map.
 */
export function verdictIn(live: { evaluator: Evaluator }, nodeId: string): Verdict | undefined {
  let verdicts = byEvaluation.get(live);
  if (!verdicts) byEvaluation.set(live, (verdicts = new Map()));
  if (verdicts.has(nodeId)) return verdicts.get(nodeId);
  const verdict = verdictOf(live.evaluator, nodeId);
  verdicts.set(nodeId, verdict);
  return verdict;
}

/** The verdict of one node of a live evaluation, or undefined when it has none. */
export function verdictOf(evaluator: Evaluator, nodeId: string): Verdict | undefined {
  const label = evaluator.labelOf(nodeId);
  if (!label) return undefined;
  const percent = Math.round(evaluator.strengthOf(nodeId)! * 100);
  return verdictFor(label, percent, evaluator.assumptionOf(nodeId) ?? null, evaluator.isUnsettled(nodeId));
}

/** "Accepted, strength 63%" (with "your view" when the reader decided it): for names and titles. */
export function describeVerdict(verdict: Verdict): string {
  const mine = verdict.assumed ? " (your view)" : "";
  return `${LABEL_WORD[verdict.label]}${mine}, strength ${verdict.unsettled ? "about " : ""}${verdict.percent}%`;
}
