import { describe, expect, it } from "vitest";
import { applyOp } from "./apply";
import { parseJsonImport, toJsonExport } from "./exchange/json";
import { inverseOf } from "./inverse";
import { parseOp, type Op } from "./ops";
import { debate, node } from "./testing/fixtures";

describe("a node's base score (the strength it starts from)", () => {
  it("is the default (null) unless an addNode says otherwise, also from older clients that do not know it", () => {
    const parsed = parseOp({ type: "addNode", node: { id: "n", kind: "claim", text: "t", x: 0, y: 0 } });
    expect(parsed.ok && parsed.op.type === "addNode" && parsed.op.node.baseScore).toBe(null);
    const { baseScore: _omitted, ...old } = node("n");
    const applied = applyOp(debate(), { type: "addNode", node: old } as Op);
    expect(applied.ok && applied.doc.nodes.n!.baseScore).toBe(null);
  });

  it("is set, and reset to the default, by updateNode, and undone by its inverse", () => {
    const set: Op = { type: "updateNode", id: "c", patch: { baseScore: 0.8 } };
    const after = applyOp(debate(), set);
    if (!after.ok) throw new Error(after.error.message);
    expect(after.doc.nodes.c!.baseScore).toBe(0.8);
    expect(inverseOf(debate(), set)).toEqual([{ type: "updateNode", id: "c", patch: { baseScore: null } }]);
    const reset = applyOp(after.doc, { type: "updateNode", id: "c", patch: { baseScore: null } });
    expect(reset.ok && reset.doc).toEqual(debate());
  });

  it("must lie in 0..1", () => {
    for (const baseScore of [-0.1, 1.5, Number.NaN, "0.5"]) {
      expect(parseOp({ type: "updateNode", id: "c", patch: { baseScore } }).ok, String(baseScore)).toBe(false);
    }
    expect(parseOp({ type: "updateNode", id: "c", patch: { baseScore: 0 } }).ok).toBe(true);
    expect(parseOp({ type: "updateNode", id: "c", patch: { baseScore: 1 } }).ok).toBe(true);
  });

  it("travels in the JSON export and back", () => {
    const after = applyOp(debate(), { type: "updateNode", id: "s", patch: { baseScore: 0.25 } });
    if (!after.ok) throw new Error(after.error.message);
    const back = parseJsonImport(JSON.parse(JSON.stringify(toJsonExport(after.doc))));
    expect(back.ok && back.doc.nodes.s!.baseScore).toBe(0.25);
  });
});
