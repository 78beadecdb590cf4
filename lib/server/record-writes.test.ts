/** What a group of ops does to one table's rows: each id written once, the way it ended. */
import { describe, expect, it } from "vitest";
import { emptyDiff, notePut, noteRemove, type RecordsDiff } from "../map/diff";
import { node } from "../map/testing/fixtures";
import type { ArgNode } from "../map/types";
import { rowChanges } from "./record-writes";

type Step = { revision: number; diff: RecordsDiff<ArgNode> };
const step = (revision: number, write: (diff: RecordsDiff<ArgNode>) => void): Step => {
  const diff = emptyDiff().nodes;
  write(diff);
  return { revision, diff };
};

describe("rowChanges", () => {
  it("inserts an added record once, with the revision that added it as seq, in its last version", () => {
    const changes = rowChanges([
      step(7, (d) => notePut(d, "n", undefined, node("n"))),
      step(8, (d) => notePut(d, "n", node("n"), node("n", { text: "edited" }))),
    ]);
    expect(changes).toEqual({ deletes: [], inserts: [{ record: node("n", { text: "edited" }), seq: 7 }], updates: [] });
  });

  it("writes nothing for a record added and deleted in the same group", () => {
    const changes = rowChanges([step(1, (d) => notePut(d, "n", undefined, node("n"))), step(2, (d) => noteRemove(d, "n", node("n")))]);
    expect(changes).toEqual({ deletes: [], inserts: [], updates: [] });
  });

  it("deletes and inserts again a record deleted and added back, so it sorts where the log puts it", () => {
    const changes = rowChanges([step(4, (d) => noteRemove(d, "n", node("n"))), step(5, (d) => notePut(d, "n", undefined, node("n", { x: 3 })))]);
    expect(changes).toEqual({ deletes: ["n"], inserts: [{ record: node("n", { x: 3 }), seq: 5 }], updates: [] });
  });

  it("updates only the fields that changed from before the group to its end", () => {
    const changes = rowChanges([
      step(1, (d) => notePut(d, "n", node("n"), node("n", { x: 1, text: "a" }))),
      step(2, (d) => notePut(d, "n", node("n", { x: 1, text: "a" }), node("n", { x: 0, text: "b" }))),
    ]);
    expect(changes.updates).toEqual([{ record: node("n", { text: "b" }), fields: ["text"] }]);
  });

  it("drops an update that ends where it started, and deletes a row updated and then deleted", () => {
    const changes = rowChanges([
      step(1, (d) => {
        notePut(d, "a", node("a"), node("a", { x: 1 }));
        notePut(d, "b", node("b"), node("b", { x: 1 }));
      }),
      step(2, (d) => {
        notePut(d, "a", node("a", { x: 1 }), node("a"));
        noteRemove(d, "b", node("b", { x: 1 }));
      }),
    ]);
    expect(changes).toEqual({ deletes: ["b"], inserts: [], updates: [] });
  });

  it("keeps ids named like Object.prototype members apart", () => {
    const changes = rowChanges([step(1, (d) => ["__proto__", "constructor"].forEach((id) => notePut(d, id, undefined, node(id))))]);
    expect(changes.inserts.map((insert) => insert.record.id)).toEqual(["__proto__", "constructor"]);
  });
});
