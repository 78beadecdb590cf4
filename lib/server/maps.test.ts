import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyOp } from "../map/apply";
import type { Op } from "../map/ops";
import { emptyDoc, type MapDoc } from "../map/types";
import { applyClientOps } from "./apply-ops";
import { db } from "./db";
import { forget } from "./doc-store";
import { resolveToken, rotateLink } from "./links";
import { copyMap, createMapFromDoc, readSnapshot } from "./maps";
import { useTempDatabase, type TempDatabase } from "./testing/temp-database";

const ORIGIN = "http://argumap.test";
let database: TempDatabase;

beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

const tokenOf = (url: string) => url.split("/m/")[1]!;

async function newMap(title = "Test map") {
  const created = await createMapFromDoc(emptyDoc({ title }), ORIGIN);
  return { ...created, owner: tokenOf(created.links.owner), edit: tokenOf(created.links.edit), view: tokenOf(created.links.view) };
}

const claim = (id: string, text = `claim ${id}`): Op => ({ type: "addNode", node: { id, kind: "claim", text, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } });
const submit = (mapId: string, ops: (Op & { clientOpId?: string })[], clientId = "client-a") =>
  applyClientOps({ mapId, clientId, author: "Ada", ops: ops.map((op, i) => ({ ...op, clientOpId: op.clientOpId ?? `op-${Math.random().toString(36).slice(2)}-${i}` })) });

describe("links", () => {
  it("a new map has three different links that open it with their roles", async () => {
    const map = await newMap();
    expect(new Set([map.owner, map.edit, map.view]).size).toBe(3);
    expect(map.links.owner).toBe(`${ORIGIN}/m/${map.owner}`);
    expect(await resolveToken(map.owner)).toMatchObject({ mapId: map.id, role: "owner" });
    expect(await resolveToken(map.edit)).toMatchObject({ mapId: map.id, role: "edit" });
    expect(await resolveToken(map.view)).toMatchObject({ mapId: map.id, role: "view" });
  });

  it("unknown and malformed tokens open nothing", async () => {
    const map = await newMap();
    expect(await resolveToken(map.owner.slice(0, -1) + (map.owner.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await resolveToken("not a token")).toBeNull();
    expect(await resolveToken(map.id)).toBeNull();
  });

  it("a rotated link stops working at once, even right after it was used", async () => {
    const map = await newMap();
    expect(await resolveToken(map.edit)).toMatchObject({ role: "edit" }); // resolved once, so remembered
    const links = await rotateLink(map.id, "edit");
    expect(await resolveToken(map.edit)).toBeNull();
    expect(await resolveToken(links.edit!)).toMatchObject({ mapId: map.id, role: "edit" });
    expect(await resolveToken(map.view)).toMatchObject({ role: "view" });
  });

  it("the database holds no working token, only hashes", async () => {
    const map = await newMap();
    const raw = await database.otherConnection();
    const dump = JSON.stringify(await raw.all(`select * from "MapLink"`));
    await raw.close();
    for (const token of [map.owner, map.edit, map.view]) expect(dump).not.toContain(token);
  });
});

describe("applying ops", () => {
  it("applies a batch in order, logs each op at the next revision and persists it", async () => {
    const map = await newMap();
    const outcome = await submit(map.id, [claim("a"), claim("b"), { type: "addEdge", edge: { id: "e1", from: "b", to: "a", relation: "rebuts" } }]);
    expect(outcome.rejected).toEqual([]);
    expect(outcome.applied.map((a) => a.revision)).toEqual([1, 2, 3]);
    expect(outcome.revision).toBe(3);
    forget(map.id); // read the tables, not the cache
    const snapshot = await readSnapshot(map.id);
    expect(snapshot?.nodes.map((n) => n.id)).toEqual(["a", "b"]);
    expect(snapshot?.edges).toEqual([{ id: "e1", from: "b", to: "a", relation: "rebuts" }]);
    expect(snapshot?.revision).toBe(3);
  });

  it("a retried op (same clientId and clientOpId) is applied once", async () => {
    const map = await newMap();
    const batch = [{ ...claim("a"), clientOpId: "x1" }, { ...claim("b"), clientOpId: "x2" }];
    const first = await submit(map.id, batch);
    const second = await submit(map.id, batch);
    expect(second.applied).toEqual(first.applied);
    expect(second.revision).toBe(2);
    expect((await readSnapshot(map.id))?.nodes).toHaveLength(2);
  });

  it("a retried op that would apply again cleanly (a move, an edit) is still applied once", async () => {
    const map = await newMap();
    await submit(map.id, [claim("a")]);
    const batch = [
      { type: "moveNodes" as const, moves: [{ id: "a", x: 40, y: 50 }], clientOpId: "m1" },
      { type: "updateNode" as const, id: "a", patch: { text: "edited" }, clientOpId: "u1" },
    ];
    const first = await submit(map.id, batch);
    const second = await submit(map.id, batch); // the cache is warm: the fast path meets the log's unique index
    expect(second.applied).toEqual(first.applied);
    expect(second.revision).toBe(3);
    forget(map.id);
    const snapshot = await readSnapshot(map.id);
    expect(snapshot?.revision).toBe(3);
    expect(snapshot?.nodes).toEqual([expect.objectContaining({ id: "a", x: 40, y: 50, text: "edited" })]);
  });

  it("writes groups bigger than one statement holds in full: 1,200 nodes and links added, moved and edited", async () => {
    const map = await newMap();
    const ids = Array.from({ length: 1_200 }, (_, i) => `n${i}`);
    const links: Op[] = ids.slice(1).map((id, i) => ({ type: "addEdge", edge: { id: `e${i}`, from: id, to: "n0", relation: i % 2 ? "rebuts" : "supports" } }));
    await submit(map.id, ids.map((id) => claim(id)).slice(0, 500));
    await submit(map.id, [...ids.map((id) => claim(id)).slice(500), ...links.slice(0, 499)]);
    await submit(map.id, links.slice(499));
    await submit(map.id, [{ type: "moveNodes", moves: ids.map((id, i) => ({ id, x: i, y: -i / 2 })) }, { type: "updateNode", id: "n7", patch: { text: "seven", speaker: "Fu Liang", quote: "" } }]);
    forget(map.id);
    const snapshot = await readSnapshot(map.id);
    expect(snapshot?.nodes).toHaveLength(1_200);
    expect(snapshot?.edges).toHaveLength(1_199);
    expect(snapshot?.nodes.every((node) => node.x === Number(node.id.slice(1)) && node.y === -node.x / 2)).toBe(true);
    expect(snapshot?.nodes.find((node) => node.id === "n7")).toMatchObject({ text: "seven", speaker: "Fu Liang" });
  });

  it("keeps every digit of a coordinate, whatever other ops share its commit", async () => {
    const map = await newMap();
    const y = -2.3771952057473895e-86;
    await submit(map.id, [claim("a")]);
    await submit(map.id, [
      { type: "addSource", source: { id: "s1", title: "Global Times", publisher: "", author: "", date: "", url: "", text: "" } },
      { type: "addNode", node: { id: "b", kind: "support", text: "b", speaker: "", sourceId: "s1", quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0.1 + 0.2, y } },
      { type: "deleteNodes", ids: ["a"] },
      { type: "moveNodes", moves: [{ id: "b", x: 1 / 3, y }] },
      { type: "updateMap", patch: { title: "Renamed" } },
    ]);
    forget(map.id);
    const snapshot = await readSnapshot(map.id);
    expect(snapshot?.nodes).toEqual([expect.objectContaining({ id: "b", x: 1 / 3, y })]);
    expect(snapshot?.map.title).toBe("Renamed");
  });

  it("an op on a deleted node is rejected with the reason, and the rest of the batch still applies", async () => {
    const map = await newMap();
    await submit(map.id, [claim("a")]);
    const outcome = await submit(map.id, [
      { type: "deleteNodes", ids: ["a"], clientOpId: "del" },
      { type: "updateNode", id: "a", patch: { text: "too late" }, clientOpId: "late" },
      { ...claim("c"), clientOpId: "c" },
    ]);
    expect(outcome.applied.map((a) => a.clientOpId)).toEqual(["del", "c"]);
    expect(outcome.rejected).toEqual([{ clientOpId: "late", error: expect.objectContaining({ code: "not_found" }) }]);
    forget(map.id);
    expect((await readSnapshot(map.id))?.nodes.map((n) => n.id)).toEqual(["c"]);
  });

  it("ids named like Object.prototype members are data, not inherited properties (pinned from a convergence failure)", async () => {
    const map = await newMap();
    await submit(map.id, [claim("a")]);
    const outcome = await submit(map.id, [{ type: "moveNodes", moves: [{ id: "a", x: 5, y: 5 }, { id: "constructor", x: 1, y: 1 }] }, { type: "deleteNodes", ids: ["toString", "a"] }]);
    expect(outcome.rejected).toEqual([]);
    forget(map.id);
    expect((await readSnapshot(map.id))?.nodes).toEqual([]);
  });

  it("sees what another server process wrote behind this one's cache, and retries are still applied once", async () => {
    const map = await newMap();
    await submit(map.id, [{ ...claim("a"), clientOpId: "first" }]);
    // Another process (simulated with a raw connection) adds node b at revision 2.
    const other = await database.otherConnection();
    await other.run(`insert into "Node" ("mapId", "id", "kind", "text", "x", "y", "updatedAt") values (?, 'b', 'claim', 'from elsewhere', 0, 0, CURRENT_TIMESTAMP)`, map.id);
    await other.run(`insert into "Op" ("mapId", "revision", "clientId", "clientOpId", "type", "payload") values (?, 2, 'other', 'x', 'addNode', '{}')`, map.id);
    await other.run(`update "Map" set "revision" = 2 where "id" = ?`, map.id);
    await other.close();
    const outcome = await submit(map.id, [{ type: "updateNode", id: "b", patch: { text: "edited here" }, clientOpId: "second" }]);
    expect(outcome.rejected).toEqual([]);
    expect(outcome.applied).toEqual([{ clientOpId: "second", revision: 3 }]);
    const retried = await submit(map.id, [{ ...claim("a"), clientOpId: "first" }]);
    expect(retried.applied).toEqual([{ clientOpId: "first", revision: 1 }]);
    forget(map.id);
    const snapshot = await readSnapshot(map.id);
    expect(snapshot?.revision).toBe(3);
    expect(snapshot?.nodes.find((n) => n.id === "b")?.text).toBe("edited here");
  });

  it("deleting a node deletes its links in the tables too", async () => {
    const map = await newMap();
    await submit(map.id, [claim("a"), claim("b"), claim("c"), { type: "addEdge", edge: { id: "e1", from: "b", to: "a", relation: "supports" } }, { type: "addEdge", edge: { id: "e2", from: "c", to: "b", relation: "rebuts" } }]);
    await submit(map.id, [{ type: "deleteNodes", ids: ["b"] }]);
    forget(map.id);
    const snapshot = await readSnapshot(map.id);
    expect(snapshot?.edges).toEqual([]);
    expect(snapshot?.nodes.map((n) => n.id)).toEqual(["a", "c"]);
  });

  it("the tables always equal the op log replayed from an empty map", async () => {
    const map = await newMap();
    await submit(map.id, [
      claim("a"),
      claim("b"),
      { type: "addSource", source: { id: "s", title: "An article", publisher: "", author: "", date: "", url: "", text: "words" } },
      { type: "updateNode", id: "b", patch: { kind: "rebuttal", sourceId: "s", quote: "words" } },
      { type: "addEdge", edge: { id: "e", from: "b", to: "a", relation: "rebuts" } },
      { type: "moveNodes", moves: [{ id: "a", x: 10, y: -20 }] },
      { type: "deleteSource", id: "s" },
      { type: "updateMap", patch: { title: "Renamed" } },
    ]);
    const rows = await (await db()).op.findMany({ where: { mapId: map.id }, orderBy: { revision: "asc" } });
    let replayed: MapDoc = emptyDoc({ title: "Test map" });
    for (const row of rows) {
      const result = applyOp(replayed, JSON.parse(row.payload) as Op);
      expect(result.ok).toBe(true);
      if (result.ok) replayed = result.doc;
    }
    forget(map.id);
    const snapshot = await readSnapshot(map.id);
    expect(snapshot?.map.title).toBe("Renamed");
    expect(snapshot?.nodes).toEqual(Object.values(replayed.nodes));
    expect(snapshot?.edges).toEqual(Object.values(replayed.edges));
    expect(snapshot?.sources).toEqual(Object.values(replayed.sources));
  });
});

describe("copying", () => {
  it("a copy is a new map with the same content that changes independently", async () => {
    const map = await newMap("Class map");
    await submit(map.id, [claim("a", "the original")]);
    const copy = await copyMap((await resolveToken(map.view))!, ORIGIN);
    const copyAccess = await resolveToken(tokenOf(copy.links.owner));
    expect(copyAccess?.role).toBe("owner");
    await submit(copyAccess!.mapId, [{ type: "updateNode", id: "a", patch: { text: "the student's version" } }]);
    expect((await readSnapshot(map.id))?.nodes[0]?.text).toBe("the original");
    const copied = await readSnapshot(copyAccess!.mapId);
    expect(copied?.nodes[0]?.text).toBe("the student's version");
    expect(copied?.map.title).toBe("Copy of Class map");
  });
});
