import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOp } from "./apply";
import { defaultSteps, resolvedSteps, revealedAt, skippedNodes } from "./presentation";
import { docOf, edge, node } from "./testing/fixtures";
import { opSeedsArb, playSeeds } from "./testing/opSequences";
import { emptyDoc } from "./types";

// claim ← s1 (supports) ← s1a (supports); claim ← r1 (rebuts) ← r1s (supports); claim ← s2 (supports)
const debateMap = () =>
  docOf({
    nodes: [node("claim", { kind: "claim" }), node("r1", { kind: "rebuttal" }), node("s1"), node("r1s"), node("s1a"), node("s2")],
    edges: [edge("e1", "r1", "claim", "rebuts"), edge("e2", "s1", "claim"), edge("e3", "r1s", "r1"), edge("e4", "s1a", "s1"), edge("e5", "s2", "claim")],
  });

describe("the default path", () => {
  it("reads the main claim, then each line depth-first, supports before rebuttals", () => {
    expect(defaultSteps(debateMap()).map((step) => step.nodeIds[0])).toEqual(["claim", "s1", "s1a", "s2", "r1", "r1s"]);
  });

  it("shows every node exactly once, whatever the graph (cycles included)", () => {
    fc.assert(
      fc.property(opSeedsArb, (seeds) => {
        const doc = playSeeds(emptyDoc(), seeds).end;
        const ids = defaultSteps(doc).flatMap((step) => step.nodeIds);
        expect([...ids].sort()).toEqual(Object.keys(doc.nodes).sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe("a saved path", () => {
  it("is used as saved, skipping nodes left out and dropping nodes deleted since", () => {
    const doc = debateMap();
    const saved = { steps: [{ id: "a", nodeIds: ["claim"], notes: "Start here" }, { id: "b", nodeIds: ["s1", "s2"], notes: "" }, { id: "c", nodeIds: ["r1"], notes: "" }] };
    const withPath = applyOp(doc, { type: "updateMap", patch: { presentation: saved } });
    expect(withPath.ok).toBe(true);
    if (!withPath.ok) return;
    expect(resolvedSteps(withPath.doc)).toEqual(saved.steps);
    expect(skippedNodes(withPath.doc, saved.steps)).toEqual(["r1s", "s1a"]);
    const deleted = applyOp(withPath.doc, { type: "deleteNodes", ids: ["r1"] });
    if (!deleted.ok) throw new Error(deleted.error.message);
    expect(resolvedSteps(deleted.doc).map((step) => step.id)).toEqual(["a", "b"]);
  });

  it("reveals everything up to the current step", () => {
    const steps = defaultSteps(debateMap());
    expect([...revealedAt(steps, 2)]).toEqual(["claim", "s1", "s1a"]);
    expect(revealedAt(steps, -1).size).toBe(0);
  });
});
