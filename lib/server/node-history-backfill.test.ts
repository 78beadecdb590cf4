/** A map logged before node history existed gets the very versions its ops would have written. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientOp, Op } from "../map/ops";
import { emptyDoc } from "../map/types";
import { applyClientOps } from "./apply-ops";
import { db } from "./db";
import { resolveToken } from "./links";
import { createMapFromDoc } from "./maps";
import { backfillNodeHistory } from "./node-history-backfill";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

const versionsOf = async (mapId: string) =>
  (await (await db()).nodeVersion.findMany({ where: { mapId }, orderBy: [{ revision: "asc" }, { nodeId: "asc" }] })).map(({ nodeId, revision, change, node, links }) => ({ nodeId, revision, change, node, links }));

describe("node history backfill", () => {
  it("replays the log of a listed map into the versions live ops would have written, then unlists it", async () => {
    const doc = emptyDoc({ title: "Old" });
    doc.nodes.a = { id: "a", kind: "claim", text: "A", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 };
    const created = await createMapFromDoc(doc, "http://test");
    const mapId = (await resolveToken(created.links.owner.split("/m/")[1]!))!.mapId;
    let n = 0;
    const op = (body: Op): ClientOp => ({ ...body, clientOpId: `o${++n}` });
    await applyClientOps({
      mapId,
      clientId: "c",
      author: "Ada",
      ops: [
        op({ type: "addNode", node: { id: "b", kind: "support", text: "B", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 5, y: 5 } }),
        op({ type: "addEdge", edge: { id: "e", from: "b", to: "a", relation: "supports" } }),
        op({ type: "updateNode", id: "a", patch: { text: "A, again" } }),
        op({ type: "moveNodes", moves: [{ id: "b", x: 9, y: 9 }] }),
        op({ type: "deleteNodes", ids: ["b"] }),
      ],
    });
    const live = await versionsOf(mapId);
    expect(live.map((v) => `${v.nodeId} ${v.change}`)).toEqual(["a created", "b created", "a changed", "b deleted"]);

    // As if written before versions existed: none kept, and the map listed for the backfill.
    const client = await db();
    await client.nodeVersion.deleteMany({ where: { mapId } });
    await client.nodeHistoryBackfill.create({ data: { mapId } });
    expect(await backfillNodeHistory()).toBe(1);
    expect(await versionsOf(mapId)).toEqual(live);
    expect(await client.nodeHistoryBackfill.count()).toBe(0);
    expect(await backfillNodeHistory()).toBe(0);
  });
});
