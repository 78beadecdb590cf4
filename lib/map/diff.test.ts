/**
 * Records diffs: applyOp says exactly what it changed, diffs squash and reverse like the changes
 * they describe, and any diff turns into ops that make that change (undo and whole-map builds).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOp, applyOps } from "./apply";
import { emptyDiff, notePut, noteRemove, reverseDiff, squashDiffs, type DocDiff } from "./diff";
import { opsForDiff } from "./diffOps";
import { undoOps } from "./inverse";
import { opSchema } from "./ops";
import { diffBetween, sortedDiff } from "./testing/diffBetween";
import { debate, docOf, edge, node } from "./testing/fixtures";
import { opSeedsArb, playSeeds } from "./testing/opSequences";
import { emptyDoc, type ArgNode } from "./types";

const RUNS = { numRuns: 250 };
const builtDocArb = opSeedsArb.map((seeds) => playSeeds(emptyDoc(), seeds).end);

describe("a records diff", () => {
  it("of an add then an update is an add of the last version", () => {
    const diff = emptyDiff().nodes;
    notePut(diff, "n", undefined, node("n"));
    notePut(diff, "n", node("n"), node("n", { text: "later" }));
    expect([...diff.added.values()]).toEqual([node("n", { text: "later" })]);
    expect(diff.updated.size + diff.removed.size).toBe(0);
  });

  it("of an add then a remove is empty", () => {
    const diff = emptyDiff().nodes;
    notePut(diff, "n", undefined, node("n"));
    noteRemove(diff, "n", node("n"));
    expect(diff.added.size + diff.updated.size + diff.removed.size).toBe(0);
  });

  it("of a remove then an add of the same id is an update from the first version", () => {
    const diff = emptyDiff().nodes;
    noteRemove(diff, "n", node("n"));
    notePut(diff, "n", undefined, node("n", { x: 5 }));
    expect([...diff.updated]).toEqual([["n", [node("n"), node("n", { x: 5 })]]]);
  });

  it("of two updates goes from the first version to the last", () => {
    const diff = emptyDiff().nodes;
    notePut(diff, "n", node("n"), node("n", { x: 1 }));
    notePut(diff, "n", node("n", { x: 1 }), node("n", { x: 2 }));
    noteRemove(emptyDiff().nodes, "other", node("other"));
    expect([...diff.updated]).toEqual([["n", [node("n"), node("n", { x: 2 })]]]);
  });

  it("of an update then a remove removes the first version", () => {
    const diff = emptyDiff().nodes;
    notePut(diff, "n", node("n"), node("n", { x: 1 }));
    noteRemove(diff, "n", node("n", { x: 1 }));
    expect([...diff.removed]).toEqual([["n", node("n")]]);
  });

  it("keeps ids named like Object.prototype members as entries", () => {
    const diff = emptyDiff().nodes;
    notePut(diff, "__proto__", undefined, node("__proto__"));
    notePut(diff, "constructor", undefined, node("constructor"));
    expect([...diff.added.keys()]).toEqual(["__proto__", "constructor"]);
  });
});

describe("applyOp's diff", () => {
  it("is exactly what changed between the doc before and the doc after, for every op", () => {
    fc.assert(
      fc.property(opSeedsArb, (seeds) => {
        for (const { before, op, result } of playSeeds(emptyDoc(), seeds).steps) {
          if (!result.ok) continue;
          expect(sortedDiff(result.diff), JSON.stringify(op)).toEqual(sortedDiff(diffBetween(before, result.doc)));
        }
      }),
      RUNS,
    );
  });

  it("of a whole sequence, squashed, is what changed from its start to its end", () => {
    fc.assert(
      fc.property(builtDocArb, opSeedsArb, (start, seeds) => {
        const { steps, end } = playSeeds(start, seeds);
        const diffs = steps.flatMap(({ result }) => (result.ok ? [result.diff] : []));
        expect(sortedDiff(squashDiffs(diffs))).toEqual(sortedDiff(diffBetween(start, end)));
      }),
      RUNS,
    );
  });

  it("reversed twice is itself", () => {
    fc.assert(
      fc.property(builtDocArb, opSeedsArb, (start, seeds) => {
        const { end } = playSeeds(start, seeds);
        const diff = diffBetween(start, end);
        expect(sortedDiff(reverseDiff(reverseDiff(diff)))).toEqual(sortedDiff(diff));
      }),
      RUNS,
    );
  });
});

describe("opsForDiff", () => {
  it("makes the change a diff describes, with ops the server's schema accepts, both ways", () => {
    fc.assert(
      fc.property(builtDocArb, opSeedsArb, (start, seeds) => {
        const { end } = playSeeds(start, seeds);
        const diff: DocDiff = diffBetween(start, end);
        for (const [from, to, change] of [[start, end, diff], [end, start, reverseDiff(diff)]] as const) {
          const ops = opsForDiff(change, from);
          for (const op of ops) expect(opSchema.safeParse(op).success, JSON.stringify(op)).toBe(true);
          const result = applyOps(from, ops);
          expect(result.ok && result.doc).toEqual(to);
        }
      }),
      RUNS,
    );
  });

  it("brings back, with a link drawn again under its id with other ends, the undercut aimed at it that the diff leaves as it was", () => {
    const claims = ["a", "b", "c", "d"].map((id) => node(id, { kind: "claim" }));
    const start = docOf({ nodes: claims, edges: [edge("link", "b", "a"), edge("cut", "c", "link", "undercuts")] });
    // "a" deleted (taking the link and its undercut along), then both drawn again, the link to "d".
    const end = docOf({ nodes: claims.filter((claim) => claim.id !== "a"), edges: [edge("link", "b", "d"), edge("cut", "c", "link", "undercuts")] });
    const diff = diffBetween(start, end);
    expect(diff.edges.updated.has("cut") || diff.edges.removed.has("cut")).toBe(false);
    for (const [from, to, change] of [[start, end, diff], [end, start, reverseDiff(diff)]] as const) {
      const result = applyOps(from, opsForDiff(change, from));
      expect(result.ok && result.doc).toEqual(to);
    }
  });

  it("undoes a multi-op step in one go, as the sync client's history does", () => {
    const before = debate();
    const ops = [
      { type: "addNode" as const, node: node("n") },
      { type: "addEdge" as const, edge: edge("e9", "n", "c", "rebuts") },
      { type: "updateNode" as const, id: "n", patch: { text: "edited" } },
      { type: "deleteNodes" as const, ids: ["r"] },
    ];
    const applied = applyOps(before, ops);
    if (!applied.ok) throw new Error(applied.error.message);
    expect(undoOps(applied.diff)).toEqual([
      { type: "deleteEdge", id: "e9" },
      { type: "deleteNodes", ids: ["n"] },
      { type: "addNode", node: debate().nodes.r },
      { type: "addEdge", edge: debate().edges.e2 },
    ]);
    const undone = applyOps(applied.doc, undoOps(applied.diff));
    expect(undone.ok && undone.doc).toEqual(before);
  });

  it("leaves out an update that ends where it started", () => {
    const moved = applyOp(debate(), { type: "moveNodes", moves: [{ id: "c", x: 9, y: 9 }] });
    const back = moved.ok && applyOp(moved.doc, { type: "moveNodes", moves: [{ id: "c", x: 0, y: 0 }] });
    if (!moved.ok || !back || !back.ok) throw new Error("moves apply");
    const squashed = squashDiffs([moved.diff, back.diff]);
    expect(squashed.nodes.updated.get("c")?.map((n: ArgNode) => n.x)).toEqual([0, 0]);
    expect(opsForDiff(squashed)).toEqual([]);
  });
});
