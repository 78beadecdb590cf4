import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PresenceBatch, PresenceUpdate } from "../map/presence";
import type { Role } from "../map/types";
import { broadcaster } from "./broadcaster";
import { AppError } from "./errors";
import { forgetSenders } from "./presence-senders";
import { currentPresence, PRESENCE_HZ, PRESENCE_TTL_MS, STREAM_GRACE_MS, streamClosed, streamOpened, updatePresence, type PresenceSender } from "./presence";

const KEY = "tab-secret-000000";
const person = (clientId: string, x: number, extra: Partial<PresenceUpdate> = {}): PresenceUpdate => ({
  clientId, key: `${KEY}${clientId}`, name: clientId, colour: "#336699", selection: [], pointer: { x, y: 0 }, dragging: [], editing: null, presenting: null, leaving: false, ...extra,
});
const from = (role: Role, linkId = `${role}-link`): PresenceSender => ({ linkId, role });
const owner = from("owner");

function listen(mapId: string): PresenceBatch[] & { times: number[] } {
  const batches = Object.assign([] as PresenceBatch[], { times: [] as number[] });
  broadcaster().subscribe(mapId, (event) => {
    if (event.kind !== "presence") return;
    batches.push(event.payload as PresenceBatch);
    batches.times.push(Date.now());
  });
  return batches;
}

function refusal(action: () => void): AppError | null {
  try {
    action();
    return null;
  } catch (error) {
    return error as AppError;
  }
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  forgetSenders();
  delete process.env.ARGUMAP_PRESENCE_PEERS;
  delete process.env.ARGUMAP_PRESENCE_BYTES;
});

describe("presence", () => {
  it("coalesces a pointer moving 1,000 times a second into at most 30 deliveries a second, ending on the latest position", () => {
    const batches = listen("map-coalesce");
    const start = Date.now();
    for (let ms = 0; ms < 1000; ms++) {
      updatePresence("map-coalesce", person("ada", ms), owner, Date.now());
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(100);
    const inFirstSecond = batches.times.filter((t) => t - start < 1000).length;
    expect(inFirstSecond).toBeLessThanOrEqual(PRESENCE_HZ);
    expect(inFirstSecond).toBeGreaterThanOrEqual(PRESENCE_HZ - 2);
    expect(batches.at(-1)?.peers[0]?.pointer).toEqual({ x: 999, y: 0 });
  });

  it("delivers each person's latest state in one batch, with the role of their link and never their key", () => {
    const batches = listen("map-many");
    updatePresence("map-many", person("ada", 1), owner);
    updatePresence("map-many", person("bob", 2), from("view"));
    updatePresence("map-many", person("ada", 3), owner);
    vi.advanceTimersByTime(50);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.peers.map((p) => [p.clientId, p.pointer?.x, p.role])).toEqual([["ada", 3, "owner"], ["bob", 2, "view"]]);
    expect(JSON.stringify(batches)).not.toContain(KEY);
  });

  it("says who left, and forgets people whose heartbeats stopped", () => {
    const batches = listen("map-leave");
    updatePresence("map-leave", person("ada", 1), owner);
    updatePresence("map-leave", person("bob", 1), owner);
    vi.advanceTimersByTime(50);
    updatePresence("map-leave", person("ada", 1, { leaving: true }), owner);
    vi.advanceTimersByTime(50);
    expect(batches.at(-1)?.left).toEqual(["ada"]);
    expect(currentPresence("map-leave").peers.map((p) => p.clientId)).toEqual(["bob"]);
    expect(currentPresence("map-leave", Date.now() + PRESENCE_TTL_MS + 1).peers).toEqual([]);
  });

  it("someone whose heartbeats stop leaves within 5 s, on a map where nothing else happens", () => {
    const batches = listen("map-silent");
    updatePresence("map-silent", person("ghost", 1), owner);
    vi.advanceTimersByTime(PRESENCE_TTL_MS - 100);
    expect(batches.flatMap((batch) => batch.left)).toEqual([]);
    vi.advanceTimersByTime(5_000 - (PRESENCE_TTL_MS - 100));
    expect(batches.flatMap((batch) => batch.left)).toEqual(["ghost"]);
    expect(currentPresence("map-silent").peers).toEqual([]);
  });

  it("heartbeats keep a person here; one that changes nothing is not sent to everyone again", () => {
    const batches = listen("map-beat");
    for (let beat = 0; beat < 10; beat++) {
      updatePresence("map-beat", person("ada", 1), owner);
      vi.advanceTimersByTime(1_500);
    }
    expect(batches.map((batch) => batch.peers.map((p) => p.clientId))).toEqual([["ada"]]);
    expect(batches.flatMap((batch) => batch.left)).toEqual([]);
    expect(currentPresence("map-beat").peers.map((p) => p.clientId)).toEqual(["ada"]);
  });

  it("a tab whose event stream closes leaves soon after, unless the stream reopens", () => {
    const batches = listen("map-stream");
    streamOpened("map-stream", "blip");
    streamOpened("map-stream", "gone");
    updatePresence("map-stream", person("blip", 1), owner);
    updatePresence("map-stream", person("gone", 1), owner);
    vi.advanceTimersByTime(100);
    streamClosed("map-stream", "blip");
    streamClosed("map-stream", "gone");
    vi.advanceTimersByTime(1_000);
    streamOpened("map-stream", "blip"); // the network blipped: EventSource reconnects
    updatePresence("map-stream", person("blip", 1), owner);
    vi.advanceTimersByTime(STREAM_GRACE_MS + 600);
    expect(batches.flatMap((batch) => batch.left)).toEqual(["gone"]);
    vi.advanceTimersByTime(PRESENCE_TTL_MS);
    expect(batches.flatMap((batch) => batch.left)).toEqual(["gone", "blip"]); // no heartbeats after that
  });

  it("a stream opening gets everyone here, as the whole room", () => {
    updatePresence("map-whole", person("ada", 1), owner);
    expect(currentPresence("map-whole")).toMatchObject({ full: true, peers: [{ clientId: "ada" }] });
    expect(currentPresence("map-nobody")).toEqual({ peers: [], left: [], full: true });
  });

  it("someone found gone by another person's unchanged heartbeat is still announced as gone", () => {
    const batches = listen("map-found-gone");
    const start = Date.now();
    updatePresence("map-found-gone", person("ghost", 1), owner, start);
    updatePresence("map-found-gone", person("ada", 1), owner, start + 3_000);
    vi.advanceTimersByTime(100);
    // Ada's next heartbeat lands after the ghost's deadline, before any sweep, and changes nothing of hers.
    updatePresence("map-found-gone", person("ada", 1), owner, start + PRESENCE_TTL_MS + 100);
    vi.advanceTimersByTime(100);
    expect(batches.flatMap((batch) => batch.left)).toEqual(["ghost"]);
  });
});

describe("who leads", () => {
  it("relays `presenting` only from the stage that leads the room, at the step the server has for it", () => {
    const batches = listen("map-lead");
    updatePresence("map-lead", person("teacher", 0, { presenting: { step: 5 } }), { ...owner, leadsAt: 2 });
    updatePresence("map-lead", person("student", 0, { presenting: { step: 1 } }), from("view"));
    updatePresence("map-lead", person("editor", 0, { presenting: { step: 0 } }), { ...from("edit"), leadsAt: null });
    vi.advanceTimersByTime(50);
    const relayed = Object.fromEntries(batches.flatMap((batch) => batch.peers).map((peer) => [peer.clientId, peer.presenting]));
    expect(relayed).toEqual({ teacher: { step: 2 }, student: null, editor: null });
    expect(currentPresence("map-lead").peers.filter((peer) => peer.presenting)).toHaveLength(1);
  });
});

describe("a presence speaks only for the link and tab that sent it", () => {
  it("refuses another link's heartbeat under someone's id (no renaming, no pointer moving), and changes nothing", () => {
    updatePresence("map-spoof", person("ada", 1), from("edit", "edit-link"));
    const spoof = refusal(() => updatePresence("map-spoof", person("ada", 99, { name: "Mallory" }), from("view", "view-link")));
    expect(spoof?.status).toBe(403);
    expect(currentPresence("map-spoof").peers).toEqual([expect.objectContaining({ clientId: "ada", name: "ada", pointer: { x: 1, y: 0 }, role: "edit" })]);
  });

  it("refuses a heartbeat from the same link without the tab's key: nobody says someone else left", () => {
    const batches = listen("map-spoof-leave");
    updatePresence("map-spoof-leave", person("ada", 1), owner);
    const spoof = refusal(() => updatePresence("map-spoof-leave", { ...person("ada", 1), key: "someone-elses-key", leaving: true }, owner));
    expect(spoof?.status).toBe(403);
    vi.advanceTimersByTime(50);
    expect(batches.flatMap((batch) => batch.left)).toEqual([]);
    expect(currentPresence("map-spoof-leave").peers.map((peer) => peer.clientId)).toEqual(["ada"]);
  });

  it("keeps an id bound after its holder left, so it cannot be taken over then either", () => {
    updatePresence("map-after", person("ada", 1), owner);
    updatePresence("map-after", person("ada", 1, { leaving: true }), owner);
    expect(refusal(() => updatePresence("map-after", { ...person("ada", 1), key: "a-different-key-123" }, owner))?.status).toBe(403);
    expect(refusal(() => updatePresence("map-after", person("ada", 2), owner))).toBeNull();
  });

  it("keeps present people's ids bound however many ids an attacker churns through", () => {
    updatePresence("map-churn", person("ada", 1), owner);
    for (let i = 0; i < 5_000; i++) {
      updatePresence("map-churn", person(`bot${i}`, 0), from("view"));
      updatePresence("map-churn", person(`bot${i}`, 0, { leaving: true }), from("view"));
    }
    expect(refusal(() => updatePresence("map-churn", person("ada", 9, { name: "Mallory" }), from("view")))?.status).toBe(403);
  });
});

describe("a map's presence is bounded", () => {
  it("refuses a newcomer with 429 once the map holds ARGUMAP_PRESENCE_PEERS people; someone leaving makes room", () => {
    process.env.ARGUMAP_PRESENCE_PEERS = "3";
    for (const id of ["a", "b", "c"]) updatePresence("map-full", person(id, 0), owner);
    const full = refusal(() => updatePresence("map-full", person("d", 0), owner));
    expect(full?.status).toBe(429);
    expect(full?.headers["Retry-After"]).toBeDefined();
    // Those already here keep updating.
    expect(refusal(() => updatePresence("map-full", person("a", 5), owner))).toBeNull();
    updatePresence("map-full", person("c", 0, { leaving: true }), owner);
    expect(refusal(() => updatePresence("map-full", person("d", 0), owner))).toBeNull();
    expect(currentPresence("map-full").peers).toHaveLength(3);
  });

  it("refuses presence that would take the map past ARGUMAP_PRESENCE_BYTES, so a new viewer's first batch stays small", () => {
    process.env.ARGUMAP_PRESENCE_BYTES = "5000";
    const bulky = (id: string) => person(id, 0, { selection: Array.from({ length: 150 }, (_, i) => `node-${i}`) });
    updatePresence("map-bytes", bulky("a"), owner);
    updatePresence("map-bytes", bulky("b"), owner);
    expect(refusal(() => updatePresence("map-bytes", bulky("c"), owner))?.status).toBe(429);
    expect(JSON.stringify(currentPresence("map-bytes")).length).toBeLessThanOrEqual(5_000);
  });
});
