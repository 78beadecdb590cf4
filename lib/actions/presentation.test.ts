import { describe, expect, it } from "vitest";
import { applyOp } from "../map/apply";
import { inverseOf } from "../map/inverse";
import { resolvedSteps } from "../map/presentation";
import type { MapDoc } from "../map/types";
import { pathEditOp, type PathEdit } from "./presentation";

const doc: MapDoc = {
  meta: { title: "Homework", description: "", presentation: null },
  nodes: {
    claim: { id: "claim", kind: "claim", text: "Ban homework", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 },
    tired: { id: "tired", kind: "support", text: "Pupils are tired", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 200 },
    practice: { id: "practice", kind: "rebuttal", text: "Practice helps", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 300, y: 200 },
  },
  edges: {
    e1: { id: "e1", from: "tired", to: "claim", relation: "supports" },
    e2: { id: "e2", from: "practice", to: "claim", relation: "rebuts" },
  },
  sources: {},
};

const order = (map: MapDoc) => resolvedSteps(map).map((step) => step.nodeIds.join("+"));

function play(map: MapDoc, edit: PathEdit): MapDoc {
  const op = pathEditOp(map, edit);
  if (!op) throw new Error("no op");
  const result = applyOp(map, op);
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
}

describe("path edits", () => {
  it("turn the default order into a saved path with one updateMap op", () => {
    const op = pathEditOp(doc, { type: "moveBy", stepId: "step-practice", delta: -1 });
    expect(op).toMatchObject({ type: "updateMap", patch: { presentation: { steps: [{ nodeIds: ["claim"] }, { nodeIds: ["practice"] }, { nodeIds: ["tired"] }] } } });
  });

  it("give no op when nothing changes", () => {
    expect(pathEditOp(doc, { type: "moveBy", stepId: "step-claim", delta: -1 })).toBe(false);
    expect(pathEditOp(doc, { type: "reset" })).toBe(false);
    expect(pathEditOp(doc, { type: "restore", nodeId: "claim" })).toBe(false);
    expect(pathEditOp(doc, { type: "notes", stepId: "step-claim", notes: "" })).toBe(false);
  });

  it("are undone by the op's inverse, back to the default order", () => {
    const grouped = play(doc, { type: "group", nodeIds: ["tired", "practice"] });
    expect(order(grouped)).toEqual(["claim", "tired+practice"]);
    const op = pathEditOp(doc, { type: "group", nodeIds: ["tired", "practice"] });
    if (!op) throw new Error("no op");
    const [undo] = inverseOf(doc, op);
    const undone = applyOp(grouped, undo!);
    expect(undone.ok && undone.doc.meta.presentation).toBeNull();
  });

  it("reset a saved path to the default order", () => {
    const skipped = play(doc, { type: "skip", nodeId: "tired" });
    expect(order(skipped)).toEqual(["claim", "practice"]);
    expect(order(play(skipped, { type: "reset" }))).toEqual(["claim", "tired", "practice"]);
  });
});
