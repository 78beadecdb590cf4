import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOp } from "./apply";
import {
  defaultSteps,
  groupNodes,
  moveStep,
  moveStepBy,
  resolvedSteps,
  restoreNode,
  revealedAt,
  sameSteps,
  setStepNotes,
  skipNode,
  skippedNodes,
  stepFocus,
  ungroupStep,
} from "./presentation";
import { docOf, edge, node, reasoned } from "./testing/fixtures";
import { opSeedsArb, playSeeds } from "./testing/opSequences";
import { emptyDoc, type PresentationStep } from "./types";

// claim ← s1 (supports) ← s1a (supports); claim ← r1 (rebuts) ← r1s (supports); claim ← s2 (supports)
const debateMap = () =>
  docOf({
    nodes: [node("claim", { kind: "claim" }), node("r1", { kind: "rebuttal" }), node("s1"), node("r1s"), node("s1a"), node("s2")],
    edges: [edge("e1", "r1", "claim", "rebuts"), edge("e2", "s1", "claim"), edge("e3", "r1s", "r1"), edge("e4", "s1a", "s1"), edge("e5", "s2", "claim")],
  });

describe("the default path", () => {
  it("shows an argument together with its premises in one step, and an undercut right after the reason of its link", () => {
    expect(defaultSteps(reasoned()).map((step) => step.nodeIds.join("+"))).toEqual(["c", "a+p1+p2", "u", "r", "v"]);
  });

  it("frames an undercut with both ends of the link it objects to", () => {
    const steps = defaultSteps(reasoned());
    expect(stepFocus(reasoned(), steps, 2).sort()).toEqual(["a", "c", "u"]);
  });

  it("puts a restored premise back beside its argument", () => {
    const steps = skipNode(defaultSteps(reasoned()), "p2");
    expect(restoreNode(reasoned(), steps, "p2").map((step) => step.nodeIds.join("+"))).toEqual(["c", "a+p1", "p2", "u", "r", "v"]);
  });

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

describe("editing a path", () => {
  const ids = (steps: readonly { nodeIds: string[] }[]) => steps.map((step) => step.nodeIds.join("+"));
  const start = () => defaultSteps(debateMap()); // claim, s1, s1a, s2, r1, r1s

  it("moves a step to a new place, and leaves the path alone when it does not move", () => {
    const steps = start();
    expect(ids(moveStep(steps, "step-r1", 1))).toEqual(["claim", "r1", "s1", "s1a", "s2", "r1s"]);
    expect(ids(moveStepBy(steps, "step-claim", 1))).toEqual(["s1", "claim", "s1a", "s2", "r1", "r1s"]);
    expect(moveStepBy(steps, "step-claim", -1)).toBe(steps);
    expect(ids(moveStep(steps, "step-claim", 99))).toEqual(["s1", "s1a", "s2", "r1", "r1s", "claim"]);
    expect(moveStep(steps, "no-such-step", 0)).toBe(steps);
  });

  it("groups nodes into one step where the first of them was shown, keeping every note", () => {
    const steps = setStepNotes(setStepNotes(start(), "step-s2", "Second reason"), "step-s1", "First reason");
    const grouped = groupNodes(steps, ["s2", "s1"]);
    expect(ids(grouped)).toEqual(["claim", "s1+s2", "s1a", "r1", "r1s"]);
    expect(grouped[1]).toMatchObject({ id: "step-s1", notes: "First reason\n\nSecond reason" });
    expect(groupNodes(grouped, ["s1", "s2"])).toBe(grouped);
  });

  it("takes nodes out of a larger step when grouping them elsewhere, and brings skipped nodes in", () => {
    const steps = groupNodes(skipNode(start(), "r1s"), ["s1", "s1a", "s2"]);
    expect(ids(groupNodes(steps, ["s2", "r1s"]))).toEqual(["claim", "s1+s1a", "s2+r1s", "r1"]);
    expect(ids(groupNodes(skipNode(steps, "claim"), ["claim"]))).toEqual(["s1+s1a+s2", "r1", "claim"]);
  });

  it("splits a group back into one step per node", () => {
    const steps = groupNodes(start(), ["s1", "s2"]);
    const split = ungroupStep(steps, "step-s1");
    expect(ids(split)).toEqual(["claim", "s1", "s2", "s1a", "r1", "r1s"]);
    expect(new Set(split.map((step) => step.id)).size).toBe(split.length);
  });

  it("skips a node and puts it back where the default order shows it", () => {
    const doc = debateMap();
    const skipped = skipNode(skipNode(start(), "s1a"), "claim");
    expect(ids(skipped)).toEqual(["s1", "s2", "r1", "r1s"]);
    expect(ids(restoreNode(doc, skipped, "s1a"))).toEqual(["s1", "s1a", "s2", "r1", "r1s"]);
    expect(ids(restoreNode(doc, skipped, "claim"))).toEqual(["claim", "s1", "s2", "r1", "r1s"]);
    expect(restoreNode(doc, skipped, "s1")).toBe(skipped);
  });

  it("keeps the notes of a step and nothing else when they change", () => {
    const steps = start();
    const noted = setStepNotes(steps, "step-r1", "Ask the room first");
    expect(noted.find((step) => step.id === "step-r1")?.notes).toBe("Ask the room first");
    expect(sameSteps(noted, steps)).toBe(false);
    expect(setStepNotes(noted, "step-r1", "Ask the room first")).toBe(noted);
  });

  it("every edit gives a path the op schema accepts, with unique step ids", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }))), (edits) => {
        const doc = debateMap();
        const nodeIds = Object.keys(doc.nodes);
        let steps = defaultSteps(doc) as readonly PresentationStep[];
        for (const [kind, a, b] of edits) {
          const step = steps[a % Math.max(1, steps.length)];
          if (kind === 0 && step) steps = moveStep(steps, step.id, b);
          else if (kind === 1) steps = groupNodes(steps, [nodeIds[a]!, nodeIds[b]!]);
          else if (kind === 2 && step) steps = ungroupStep(steps, step.id);
          else if (kind === 3) steps = skipNode(steps, nodeIds[a]!);
          else if (kind === 4) steps = restoreNode(doc, steps, nodeIds[b]!);
        }
        expect(applyOp(doc, { type: "updateMap", patch: { presentation: { steps: [...steps] } } }).ok).toBe(true);
        expect(new Set(steps.map((step) => step.id)).size).toBe(steps.length);
        const shown = steps.flatMap((step) => step.nodeIds);
        expect(new Set(shown).size).toBe(shown.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the camera", () => {
  it("frames a step's nodes with the revealed nodes they link to", () => {
    const steps = defaultSteps(debateMap());
    expect(stepFocus(debateMap(), steps, 1).sort()).toEqual(["claim", "s1"]);
    expect(stepFocus(debateMap(), steps, 0)).toEqual(["claim"]);
    expect(stepFocus(debateMap(), steps, 99)).toEqual([]);
  });

  it("never needs a step id longer than the id limit", () => {
    const long = "n".repeat(64);
    const steps = defaultSteps(docOf({ nodes: [node(long), node(`${long.slice(0, 60)}xyzw`)] }));
    expect(steps.every((step) => step.id.length <= 64)).toBe(true);
    expect(new Set(steps.map((step) => step.id)).size).toBe(2);
  });
});
