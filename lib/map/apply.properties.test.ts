/**
 * Properties of applyOp and inverseOf over random op sequences (see testing/opSequences.ts and testing/anyOp.ts).
 * A failing run prints its seed; pin it with `fc.assert(..., { seed, path })` while fixing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOp } from "./apply";
import { findIntegrityProblem } from "./integrity";
import { applyOps, inverseOf } from "./inverse";
import { opSchema, type Op } from "./ops";
import { anyOpArb } from "./testing/anyOp";
import { mapDocArb } from "./testing/mapArb";
import { opSeedsArb, playSeeds } from "./testing/opSequences";
import { emptyDoc, type MapDoc } from "./types";

const RUNS = { numRuns: 250 };
const ERROR_CODES = ["invalid_op", "not_found", "conflict", "too_large"];

/** A doc that some random sequence has built, to meet the ops under test. */
const builtDocArb = opSeedsArb.map((seeds) => playSeeds(emptyDoc(), seeds).end);

describe("op sequences", () => {
  it("generate ops that the op schema accepts, as the server would", () => {
    fc.assert(
      fc.property(opSeedsArb, (seeds) => {
        for (const { op } of playSeeds(emptyDoc(), seeds).steps) {
          expect(opSchema.safeParse(op).success, JSON.stringify(op)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("both apply and get rejected: the generator reaches the rules it is meant to test", () => {
    const outcomes = new Set<string>();
    // From an empty map and from random maps that already hold premise groups and undercuts:
    // sequences from empty seldom build premises early enough for edits to meet their rules.
    fc.assert(
      fc.property(fc.oneof(fc.constant(emptyDoc()), mapDocArb()), opSeedsArb, (start, seeds) => {
        for (const { op, result } of playSeeds(start, seeds).steps) {
          const kind = op.type === "addEdge" ? ` ${op.edge.relation}` : "";
          outcomes.add(`${op.type}${kind} ${result.ok ? "ok" : result.error.code}`);
        }
      }),
      RUNS,
    );
    const structure = ["addEdge premise ok", "addEdge premise invalid_op", "addEdge undercuts ok", "addEdge undercuts invalid_op", "updateEdge invalid_op", "updateNode invalid_op"];
    for (const outcome of ["addNode ok", "addEdge supports ok", "addEdge rebuts conflict", "addEdge supports not_found", "deleteNodes ok", "deleteSource ok", "updateNode not_found", ...structure]) {
      expect(outcomes).toContain(outcome);
    }
  });
});

describe("inverseOf", () => {
  it("undoes every op that applies: applying the inverse to the result gives back the doc before", () => {
    fc.assert(
      fc.property(opSeedsArb, (seeds) => {
        for (const { before, op, result } of playSeeds(emptyDoc(), seeds).steps) {
          if (!result.ok) continue;
          const undone = applyOps(result.doc, inverseOf(before, op));
          expect(undone.ok && undone.doc, JSON.stringify(op)).toEqual(before);
        }
      }),
      RUNS,
    );
  });

  it("undoes a whole sequence when the inverses are applied in reverse order", () => {
    fc.assert(
      fc.property(builtDocArb, opSeedsArb, (start, seeds) => {
        const { steps, end } = playSeeds(start, seeds);
        const undo: Op[] = steps.reverse().flatMap(({ before, op }) => inverseOf(before, op));
        const undone = applyOps(end, undo);
        expect(undone.ok && undone.doc).toEqual(start);
      }),
      RUNS,
    );
  });

  it("undoes every op on random maps dense with co-premises and undercuts, cascades included", () => {
    fc.assert(
      fc.property(mapDocArb(), opSeedsArb, (start, seeds) => {
        expect(findIntegrityProblem(start)).toBeNull();
        const { steps, end } = playSeeds(start, seeds);
        for (const { before, op, result } of steps) {
          if (!result.ok) continue;
          const undone = applyOps(result.doc, inverseOf(before, op));
          expect(undone.ok && undone.doc, JSON.stringify(op)).toEqual(before);
        }
        const all = applyOps(end, steps.reverse().flatMap(({ before, op }) => inverseOf(before, op)));
        expect(all.ok && all.doc).toEqual(start);
      }),
      RUNS,
    );
  });

  it("is empty for an op the doc rejects", () => {
    fc.assert(
      fc.property(builtDocArb, anyOpArb(), (doc, op) => {
        if (!applyOp(doc, op).ok) expect(inverseOf(doc, op)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe("applyOp", () => {
  it("never throws on any schema-valid op, and rejects only with a typed error", () => {
    fc.assert(
      fc.property(builtDocArb, fc.array(anyOpArb(), { maxLength: 10 }), (start, ops) => {
        let doc: MapDoc = start;
        for (const op of ops) {
          const result = applyOp(doc, op);
          if (result.ok) {
            doc = result.doc;
          } else {
            expect(ERROR_CODES).toContain(result.error.code);
            expect(result.error.message).toEqual(expect.any(String));
          }
        }
      }),
      RUNS,
    );
  });

  it("keeps the invariants after every op: links join two different existing nodes once, sources exist", () => {
    fc.assert(
      fc.property(builtDocArb, fc.array(anyOpArb(), { maxLength: 10 }), (start, ops) => {
        expect(findIntegrityProblem(start)).toBeNull();
        let doc = start;
        for (const op of ops) {
          const result = applyOp(doc, op);
          if (!result.ok) continue;
          doc = result.doc;
          expect(findIntegrityProblem(doc), JSON.stringify(op)).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it("gives the same result on a doc it has seen before (as a rebase does) as on a fresh copy", () => {
    // applyOp hands its cached counts and link index on to the doc it returns; they must never
    // be taken for true of a doc they no longer describe.
    fc.assert(
      fc.property(builtDocArb, fc.array(anyOpArb(), { minLength: 1, maxLength: 6 }), (start, ops) => {
        for (const op of ops) applyOp(start, op);
        for (const op of ops) expect(applyOp(start, op)).toEqual(applyOp(structuredClone(start), op));
        expect(applyOps(start, ops)).toEqual(applyOps(structuredClone(start), ops));
      }),
      RUNS,
    );
  });

  it("never changes the doc it is given", () => {
    fc.assert(
      fc.property(builtDocArb, anyOpArb(), (doc, op) => {
        const copy = structuredClone(doc);
        applyOp(doc, op);
        expect(doc).toEqual(copy);
      }),
      RUNS,
    );
  });
});
