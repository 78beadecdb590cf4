/**
 * The tables are written from records diffs (record-writes.ts), never from the ops: whatever ops a
 * map gets, in whatever groups, on the fast path or the careful one, with retries mixed in, the
 * rows read back equal the op log replayed, record for record, in order, floats to the last bit.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyOp } from "../map/apply";
import type { ClientOp, Op } from "../map/ops";
import { opSeedsArb, playSeeds } from "../map/testing/opSequences";
import { docFromSnapshot, emptyDoc, type MapDoc } from "../map/types";
import { applyClientOps } from "./apply-ops";
import { db } from "./db";
import { forget } from "./doc-store";
import { createMapFromDoc, readSnapshot } from "./maps";
import { resolveToken } from "./links";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

async function replayLog(mapId: string): Promise<MapDoc> {
  const rows = await (await db()).op.findMany({ where: { mapId }, orderBy: { revision: "asc" } });
  let doc = emptyDoc();
  for (const row of rows) {
    const result = applyOp(doc, JSON.parse(row.payload) as Op);
    if (!result.ok) throw new Error(`the log does not replay at revision ${row.revision}: ${result.error.message}`);
    doc = result.doc;
  }
  return doc;
}

const startArb = opSeedsArb.map((seeds) => playSeeds(emptyDoc({ title: "Persisted" }), seeds).end);
const groupSizesArb = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 12 });

describe("diff-derived persistence", () => {
  it("leaves the tables equal to the log replayed, whatever the groups, paths and retries", async () => {
    await fc.assert(
      fc.asyncProperty(startArb, opSeedsArb, groupSizesArb, fc.array(fc.boolean(), { maxLength: 12 }), async (start, seeds, sizes, retries) => {
        const created = await createMapFromDoc(start, "http://test");
        const mapId = (await resolveToken(created.links.owner.split("/m/")[1]!))!.mapId;
        const { steps, end } = playSeeds(start, seeds);
        const ops: ClientOp[] = steps.map(({ op }, i) => ({ ...op, clientOpId: `o${i}` }));
        let sent = 0;
        const appliedOps: ClientOp[] = [];
        for (let group = 0; sent < ops.length; group++) {
          const size = sizes[group % sizes.length]!;
          // A retry of the ops before makes the fast path give up, so the careful path runs too. Only
          // applied ops are retried: a rejected op sent again is judged afresh on the map as it is
          // then (it may apply now), which is not the single run of the ops that `end` was played from.
          const retry = retries[group] ? appliedOps.slice(-2) : [];
          const fresh = ops.slice(sent, sent + size);
          const outcome = await applyClientOps({ mapId, clientId: "c", author: "Ada", ops: [...retry, ...fresh] });
          const appliedIds = new Set(outcome.applied.map((applied) => applied.clientOpId));
          appliedOps.push(...fresh.filter((op) => appliedIds.has(op.clientOpId)));
          sent += size;
        }
        const replayed = await replayLog(mapId);
        forget(mapId);
        const stored = (await readSnapshot(mapId))!;
        expect(stored.nodes).toEqual(Object.values(replayed.nodes));
        expect(stored.edges).toEqual(Object.values(replayed.edges));
        expect(stored.sources).toEqual(Object.values(replayed.sources));
        // A new map's own fields are its row's, not ops in its log: they are compared with the ops applied here.
        expect(docFromSnapshot(stored)).toEqual(end);
        const logged = await (await db()).op.count({ where: { mapId } });
        expect(stored.revision).toBe(logged);
      }),
      { numRuns: Number(process.env.PERSIST_RUNS ?? 40) },
    );
  }, 600_000);
});
