import { describe, expect, it } from "vitest";
import { applyOp } from "./apply";
import { applyOps, inverseOf } from "./inverse";
import type { Op } from "./ops";
import { debate, edge, node, source } from "./testing/fixtures";

describe("inverseOf", () => {
  it("of adding a node deletes it", () => {
    expect(inverseOf(debate(), { type: "addNode", node: node("n") })).toEqual([{ type: "deleteNodes", ids: ["n"] }]);
  });

  it("of deleting nodes adds each node back, then every link that went with them", () => {
    expect(inverseOf(debate(), { type: "deleteNodes", ids: ["c", "gone", "c"] })).toEqual([
      { type: "addNode", node: debate().nodes.c },
      { type: "addEdge", edge: debate().edges.e1 },
      { type: "addEdge", edge: debate().edges.e2 },
    ]);
  });

  it("of editing a node restores the previous values of exactly the patched fields", () => {
    const op: Op = { type: "updateNode", id: "s", patch: { text: "new", sourceId: null } };
    expect(inverseOf(debate(), op)).toEqual([
      { type: "updateNode", id: "s", patch: { text: "Its data centres answer to Beijing", sourceId: "s1" } },
    ]);
  });

  it("of moving nodes moves back only the nodes that existed, each once", () => {
    const op: Op = {
      type: "moveNodes",
      moves: [{ id: "c", x: 5, y: 5 }, { id: "gone", x: 1, y: 1 }, { id: "c", x: 9, y: 9 }],
    };
    expect(inverseOf(debate(), op)).toEqual([{ type: "moveNodes", moves: [{ id: "c", x: 0, y: 0 }] }]);
  });

  it("of deleting a source adds it back and relinks the nodes that cited it", () => {
    expect(inverseOf(debate(), { type: "deleteSource", id: "s1" })).toEqual([
      { type: "addSource", source: debate().sources.s1 },
      { type: "updateNode", id: "s", patch: { sourceId: "s1" } },
    ]);
  });

  it.each<[string, Op, Op[]]>([
    ["adding a link deletes it", { type: "addEdge", edge: edge("e9", "c", "r") }, [{ type: "deleteEdge", id: "e9" }]],
    ["changing a link's relation changes it back", { type: "updateEdge", id: "e1", patch: { relation: "rebuts" } }, [
      { type: "updateEdge", id: "e1", patch: { relation: "supports" } },
    ]],
    ["deleting a link adds it back", { type: "deleteEdge", id: "e2" }, [{ type: "addEdge", edge: edge("e2", "r", "c", "rebuts") }]],
    ["adding a source deletes it", { type: "addSource", source: source("s2") }, [{ type: "deleteSource", id: "s2" }]],
    ["editing a source restores the patched fields", { type: "updateSource", id: "s1", patch: { url: "https://wsj.com" } }, [
      { type: "updateSource", id: "s1", patch: { url: "" } },
    ]],
    ["renaming the map renames it back", { type: "updateMap", patch: { title: "New" } }, [
      { type: "updateMap", patch: { title: "Alibaba in the US" } },
    ]],
  ])("of %s", (_rule, op, inverse) => {
    expect(inverseOf(debate(), op)).toEqual(inverse);
  });

  it("of an op the doc rejects is empty, so undo never deletes a node someone else made", () => {
    expect(inverseOf(debate(), { type: "addNode", node: node("c") })).toEqual([]);
    expect(inverseOf(debate(), { type: "updateNode", id: "gone", patch: { text: "x" } })).toEqual([]);
  });
});

describe("applyOps", () => {
  it("applies a list in order", () => {
    const result = applyOps(debate(), [
      { type: "addNode", node: node("n") },
      { type: "addEdge", edge: edge("e9", "n", "c") },
    ]);
    expect(result.ok && Object.keys(result.doc.edges)).toEqual(["e1", "e2", "e9"]);
  });

  it("stops at the first rejection and reports it, so nothing is half-applied", () => {
    const result = applyOps(debate(), [
      { type: "addNode", node: node("n") },
      { type: "addEdge", edge: edge("e9", "n", "n") },
    ]);
    expect(result).toEqual({ ok: false, error: { code: "invalid_op", message: "a node cannot support or rebut itself" } });
  });

  it("with the inverse of a delete brings back the doc as it was", () => {
    const before = debate();
    const op: Op = { type: "deleteNodes", ids: ["c"] };
    const after = applyOp(before, op);
    expect(after.ok && applyOps(after.doc, inverseOf(before, op))).toEqual({ ok: true, doc: before, diff: expect.anything() });
  });
});
