import { describe, expect, it } from "vitest";
import { mapOf } from "../testing/evaluationReference";
import { Evaluator } from "./evaluator";
import type { EvaluatedLink, EvaluatedNode } from "./input";
import { combine, MAX_ROUNDS } from "./strength";

const claim = (id: string, baseScore: number | null = null): EvaluatedNode => ({ id, kind: "claim", baseScore });
const link = (from: string, relation: EvaluatedLink["relation"], to: string): EvaluatedLink => ({ id: `${from}-${relation}-${to}`, from, to, relation });

function strengths(nodes: EvaluatedNode[], links: EvaluatedLink[]) {
  const evaluator = new Evaluator();
  evaluator.update(mapOf(nodes, links));
  return { evaluator, of: (id: string) => evaluator.strengthOf(id)! };
}

describe("DF-QuAD strengths", () => {
  it("combine: attack lowers the base towards 0, support raises it towards 1, in proportion", () => {
    expect(combine(0.5, 0, 0)).toBe(0.5);
    expect(combine(0.5, 0.5, 0)).toBe(0.25);
    expect(combine(0.5, 0, 0.5)).toBe(0.75);
    expect(combine(0.8, 0.4, 0.4)).toBe(0.8);
    expect(combine(0.2, 0, 1)).toBe(1);
  });

  it("start from 0.5 unless a base score is set", () => {
    const { of } = strengths([claim("a"), claim("b", 0.9)], []);
    expect(of("a")).toBe(0.5);
    expect(of("b")).toBe(0.9);
  });

  it("a support adds and a rebuttal subtracts, each by its own strength", () => {
    expect(strengths([claim("a"), claim("s")], [link("s", "supports", "a")]).of("a")).toBe(0.75);
    expect(strengths([claim("a"), claim("r")], [link("r", "rebuts", "a")]).of("a")).toBe(0.25);
    expect(strengths([claim("a", 0.8), claim("s"), claim("r")], [link("s", "supports", "a"), link("r", "rebuts", "a")]).of("a")).toBeCloseTo(0.8, 12);
  });

  it("a rebuttal that is itself rebutted counts for less", () => {
    // r is 0.25 after q's rebuttal, so a loses 0.5 · 0.25.
    expect(strengths([claim("a"), claim("r"), claim("q")], [link("r", "rebuts", "a"), link("q", "rebuts", "r")]).of("a")).toBe(0.375);
  });

  it("an undercut weakens the link it targets, not its source", () => {
    const attack = link("r", "rebuts", "a");
    const undercut: EvaluatedLink = { id: "u", from: "u", to: attack.id, relation: "undercuts" };
    const { of } = strengths([claim("a"), claim("r"), claim("u")], [attack, undercut]);
    expect(of("r")).toBe(0.5);
    // The rebuttal carries 0.5 · (1 − 0.5) = 0.25.
    expect(of("a")).toBe(0.375);
  });

  it("an argument is never stronger than its weakest premise", () => {
    const nodes: EvaluatedNode[] = [{ id: "A", kind: "argument", baseScore: 0.9 }, claim("p1"), claim("p2"), claim("r"), claim("c")];
    const links = [link("p1", "premise", "A"), link("p2", "premise", "A"), link("r", "rebuts", "p2"), link("A", "supports", "c")];
    const { of } = strengths(nodes, links);
    expect(of("p2")).toBe(0.25);
    expect(of("A")).toBe(0.25);
    expect(of("c")).toBe(0.625);
  });

  it("settle on a cycle that contracts, and say so", () => {
    const { evaluator, of } = strengths([claim("a"), claim("b"), claim("c")], [link("a", "rebuts", "b"), link("b", "rebuts", "c"), link("c", "rebuts", "a")]);
    expect(evaluator.converged).toBe(true);
    // By symmetry all three are equal: x = 0.5 − 0.5·x, so x = 1/3.
    for (const id of ["a", "b", "c"]) expect(of(id)).toBeCloseTo(1 / 3, 5);
  });

  it(`say when a cycle has not settled after ${MAX_ROUNDS} rounds, and which nodes are unsettled`, () => {
    // Two certain claims rebutting each other flip between 1 and 0 forever.
    const { evaluator } = strengths([claim("a", 1), claim("b", 1), claim("c")], [link("a", "rebuts", "b"), link("b", "rebuts", "a")]);
    expect(evaluator.converged).toBe(false);
    expect(evaluator.isUnsettled("a")).toBe(true);
    expect(evaluator.isUnsettled("c")).toBe(false);
    // Settling them (a base score below 1) clears the flag on the next update.
    evaluator.update(mapOf([claim("a", 0.5), claim("b", 1), claim("c")], [link("a", "rebuts", "b"), link("b", "rebuts", "a")]));
    expect(evaluator.converged).toBe(true);
    expect(evaluator.isUnsettled("a")).toBe(false);
  });

  it("ignore a base score outside 0..1 and use the default", () => {
    expect(strengths([claim("a", 7)], []).of("a")).toBe(0.5);
  });
});

describe("base score overrides (the seam for the room's votes)", () => {
  it("replace a node's stored base score while they hold, and give it back when cleared", () => {
    const map = mapOf([claim("a", 0.3), claim("r")], [link("r", "rebuts", "a")]);
    const evaluator = new Evaluator();
    evaluator.update(map);
    expect(evaluator.strengthOf("a")).toBeCloseTo(0.15, 12);
    evaluator.setBaseScoreOverrides(new Map([["a", 0.9], ["r", 0.1]]), map);
    evaluator.recompute();
    expect(evaluator.strengthOf("a")).toBeCloseTo(0.9 - 0.9 * 0.1, 12);
    evaluator.setBaseScoreOverrides(new Map(), map);
    evaluator.recompute();
    expect(evaluator.strengthOf("a")).toBeCloseTo(0.15, 12);
  });
});
