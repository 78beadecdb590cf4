import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PresentationStep } from "../types";
import type { Tally } from "./reactions";
import { baseScoresFromVotes } from "./voteScores";

const step = (id: string, ...nodeIds: string[]): PresentationStep => ({ id, nodeIds, notes: "" });
const tally = (agree: number, disagree: number, unsure = 0): Tally => ({ agree, disagree, unsure });

describe("baseScoresFromVotes", () => {
  it("gives each point of a step the share of decided votes that agree", () => {
    const scores = baseScoresFromVotes([step("a", "claim"), step("b", "arg", "p1", "p2")], { 0: tally(3, 1), 1: tally(1, 2) });
    expect(Object.fromEntries(scores)).toEqual({ claim: 0.75, arg: 0.33, p1: 0.33, p2: 0.33 });
  });

  it("lets unsure votes abstain, and skips steps nobody decided on", () => {
    const scores = baseScoresFromVotes([step("a", "claim"), step("b", "r"), step("c", "s")], { 0: tally(1, 1, 9), 1: tally(0, 0, 4) });
    expect(Object.fromEntries(scores)).toEqual({ claim: 0.5 });
  });

  it("is always a base score (0..1, whole percent), higher when more agree", () => {
    const count = fc.nat(500);
    fc.assert(
      fc.property(count, count, count, (agree, disagree, unsure) => {
        fc.pre(agree + disagree > 0);
        const score = baseScoresFromVotes([step("a", "n")], { 0: tally(agree, disagree, unsure) }).get("n")!;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(Math.round(score * 100)).toBeCloseTo(score * 100, 9);
        const more = baseScoresFromVotes([step("a", "n")], { 0: tally(agree + 1, disagree, unsure) }).get("n")!;
        expect(more).toBeGreaterThanOrEqual(score);
      }),
    );
  });
});
