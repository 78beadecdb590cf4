import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEach, applyOp } from "./apply";
import { debate, deepFreeze } from "./testing/fixtures";
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

  it("gives moves and deletes as they took effect: only nodes that still existed", () => {
    const start = debate();
    const [first] = Object.keys(start.nodes);
    const { results } = applyEach(start, [
      { type: "moveNodes", moves: [{ id: first!, x: 1, y: 2 }, { id: "gone", x: 0, y: 0 }] },
      { type: "deleteNodes", ids: ["gone", first!] },
    ]);
    expect(results).toEqual([
      { ok: true, op: { type: "moveNodes", moves: [{ id: first, x: 1, y: 2 }] } },
      { ok: true, op: { type: "deleteNodes", ids: [first] } },
    ]);
  });
});
