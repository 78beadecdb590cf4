/**
 * PostgreSQL only: what travels between instances besides ops and revocations (presence, with
 * payloads over NOTIFY's 8000 bytes; who leads a room), and an instance whose listening connection
 * is cut catching up.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Presence } from "../map/presence";
import { emptyDoc } from "../map/types";
import { joinCluster, leaveCluster } from "./cluster";
import { currentLeader, LEAD_TTL_MS, leadSnapshot, summonRoom } from "./leading";
import { streamEvents } from "./events";
import { requireAccess } from "./links";
import { createMapFromDoc } from "./maps";
import { openSession } from "./presentation-sessions";
import { currentPresence, PRESENCE_TTL_MS, receivePresence, updatePresence } from "./presence";
import { loadSession, recordVote, sessionCounts } from "./reactions";
import { CHANNEL, payloadsOf, signalsHealthy } from "./signals";
import { recordingSink } from "./testing/recording-sink";
import { lead, leadWhile, newRoomMap } from "./testing/room";
import { useTempDatabase, type OtherConnection, type TempDatabase } from "./testing/temp-database";

let database: TempDatabase;
let other: OtherConnection;
beforeAll(async () => {
  database = await useTempDatabase();
  other = await database.otherConnection();
  await other.run(`LISTEN "${CHANNEL}"`);
  joinCluster();
  while (!signalsHealthy()) await new Promise((resolve) => setTimeout(resolve, 20));
});
afterAll(async () => {
  await leaveCluster();
  await other.close();
  await database.dispose();
});

async function newMap() {
  const created = await createMapFromDoc(emptyDoc({ title: "Cluster" }), "http://test");
  return { ...(await requireAccess(created.links.view.split("/m/")[1]!)) };
}

const person = (clientId: string, dragging = 0): Presence => ({
  clientId,
  name: "Ada",
  colour: "#1d4ed8",
  selection: [],
  pointer: { x: 1, y: 2 },
  dragging: Array.from({ length: dragging }, (_, i) => ({ id: `node-with-a-long-id-${i}`, x: i * 1.25, y: 1 - i })),
  editing: null,
  presenting: { step: 3 },
  leaving: false,
});

const presenceFrames = (sink: ReturnType<typeof recordingSink>) => sink.frames().filter((frame) => frame.event === "presence").map((frame) => frame.data as { peers: Presence[] });

describe("between PostgreSQL instances", () => {
  it("people connected to another instance appear here, pointers and presenting step included, even past NOTIFY's 8000 bytes", async () => {
    const map = await newMap();
    const sink = recordingSink();
    streamEvents(map.mapId, map.linkId, 0, () => sink);
    const big = person("far-away", 400);
    const message = JSON.stringify({ t: "presence", m: map.mapId, b: { peers: [big], left: [] }, from: "another-instance" });
    const payloads = payloadsOf(message);
    expect(payloads.length).toBeGreaterThan(1);
    await other.run(`select ${payloads.map(() => "pg_notify(?, ?)").join(", ")}`, ...payloads.flatMap((payload) => [CHANNEL, payload]));
    await expect.poll(() => presenceFrames(sink).flatMap((batch) => batch.peers).at(-1), { timeout: 5_000 }).toEqual(big);
    sink.leave();
  });

  it("people connected here are sent to the other instances, coalesced", async () => {
    const map = await newMap();
    const received: string[] = [];
    const raw = await database.otherConnection();
    // The test's connection listens like another instance would.
    await raw.run(`LISTEN "${CHANNEL}"`);
    raw.onNotification!((payload) => received.push(payload));
    const sender = { linkId: map.linkId, role: map.role };
    for (let i = 0; i < 20; i++) updatePresence(map.mapId, { ...person("near", 0), key: "tab-key-of-near-0001", pointer: { x: i, y: i } }, sender);
    await expect.poll(() => received.map((payload) => JSON.parse(payload)).filter((signal) => signal.t === "presence" && signal.m === map.mapId).at(-1)?.b.peers[0]?.pointer, { timeout: 5_000 }).toEqual({ x: 19, y: 19 });
    // Twenty heartbeats in one tick travel as far fewer signals.
    expect(received.filter((payload) => payload.includes(map.mapId)).length).toBeLessThan(5);
    await raw.close();
  });

  it("someone on another instance who only heartbeats stays here, and is gone here once that instance stops naming them", () => {
    const mapId = "map-alive-elsewhere";
    const far = person("far-heartbeating", 0);
    const t0 = Date.now();
    receivePresence(mapId, { peers: [far], left: [] }, [], t0);
    // Heartbeats that changed nothing arrive as names only, each keeping them for another PRESENCE_TTL_MS.
    for (let at = 1_000; at <= 10_000; at += 1_000) receivePresence(mapId, { peers: [], left: [] }, ["far-heartbeating"], t0 + at);
    expect(currentPresence(mapId, t0 + 10_000 + PRESENCE_TTL_MS - 1).peers.map((peer) => peer.clientId)).toEqual(["far-heartbeating"]);
    expect(currentPresence(mapId, t0 + 10_000 + PRESENCE_TTL_MS).peers).toEqual([]);
  });

  it("people here who only heartbeat are named to the other instances, so they stay on screens there", async () => {
    const map = await newMap();
    const received: { t: string; m: string; a?: string[] }[] = [];
    const raw = await database.otherConnection();
    await raw.run(`LISTEN "${CHANNEL}"`);
    raw.onNotification!((payload) => received.push(JSON.parse(payload)));
    const sender = { linkId: map.linkId, role: map.role };
    const heartbeat = { ...person("still", 0), key: "tab-key-of-still-001" };
    updatePresence(map.mapId, heartbeat, sender);
    await expect.poll(() => received.some((signal) => signal.t === "presence" && signal.m === map.mapId), { timeout: 5_000 }).toBe(true);
    // The same presence again: nothing to show anyone, but the other instances must hear they are still here.
    updatePresence(map.mapId, heartbeat, sender);
    await expect.poll(() => received.filter((signal) => signal.m === map.mapId).flatMap((signal) => signal.a ?? []), { timeout: 5_000 }).toEqual(["still"]);
    await raw.close();
  });

  it("who leads, announced by another instance, reaches the streams here, and lapses here too when its heartbeats stop", async () => {
    const map = await newRoomMap();
    const access = await requireAccess(map.view);
    const sink = recordingSink();
    streamEvents(map.mapId, access.linkId, 0, () => sink, null, "view");
    // The other instance opened the session in the shared database, as its lead route does.
    const session = await openSession(map.mapId, "Ms Rivera");
    const leader = { clientId: "stage-far", name: "Ms Rivera", colour: "#0369a1", role: "owner" as const, step: 2, count: 5, sessionId: session.id, linkId: "link-far" };
    const announced = { leader: { ...leader, linkId: undefined }, settings: { editorsMayLead: false }, change: "started", previous: null };
    const signal = { t: "lead", m: map.mapId, h: leader, s: { editorsMayLead: false }, e: announced, from: "another-instance" };
    await other.run(`select pg_notify(?, ?)`, CHANNEL, JSON.stringify(signal));
    const leads = () => sink.frames().filter((frame) => frame.event === "lead").map((frame) => frame.data as { leader: { clientId: string; step: number } | null; change: string });
    await expect.poll(() => leads().find((state) => state.change === "started")?.leader?.step, { timeout: 5_000 }).toBe(2);
    expect(currentLeader(map.mapId)?.clientId).toBe("stage-far");
    // No heartbeat from the other instance within the lead's lifetime: nobody leads here either.
    expect(leadSnapshot(map.mapId, Date.now() + LEAD_TTL_MS + 1).leader).toBeNull();
    sink.leave();
  });

  it("a lead taken here, and its heartbeats, are sent to the other instances with the link it leads from", async () => {
    const map = await newRoomMap();
    const received: { t: string; m: string; h: { clientId: string; linkId: string } | null; e: { change: string } | null }[] = [];
    const raw = await database.otherConnection();
    await raw.run(`LISTEN "${CHANNEL}"`);
    raw.onNotification!((payload) => received.push(JSON.parse(payload)));
    expect((await lead(map.owner, { clientId: "stage-here", step: 0 })).status).toBe(200);
    expect((await lead(map.owner, { clientId: "stage-here", step: 0, take: false })).status).toBe(200);
    const mine = () => received.filter((signal) => signal.t === "lead" && signal.m === map.mapId);
    await expect.poll(() => mine().map((signal) => signal.e?.change ?? "heartbeat"), { timeout: 5_000 }).toEqual(["started", "heartbeat"]);
    expect(mine()[0]!.h).toMatchObject({ clientId: "stage-here", linkId: (await requireAccess(map.owner)).linkId });
    await raw.close();
  });

  it("a summons made on another instance brings the followers connected here", async () => {
    const map = await newRoomMap();
    const access = await requireAccess(map.view);
    const sink = recordingSink();
    streamEvents(map.mapId, access.linkId, 0, () => sink, null, "view");
    const summon = { id: 7, by: { clientId: "editor-far", name: "Ms Rivera" }, step: null, view: { x: 10, y: 20, width: 800, height: 600 } };
    await other.run(`select pg_notify(?, ?)`, CHANNEL, JSON.stringify({ t: "summon", m: map.mapId, e: summon, from: "another-instance" }));
    await expect.poll(() => sink.frames().filter((frame) => frame.event === "summon").map((frame) => frame.data), { timeout: 5_000 }).toEqual([summon]);
    // The next summons made here is numbered after it, so followers never take it for one they have seen.
    expect(summonRoom(map.mapId, await requireAccess(map.owner), { clientId: "editor-here", name: "Ada", view: null }).id).toBe(8);
    sink.leave();
  });

  it("a summons made here is sent to the other instances", async () => {
    const map = await newRoomMap();
    const received: { t: string; m: string; e: { id: number; by: { name: string }; view: unknown } }[] = [];
    const raw = await database.otherConnection();
    await raw.run(`LISTEN "${CHANNEL}"`);
    raw.onNotification!((payload) => received.push(JSON.parse(payload)));
    const view = { x: 0, y: 0, width: 640, height: 480 };
    const summon = summonRoom(map.mapId, await requireAccess(map.owner), { clientId: "editor-here", name: "Ada", view });
    await expect.poll(() => received.filter((signal) => signal.t === "summon" && signal.m === map.mapId).map((signal) => signal.e), { timeout: 5_000 }).toEqual([summon]);
    expect(summon).toMatchObject({ by: { name: "Ada" }, view });
    await raw.close();
  });

  it("votes saved by another instance reach the presenter's tally here, beside the votes made here", async () => {
    const map = await newRoomMap();
    const owner = await requireAccess(map.owner);
    const stopLeading = await leadWhile(map.owner, { clientId: "stage-tally", step: 0, nodeIds: ["claim"] });
    const sessionId = currentLeader(map.mapId)!.sessionId;
    const presenter = recordingSink();
    streamEvents(map.mapId, owner.linkId, 0, () => presenter, null, "owner");
    await recordVote(currentLeader(map.mapId), { voterId: "voter-here-0001", step: 0, vote: "agree" }, "10.0.0.1");
    // Two phones reached the other instance, which saved their votes and said so.
    for (const voter of ["voter-far-00001", "voter-far-00002"]) {
      await other.run(`insert into "Reaction" ("sessionId", "step", "voterId", "vote", "updatedAt") values (?, 0, ?, 'disagree', now())`, sessionId, voter);
    }
    await other.run(`select pg_notify(?, ?)`, CHANNEL, JSON.stringify({ t: "reactions", m: map.mapId, s: sessionId, from: "another-instance" }));
    const lastCount = () => presenter.frames().filter((frame) => frame.event === "tally").map((frame) => (frame.data as { steps: Record<number, unknown> }).steps[0]).filter(Boolean).at(-1);
    await expect.poll(lastCount, { timeout: 5_000 }).toEqual({ agree: 1, disagree: 2, unsure: 0 });
    // The base scores and exports read the same whole-room counts.
    expect((await sessionCounts(sessionId)).tallies.get(0)).toEqual({ agree: 1, disagree: 2, unsure: 0 });
    stopLeading();
    presenter.leave();
  });

  it("a step a presenter on another instance has just shown takes votes here at once, and votes here are announced", async () => {
    const map = await newRoomMap();
    const session = await openSession(map.mapId, "Ms Rivera");
    const leader = { clientId: "stage-far-2", name: "Ms Rivera", colour: "#0369a1", role: "owner" as const, step: 0, count: 5, sessionId: session.id, linkId: "link-far" };
    await other.run(`update "PresentationSession" set "steps" = ? where "id" = ?`, JSON.stringify({ 0: ["claim"] }), session.id);
    await other.run(`select pg_notify(?, ?)`, CHANNEL, JSON.stringify({ t: "lead", m: map.mapId, h: leader, s: { editorsMayLead: false }, e: null, from: "another-instance" }));
    await expect.poll(() => currentLeader(map.mapId)?.clientId, { timeout: 5_000 }).toBe("stage-far-2");
    await loadSession(session.id);
    const received: { t: string; s?: string }[] = [];
    const raw = await database.otherConnection();
    await raw.run(`LISTEN "${CHANNEL}"`);
    raw.onNotification!((payload) => received.push(JSON.parse(payload)));
    // The presenter there moves on to step 1 (saved before it is announced); no signal has arrived here yet.
    await other.run(`update "PresentationSession" set "steps" = ? where "id" = ?`, JSON.stringify({ 0: ["claim"], 1: ["claim", "reason"] }), session.id);
    await recordVote(currentLeader(map.mapId), { voterId: "voter-here-0002", step: 1, vote: "unsure" }, "10.0.0.2");
    expect((await sessionCounts(session.id)).tallies.get(1)).toEqual({ agree: 0, disagree: 0, unsure: 1 });
    await expect.poll(() => received.some((signal) => signal.t === "reactions" && signal.s === session.id), { timeout: 5_000 }).toBe(true);
    await raw.close();
  });

  it("an instance whose listening connection is cut reconnects and catches up on what it missed", async () => {
    const map = await newMap();
    const sink = recordingSink();
    streamEvents(map.mapId, map.linkId, 0, () => sink);
    await other.run(`select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN%' and pid <> pg_backend_pid() and datname = current_database()`);
    // While it is away, another instance commits (its signal is lost).
    await other.run("BEGIN");
    await other.run(`insert into "Op" ("mapId", "revision", "clientId", "clientOpId", "type", "payload") values (?, 1, 'elsewhere', 'x1', 'addNode', ?)`, map.mapId, JSON.stringify({ type: "addNode", node: { id: "b", kind: "claim", text: "b", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } }));
    await other.run(`update "Map" set "revision" = 1 where "id" = ?`, map.mapId);
    await other.run("COMMIT");
    await expect.poll(() => sink.opRevisions(), { timeout: 10_000 }).toEqual([1]);
    await expect.poll(signalsHealthy, { timeout: 10_000 }).toBe(true);
    sink.leave();
  });
});
