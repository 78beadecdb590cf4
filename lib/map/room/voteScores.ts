/**
 * The room's votes as base scores (DF-QuAD's starting strengths, issue 16): a point shown at a
 * step starts from the share of the step's decided votes that agree. "Unsure" is no opinion
 * either way, so it abstains rather than pulling towards 50%; a step with no agree or disagree
 * vote gives its points nothing (they keep the base score they have).
 */
import type { PresentationStep } from "../types";
import type { Tally } from "./reactions";

/** A base score is shown and typed in whole percent: keep the votes' score the same. */
const round = (score: number) => Math.round(score * 100) / 100;

export function baseScoresFromVotes(steps: readonly PresentationStep[], tallies: Readonly<Record<number, Tally>>): Map<string, number> {
  const scores = new Map<string, number>();
  for (const [index, step] of steps.entries()) {
    const tally = Object.hasOwn(tallies, index) ? tallies[index] : undefined;
    const decided = tally ? tally.agree + tally.disagree : 0;
    if (!tally || decided === 0) continue;
    for (const nodeId of step.nodeIds) scores.set(nodeId, round(tally.agree / decided));
  }
  return scores;
}
