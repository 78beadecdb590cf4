import { describe, expect, it } from "vitest";
import type { Role } from "../map/types";
import { debate } from "../map/testing/fixtures";
import { setBaseScore, setBaseScoresFromVotes } from "./baseScore";
import type { ActionContext } from "./types";

function context(nodeIds: string[], role: Role = "edit", doc = debate()): ActionContext {
  return {
    doc,
    role,
    selection: { nodeIds, edgeIds: [] },
    canUndo: false,
    canRedo: false,
    insertionPoint: () => ({ x: 0, y: 0 }),
    sizeOf: () => ({ width: 200, height: 100 }),
    newId: () => "new",
  };
}

describe("setBaseScore", () => {
  it("is an action that takes its value from a form, and no key runs it", () => {
    expect(setBaseScore.kind).toBe("value");
    expect(setBaseScore.shortcuts).toEqual([]);
  });

  it.each([
    { case: "sets one node's score", nodes: ["c"], value: 0.8, ops: [{ type: "updateNode", id: "c", patch: { baseScore: 0.8 } }] },
    { case: "sets every selected node's", nodes: ["c", "s"], value: 0.2, ops: [{ type: "updateNode", id: "c", patch: { baseScore: 0.2 } }, { type: "updateNode", id: "s", patch: { baseScore: 0.2 } }] },
    { case: "does nothing when the score is already that (null is the default)", nodes: ["c"], value: null, ops: false },
    { case: "skips nodes that are gone", nodes: ["gone", "r"], value: 1, ops: [{ type: "updateNode", id: "r", patch: { baseScore: 1 } }] },
    { case: "refuses a score outside 0..1", nodes: ["c"], value: 1.2, ops: false },
  ])("$case", ({ nodes, value, ops }) => {
    expect(setBaseScore.perform(context(nodes), value)).toEqual(ops);
  });

  it("is enabled only for a role that edits, with a node selected", () => {
    expect(setBaseScore.enabled(context(["c"]))).toBe(true);
    expect(setBaseScore.enabled(context(["c"], "view"))).toBe(false);
    expect(setBaseScore.enabled(context([]))).toBe(false);
  });
});

describe("setBaseScoresFromVotes", () => {
  it("sets the score of each voted point that exists and differs, in one batch", () => {
    const scores = new Map([["c", 0.75], ["s", 0.5], ["gone", 0.2], ["r", 0.33]]);
    const plain = debate();
    const doc = { ...plain, nodes: { ...plain.nodes, s: { ...plain.nodes.s!, baseScore: 0.5 } } };
    expect(setBaseScoresFromVotes.perform(context([], "edit", doc), scores)).toEqual([
      { type: "updateNode", id: "c", patch: { baseScore: 0.75 } },
      { type: "updateNode", id: "r", patch: { baseScore: 0.33 } },
    ]);
  });

  it("does nothing without votes, refuses scores outside 0..1, and is for roles that edit", () => {
    expect(setBaseScoresFromVotes.perform(context([]), new Map())).toBe(false);
    expect(setBaseScoresFromVotes.perform(context([]), new Map([["c", 1.5]]))).toBe(false);
    expect(setBaseScoresFromVotes.enabled(context([]))).toBe(true);
    expect(setBaseScoresFromVotes.enabled(context([], "view"))).toBe(false);
  });
});
