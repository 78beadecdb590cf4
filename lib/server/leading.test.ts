/**
 * Who leads the room, enforced by the server: a link without the right is refused and nothing is
 * broadcast; one leader per map; the owner takes the lead back and can stop anyone; the owner's
 * setting (never an editor's) lets editors lead. Through the real routes on a real SQLite file.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import presenceRoute from "../../pages/api/maps/[token]/presence";
import summonRoute from "../../pages/api/maps/[token]/summon";
import type { PresenceBatch } from "../map/presence";
import type { Summon } from "../map/room/lead";
import { broadcaster } from "./broadcaster";
import { currentLeader, LEAD_TTL_MS, resetLeading } from "./leading";
import { postJson } from "./testing/node-route";
import { lead, leadEvents, leadWhile, newRoomMap, roomEvents, setEditorsMayLead, stopLeading } from "./testing/room";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => resetLeading());

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe("who may lead", () => {
  it("a view link is refused (403) and nobody hears of it", async () => {
    const map = await newRoomMap();
    const events = roomEvents(map.mapId);
    const response = await lead(map.view);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("forbidden");
    expect(events).toEqual([]);
    expect(currentLeader(map.mapId)).toBeNull();
  });

  it("by default an editor is refused, is told they present privately, and nothing is broadcast", async () => {
    const map = await newRoomMap();
    const events = roomEvents(map.mapId);
    const response = await lead(map.edit, { name: "Student" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/stays on your screen/);
    expect(events).toEqual([]);
  });

  it("the owner leads, and every stream hears who leads and at which step", async () => {
    const map = await newRoomMap();
    const events = roomEvents(map.mapId);
    expect((await lead(map.owner, { clientId: "teacher", name: "Ms Rivera", step: 0 })).status).toBe(200);
    expect((await lead(map.owner, { clientId: "teacher", name: "Ms Rivera", step: 2, take: false })).status).toBe(200);
    expect(leadEvents(events).map((state) => [state.change, state.leader?.name, state.leader?.step])).toEqual([
      ["started", "Ms Rivera", 0],
      ["step", "Ms Rivera", 2],
    ]);
    expect(events.every((event) => event.audience === "everyone")).toBe(true);
  });

  it("an editor may not turn the setting on (403); the owner can, and then an editor leads", async () => {
    const map = await newRoomMap();
    expect((await setEditorsMayLead(map.edit, true)).status).toBe(403);
    expect((await setEditorsMayLead(map.view, true)).status).toBe(403);
    expect((await lead(map.edit)).status).toBe(403);
    const events = roomEvents(map.mapId);
    expect((await setEditorsMayLead(map.owner, true)).status).toBe(200);
    expect(leadEvents(events).at(-1)).toMatchObject({ change: "settings", settings: { editorsMayLead: true } });
    expect((await lead(map.edit, { clientId: "student", name: "Sam" })).status).toBe(200);
    expect(currentLeader(map.mapId)).toMatchObject({ clientId: "student", role: "edit" });
  });

  it("the setting is a property of the map: it outlives the server's memory", async () => {
    const map = await newRoomMap();
    await setEditorsMayLead(map.owner, true);
    resetLeading();
    expect((await lead(map.edit)).status).toBe(200);
  });
});

describe("one leader at a time", () => {
  it("a second editor presses Present while one leads: 409, and the first keeps the room", async () => {
    const map = await newRoomMap();
    await setEditorsMayLead(map.owner, true);
    await lead(map.edit, { clientId: "first", name: "First" });
    const response = await lead(map.edit, { clientId: "second", name: "Second" });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("First is presenting to everyone, so your presentation stays on your screen.");
    expect(currentLeader(map.mapId)?.clientId).toBe("first");
  });

  it("the owner takes the lead back at once; the editor's stage is then refused and presents privately", async () => {
    const map = await newRoomMap();
    await setEditorsMayLead(map.owner, true);
    await lead(map.edit, { clientId: "student", name: "Sam" });
    const events = roomEvents(map.mapId);
    expect((await lead(map.owner, { clientId: "teacher", name: "Ms Rivera" })).status).toBe(200);
    expect(leadEvents(events).at(-1)).toMatchObject({ change: "taken-over", leader: { clientId: "teacher" }, previous: { name: "Sam" } });
    expect((await lead(map.edit, { clientId: "student", step: 1, take: false })).status).toBe(409);
    expect(currentLeader(map.mapId)?.clientId).toBe("teacher");
  });

  it("the owner stops whoever leads; an editor cannot stop the owner", async () => {
    const map = await newRoomMap();
    await setEditorsMayLead(map.owner, true);
    await lead(map.owner, { clientId: "teacher" });
    expect((await stopLeading(map.edit)).status).toBe(403);
    expect((await stopLeading(map.edit, "teacher")).status).toBe(403);
    expect(currentLeader(map.mapId)?.clientId).toBe("teacher");

    await stopLeading(map.owner);
    await lead(map.edit, { clientId: "student", name: "Sam" });
    const events = roomEvents(map.mapId);
    expect((await stopLeading(map.owner)).status).toBe(200);
    expect(leadEvents(events).at(-1)).toMatchObject({ change: "stopped-by-owner", leader: null, previous: { name: "Sam" } });
    // Stopped: the student's next step does not bring the lead back.
    expect((await lead(map.edit, { clientId: "student", step: 1, take: false })).status).toBe(409);
  });

  it("turning the setting off stops an editor who leads", async () => {
    const map = await newRoomMap();
    await setEditorsMayLead(map.owner, true);
    await lead(map.edit, { clientId: "student" });
    const events = roomEvents(map.mapId);
    await setEditorsMayLead(map.owner, false);
    expect(leadEvents(events).at(-1)).toMatchObject({ change: "not-allowed", leader: null });
    expect((await lead(map.edit, { clientId: "student", take: false })).status).toBe(403);
  });

  it("a leader that stops heartbeating is released, and the room is told", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    try {
      const map = await newRoomMap();
      await lead(map.owner, { clientId: "teacher" });
      const events = roomEvents(map.mapId);
      vi.advanceTimersByTime(LEAD_TTL_MS + 1_000);
      expect(leadEvents(events).at(-1)).toMatchObject({ change: "gone", leader: null });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("what leading touches elsewhere", () => {
  it("presence claiming to present is relayed only from the leader", async () => {
    const map = await newRoomMap();
    await setEditorsMayLead(map.owner, true);
    const stop = await leadWhile(map.edit, { clientId: "student", step: 3 });
    const batches: PresenceBatch[] = [];
    broadcaster().subscribe(map.mapId, (event) => event.kind === "presence" && batches.push(event.payload as PresenceBatch));
    const claim = (token: string, clientId: string) => postJson(presenceRoute, { token }, { clientId, key: `${clientId}-tab-secret-key`, name: clientId, colour: "#123456", presenting: { step: 1 } });
    await claim(map.view, "viewer");
    await claim(map.edit, "student");
    await vi.waitFor(() => expect(batches.flatMap((batch) => batch.peers).map((peer) => peer.clientId).sort()).toEqual(["student", "viewer"]));
    const peers = Object.fromEntries(batches.flatMap((batch) => batch.peers).map((peer) => [peer.clientId, peer.presenting]));
    expect(peers).toEqual({ viewer: null, student: { step: 3 } });
    stop();
  });

  it("Bring everyone to me: the owner and the leader may, with their view or step; nobody else", async () => {
    const map = await newRoomMap();
    const events = roomEvents(map.mapId);
    const summon = (token: string, clientId: string) => postJson(summonRoute, { token }, { clientId, name: clientId, view: { x: 10, y: 20, width: 800, height: 600 } });
    expect((await summon(map.edit, "student")).status).toBe(403);
    expect((await summon(map.view, "viewer")).status).toBe(403);
    expect((await summon(map.owner, "teacher-editor")).status).toBe(200);
    await setEditorsMayLead(map.owner, true);
    const stop = await leadWhile(map.edit, { clientId: "student", step: 2 });
    expect((await summon(map.edit, "student")).status).toBe(200);
    stop();
    const summons = events.filter((event) => event.name === "summon").map((event) => event.payload as Summon);
    expect(summons.map(({ by, step, view }) => ({ by: by.clientId, step, view }))).toEqual([
      { by: "teacher-editor", step: null, view: { x: 10, y: 20, width: 800, height: 600 } },
      { by: "student", step: 2, view: null },
    ]);
  });
});
