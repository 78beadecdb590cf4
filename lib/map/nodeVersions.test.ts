import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEach, applyOp } from "./apply";
import { nodeChangesOf, type NodeChange } from "./nodeVersions";
import { debate, deepFreeze } from "./testing/fixtures";
import { opSeedsArb, playSeeds } from "./testing/opSequences";
import type { Op } from "./ops";
import { entryOf } from "./records";
import type { MapDoc } from "./types";

/** The versions, worked out the slow, obvious way: compare every node of the whole map before and after each op. */
function groundTruth(start: MapDoc, entries: { revision: number; op: Op }[]): NodeChange[] {
  const changes: NodeChange[] = [];
  let doc = start;
  for (const { revision, op } of entries) {
    const result = applyOp(doc, op);
    if (!result.ok) continue;
    const after = result.doc;
    for (const nodeId of new Set([...Object.keys(doc.nodes), ...Object.keys(after.nodes)])) {
      const before = entryOf(doc.nodes, nodeId);
      const now = entryOf(after.nodes, nodeId);
      if (!before && now) changes.push({ nodeId, revision, change: "created", node: now, links: [] });
      else if (before && !now) {
        const gone = Object.values(doc.edges).filter((edge) => !entryOf(after.edges, edge.id));
        const own = new Set(gone.filter((edge) => edge.from === nodeId || edge.to === nodeId).map((edge) => edge.id));
        // Its links, and the undercuts aimed at them: Restore brings those back too.
        const links = gone.filter((edge) => own.has(edge.id) || own.has(edge.to));
        changes.push({ nodeId, revision, change: "deleted", node: before, links });
      } else if (before && now && (["kind", "text", "speaker", "sourceId", "quote", "quotePrefix", "quoteSuffix"] as const).some((f) => before[f] !== now[f])) {
        changes.push({ nodeId, revision, change: "changed", node: now, links: [] });
      }
    }
    doc = after;
  }
  return changes;
}

// Which links went with a node matters, not the order they are listed in.
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const order = (changes: NodeChange[]) =>
  [...changes].map((change) => ({ ...change, links: [...change.links].sort(byId) })).sort((a, b) => a.revision - b.revision || (a.nodeId < b.nodeId ? -1 : 1));

describe("node versions", () => {
  it("read off each logged op's records diff, as the server commits groups of ops, equal the whole map compared op by op", () => {
    fc.assert(
      fc.property(opSeedsArb, opSeedsArb, fc.array(fc.nat(6), { maxLength: 12 }), (first, second, cuts) => {
        const start = deepFreeze(debate());
        const ops = [...playSeeds(start, first).steps, ...playSeeds(start, second).steps].map((step) => step.op);
        let doc = start;
        let revision = 0;
        const logged: { revision: number; op: Op }[] = [];
        const fromDiffs: NodeChange[] = [];
        let at = 0;
        for (const cut of [...cuts, ops.length]) {
          const group = ops.slice(at, at + cut + 1);
          at += group.length;
          if (group.length === 0) continue;
          const each = applyEach(doc, group);
          for (const result of each.results) {
            if (!result.ok) continue;
            logged.push({ revision: ++revision, op: result.op });
            fromDiffs.push(...nodeChangesOf(revision, result.diff));
          }
          doc = each.doc;
        }
        expect(order(fromDiffs)).toEqual(order(groundTruth(start, logged)));
      }),
      { numRuns: 300 },
    );
  });

  it("a move makes no version; a later text change keeps the place the move gave", () => {
    const doc = debate();
    const id = Object.keys(doc.nodes)[0]!;
    const moved = applyOp(doc, { type: "moveNodes", moves: [{ id, x: 5, y: 6 }] });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(nodeChangesOf(1, moved.diff)).toEqual([]);
    const edited = applyOp(moved.doc, { type: "updateNode", id, patch: { text: "after the move" } });
    if (!edited.ok) throw new Error(edited.error.message);
    expect(nodeChangesOf(2, edited.diff)).toEqual([{ nodeId: id, revision: 2, change: "changed", node: { ...doc.nodes[id]!, text: "after the move", x: 5, y: 6 }, links: [] }]);
  });
});
