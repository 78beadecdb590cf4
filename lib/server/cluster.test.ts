/**
 * Another server process on the same database (simulated with a connection of its own, writing
 * what an instance writes and, on PostgreSQL, signalling as one does): what it commits reaches the
 * streams open here, in order and without gaps, and a link it revokes stops working here at once.
 * Runs on SQLite (a second process during a rolling restart, noticed by polling) and PostgreSQL
 * (LISTEN/NOTIFY).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Op } from "../map/ops";
import { emptyDoc } from "../map/types";
import { applyClientOps } from "./apply-ops";
import { joinCluster, leaveCluster } from "./cluster";
import { streamEvents } from "./events";
import { requireAccess, resolveToken } from "./links";
import { createMapFromDoc } from "./maps";
import { CHANNEL } from "./signals";
import { recordingSink } from "./testing/recording-sink";
import { useTempDatabase, type OtherConnection, type TempDatabase } from "./testing/temp-database";

let database: TempDatabase;
let other: OtherConnection;
beforeAll(async () => {
  database = await useTempDatabase();
  other = await database.otherConnection();
  joinCluster();
});
afterAll(async () => {
  await leaveCluster();
  await other.close();
  await database.dispose();
});

const claim = (id: string): Op => ({ type: "addNode", node: { id, kind: "claim", text: id, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } });

async function newMap() {
  const created = await createMapFromDoc(emptyDoc({ title: "Cluster" }), "http://test");
  const token = (url: string) => url.split("/m/")[1]!;
  const view = token(created.links.view);
  return { ...(await requireAccess(view)), view, edit: token(created.links.edit) };
}

/** What another instance does when it commits an op: the tables, the log, the map's revision, and (PostgreSQL) the signal. */
async function commitElsewhere(mapId: string, revision: number, op: Op & { type: "addNode" }, signal = true): Promise<void> {
  await other.run("BEGIN");
  await other.run(`insert into "Node" ("mapId", "id", "kind", "text", "x", "y", "seq", "updatedAt") values (?, ?, 'claim', ?, 0, 0, ?, CURRENT_TIMESTAMP)`, mapId, op.node.id, op.node.text, revision);
  await other.run(`insert into "Op" ("mapId", "revision", "clientId", "clientOpId", "type", "payload") values (?, ?, 'elsewhere', ?, 'addNode', ?)`, mapId, revision, `x${revision}`, JSON.stringify(op));
  await other.run(`update "Map" set "revision" = ? where "id" = ?`, revision, mapId);
  if (signal && database.provider === "postgresql") await other.run(`select pg_notify(?, ?)`, CHANNEL, JSON.stringify({ t: "op", m: mapId, r: revision, from: "elsewhere" }));
  await other.run("COMMIT");
}

const open = (mapId: string, linkId: string) => {
  const sink = recordingSink();
  streamEvents(mapId, linkId, 0, () => sink);
  return sink;
};

describe("several processes on one database", () => {
  it("ops committed by another process reach the streams open here, in order", async () => {
    const map = await newMap();
    const sink = open(map.mapId, map.linkId);
    await applyClientOps({ mapId: map.mapId, clientId: "here", author: "", ops: [{ ...claim("a"), clientOpId: "1" }] });
    await commitElsewhere(map.mapId, 2, claim("b") as Op & { type: "addNode" });
    await commitElsewhere(map.mapId, 3, claim("c") as Op & { type: "addNode" });
    await expect.poll(() => sink.opRevisions(), { timeout: 5_000 }).toEqual([1, 2, 3]);
    sink.leave();
  });

  it("an op committed here after ops another process committed unannounced is delivered after them, never before", async () => {
    const map = await newMap();
    const sink = open(map.mapId, map.linkId);
    await expect.poll(() => sink.frames().length >= 0 && sink.ended === false).toBe(true);
    await commitElsewhere(map.mapId, 1, claim("b") as Op & { type: "addNode" }, false);
    await commitElsewhere(map.mapId, 2, claim("c") as Op & { type: "addNode" }, false);
    const outcome = await applyClientOps({ mapId: map.mapId, clientId: "here", author: "", ops: [{ ...claim("d"), clientOpId: "1" }] });
    expect(outcome.applied).toEqual([{ clientOpId: "1", revision: 3 }]);
    await expect.poll(() => sink.opRevisions(), { timeout: 5_000 }).toEqual([1, 2, 3]);
    sink.leave();
  });

  it("a link revoked by another process stops working here and its open streams close", async () => {
    const map = await newMap();
    expect(await resolveToken(map.view)).toMatchObject({ role: "view" }); // remembered here
    const sink = open(map.mapId, map.linkId);
    await other.run("BEGIN");
    await other.run(`update "MapLink" set "revokedAt" = CURRENT_TIMESTAMP where "id" = ?`, map.linkId);
    if (database.provider === "postgresql") await other.run(`select pg_notify(?, ?)`, CHANNEL, JSON.stringify({ t: "revoked", m: map.mapId, l: [map.linkId], from: "elsewhere" }));
    await other.run("COMMIT");
    await expect.poll(() => sink.ended, { timeout: 5_000 }).toBe(true);
    expect(sink.frames().map((frame) => frame.event)).toContain("revoked");
    expect(await resolveToken(map.view)).toBeNull();
  });

  it("two processes writing one map at once never interleave revisions: each op is logged once, in one unbroken sequence", async () => {
    const map = await newMap();
    const lockMap = database.provider === "postgresql" ? `select "revision" from "Map" where "id" = ? for update` : `select "revision" from "Map" where "id" = ?`;
    const elsewhere = async (n: number) => {
      // As another instance's careful path: lock the map, read its revision, write the next one.
      await other.run(database.provider === "postgresql" ? "BEGIN" : "BEGIN IMMEDIATE");
      const [row] = await other.all<{ revision: number }>(lockMap, map.mapId);
      const revision = Number(row!.revision) + 1;
      await other.run(`insert into "Op" ("mapId", "revision", "clientId", "clientOpId", "type", "payload") values (?, ?, 'elsewhere', ?, 'addNode', ?)`, map.mapId, revision, `e${n}`, JSON.stringify(claim(`e${n}`)));
      await other.run(`insert into "Node" ("mapId", "id", "kind", "text", "x", "y", "seq", "updatedAt") values (?, ?, 'claim', 'e', 0, 0, ?, CURRENT_TIMESTAMP)`, map.mapId, `e${n}`, revision);
      await other.run(`update "Map" set "revision" = ? where "id" = ?`, revision, map.mapId);
      await other.run("COMMIT");
    };
    const here = Array.from({ length: 30 }, (_, n) => applyClientOps({ mapId: map.mapId, clientId: "here", author: "", ops: [{ ...claim(`h${n}`), clientOpId: `h${n}` }] }));
    for (let n = 0; n < 30; n++) await elsewhere(n);
    const outcomes = await Promise.all(here);
    expect(outcomes.flatMap((outcome) => outcome.rejected)).toEqual([]);
    const log = await other.all<{ revision: number; clientOpId: string }>(`select "revision", "clientOpId" from "Op" where "mapId" = ? order by "revision"`, map.mapId);
    expect(log.map((row) => Number(row.revision))).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(log.map((row) => row.clientOpId)).size).toBe(60);
    const acknowledged = outcomes.flatMap((outcome) => outcome.applied);
    for (const { clientOpId, revision } of acknowledged) expect(log[revision - 1]?.clientOpId).toBe(clientOpId);
  });
});
