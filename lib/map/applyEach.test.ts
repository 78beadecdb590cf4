import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEach, applyOp } from "./apply";
import { debate, deepFreeze } from "./testing/fixtures";
import { emptyDoc } from "./types";
import { opSeedsArb, playSeeds } from "./testing/opSequences";

describe("applyEach", () => {
  it("ends where applying the ops one by one (skipping rejected ones) ends, with the same verdicts", () => {
    fc.assert(
      fc.property(opSeedsArb, opSeedsArb, (first, second) => {
        const start = deepFreeze(debate());
        // Ops generated against one history and replayed together: some now miss their nodes.
        const ops = [...playSeeds(start, first).steps, ...playSeeds(start, second).steps].map((step) => step.op);
        let doc = start;
        const verdicts: boolean[] = [];
        for (const op of ops) {
          const result = applyOp(doc, op);
          verdicts.push(result.ok);
          if (result.ok) doc = result.doc;
        }
        const each = applyEach(start, ops);
        expect(each.doc).toEqual(doc);
        expect(each.results.map((r) => r.ok)).toEqual(verdicts);
      }),
      { numRuns: 200 },
    );
  });

  it("in place, on a doc the caller owns, gives the same doc and verdicts as copying, and reuses the doc across groups", () => {
    fc.assert(
      fc.property(opSeedsArb, opSeedsArb, (first, second) => {
        const start = deepFreeze(debate());
        const groups = [playSeeds(start, first).steps, playSeeds(start, second).steps].map((steps) => steps.map((step) => step.op));
        const owned = { ...start, meta: { ...start.meta }, nodes: { ...start.nodes }, edges: { ...start.edges }, sources: { ...start.sources } };
        let copied = start;
        for (const ops of groups) {
          const byCopy = applyEach(copied, ops);
          const inPlace = applyEach(owned, ops, { inPlace: true });
          expect(inPlace.doc).toBe(owned);
          expect(inPlace.results).toEqual(byCopy.results);
          expect(inPlace.doc).toEqual(byCopy.doc);
          copied = byCopy.doc;
        }
      }),
      { numRuns: 200 },
    );
  });

  it("in place, a link deleted in one group can be drawn again in the next (its facts change with the record)", () => {
    const doc = emptyDoc({ title: "t" });
    const node = (id: string) => ({ type: "addNode" as const, node: { id, kind: "claim" as const, text: id, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } });
    const link = (id: string) => ({ type: "addEdge" as const, edge: { id, from: "a", to: "b", relation: "supports" as const } });
    expect(applyEach(doc, [node("a"), node("b"), link("e1")], { inPlace: true }).results.every((r) => r.ok)).toBe(true);
    const again = applyEach(doc, [{ type: "deleteEdge", id: "e1" }, link("e2")], { inPlace: true });
    expect(again.results.map((r) => r.ok)).toEqual([true, true]);
    expect(Object.keys(doc.edges)).toEqual(["e2"]);
  });

  it("gives moves and deletes as they took effect: only nodes that still existed", () => {
    const start = debate();
    const [first] = Object.keys(start.nodes);
    const { results } = applyEach(start, [
      { type: "moveNodes", moves: [{ id: first!, x: 1, y: 2 }, { id: "gone", x: 0, y: 0 }] },
      { type: "deleteNodes", ids: ["gone", first!] },
    ]);
    expect(results).toEqual([
      { ok: true, op: { type: "moveNodes", moves: [{ id: first, x: 1, y: 2 }] }, diff: expect.anything() },
      { ok: true, op: { type: "deleteNodes", ids: [first] }, diff: expect.anything() },
    ]);
  });
});
