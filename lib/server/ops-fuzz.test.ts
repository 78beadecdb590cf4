/**
 * Fuzzing the ops endpoint: whatever a client sends, no 500, a refused request changes nothing,
 * and the tables always equal the op log replayed (text with lone surrogates included: it would
 * be stored as something else than the log says, so it is refused).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import opsRoute from "../../pages/api/maps/[token]/ops";
import { applyOp } from "../map/apply";
import type { Op } from "../map/ops";
import { anyOpArb, textWithLoneSurrogates } from "../map/testing/anyOp";
import { emptyDoc, type MapDoc } from "../map/types";
import { db } from "./db";
import { forget } from "./doc-store";
import { resolveToken } from "./links";
import { createMapFromDoc, readSnapshot } from "./maps";
import { postJson } from "./testing/node-route";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
let token: string;
let mapId: string;
beforeAll(async () => {
  process.env.ARGUMAP_RATE_LIMITS = "off"; // the rate limits have their own tests
  database = await useTempDatabase();
  const created = await createMapFromDoc(emptyDoc({ title: "Fuzz" }), "http://test");
  token = created.links.edit.split("/m/")[1]!;
  mapId = (await resolveToken(token))!.mapId;
});
afterAll(async () => {
  delete process.env.ARGUMAP_RATE_LIMITS;
  await database.dispose();
});

const post = (body: string) => postJson(opsRoute, { token }, body);

/** Bodies from plain junk to nearly-valid batches of real and mangled ops. */
const bodyArb = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string(),
  fc
    .record({
      clientId: fc.oneof(fc.constant("fuzzer"), fc.string(), fc.integer()),
      ops: fc.array(
        fc.oneof(
          anyOpArb().map((op) => ({ ...op, clientOpId: `op${Math.random().toString(36).slice(2)}` })),
          anyOpArb({ text: textWithLoneSurrogates }).map((op) => ({ ...op, clientOpId: `op${Math.random().toString(36).slice(2)}` })),
          fc.jsonValue(),
          fc.record({ clientOpId: fc.string(), type: fc.constantFrom("addNode", "deleteNodes", "moveNodes", "bogus"), node: fc.jsonValue(), ids: fc.jsonValue(), moves: fc.jsonValue() }),
        ),
        { maxLength: 5 },
      ),
    })
    .map((value) => JSON.stringify(value)),
);

describe("ops endpoint fuzz", () => {
  it("never answers 500, and changes nothing when it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(bodyArb, async (body) => {
        const before = await readSnapshot(mapId);
        const response = await post(body);
        expect([200, 400, 413]).toContain(response.status);
        const answer = await response.json();
        if (response.status !== 200) {
          expect(answer).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
          expect(await readSnapshot(mapId)).toEqual(before);
        } else {
          expect((await readSnapshot(mapId))!.revision).toBe(before!.revision + answer.applied.filter((a: { revision: number }) => a.revision > before!.revision).length);
        }
      }),
      { numRuns: 300 },
    );
    // What the tables hold is what replaying the log gives: nothing was stored differently.
    const rows = await (await db()).op.findMany({ where: { mapId }, orderBy: { revision: "asc" } });
    let replayed: MapDoc = emptyDoc({ title: "Fuzz" });
    for (const row of rows) {
      const result = applyOp(replayed, JSON.parse(row.payload) as Op);
      expect(result.ok).toBe(true);
      if (result.ok) replayed = result.doc;
    }
    forget(mapId);
    const stored = (await readSnapshot(mapId))!;
    expect(stored.revision).toBe(rows.length);
    expect(stored.nodes).toEqual(Object.values(replayed.nodes));
    expect(stored.edges).toEqual(Object.values(replayed.edges));
    expect(stored.sources).toEqual(Object.values(replayed.sources));
    expect(stored.map.title).toBe(replayed.meta.title);
    expect(stored.map.description).toBe(replayed.meta.description);
  }, 120_000);

  it("refuses an op with a lone surrogate in any text with 400, naming the field", async () => {
    const before = await readSnapshot(mapId);
    const response = await post(JSON.stringify({ clientId: "fuzzer", ops: [{ clientOpId: "lone", type: "addNode", node: { id: "lone", kind: "claim", text: "half a smile \ud83d", x: 0, y: 0 } }] }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/node\.text: contains a lone surrogate/);
    expect(await readSnapshot(mapId)).toEqual(before);
    const author = await post(JSON.stringify({ clientId: "fuzzer", author: "\udc00", ops: [{ clientOpId: "fine", type: "updateMap", patch: { title: "Fine" } }] }));
    expect(author.status).toBe(400);
  });
});
