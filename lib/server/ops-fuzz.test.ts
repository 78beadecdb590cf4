/** Fuzzing the ops endpoint: whatever a client sends, no 500, and a refused request changes nothing. */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import opsRoute from "../../pages/api/maps/[token]/ops";
import { anyOpArb } from "../map/testing/anyOp";
import { emptyDoc } from "../map/types";
import { resolveToken } from "./links";
import { createMapFromDoc, readSnapshot } from "./maps";
import { postJson } from "./testing/node-route";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
let token: string;
let mapId: string;
beforeAll(async () => {
  process.env.ARGUMAP_WRITES_PER_SECOND = "1000000"; // the rate limit has its own test
  database = await useTempDatabase();
  const created = await createMapFromDoc(emptyDoc({ title: "Fuzz" }), "http://test");
  token = created.links.edit.split("/m/")[1]!;
  mapId = (await resolveToken(token))!.mapId;
});
afterAll(async () => {
  delete process.env.ARGUMAP_WRITES_PER_SECOND;
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
  }, 120_000);
});
