import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Presence, PresenceBatch } from "../map/presence";
import { broadcaster } from "./broadcaster";
import { currentPresence, PRESENCE_HZ, PRESENCE_TTL_MS, STREAM_GRACE_MS, streamClosed, streamOpened, updatePresence } from "./presence";

const person = (clientId: string, x: number, extra: Partial<Presence> = {}): Presence => ({
  clientId, name: clientId, colour: "#336699", selection: [], pointer: { x, y: 0 }, dragging: [], editing: null, presenting: null, leaving: false, ...extra,
});

function listen(mapId: string): PresenceBatch[] & { times: number[] } {
  const batches = Object.assign([] as PresenceBatch[], { times: [] as number[] });
  broadcaster().subscribe(mapId, (event) => {
    if (event.kind !== "presence") return;
    batches.push(event.payload as PresenceBatch);
    batches.times.push(Date.now());
  });
  return batches;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("presence", () => {
  it("coalesces a pointer moving 1,000 times a second into at most 30 deliveries a second, ending on the latest position", () => {
    const batches = listen("map-coalesce");
    const start = Date.now();
    for (let ms = 0; ms < 1000; ms++) {
      updatePresence("map-coalesce", person("ada", ms), Date.now());
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(100);
    const inFirstSecond = batches.times.filter((t) => t - start < 1000).length;
    expect(inFirstSecond).toBeLessThanOrEqual(PRESENCE_HZ);
    expect(inFirstSecond).toBeGreaterThanOrEqual(PRESENCE_HZ - 2);
    expect(batches.at(-1)?.peers[0]?.pointer).toEqual({ x: 999, y: 0 });
  });

  it("delivers each person's latest state in one batch", () => {
    const batches = listen("map-many");
    updatePresence("map-many", person("ada", 1));
    updatePresence("map-many", person("bob", 2));
    updatePresence("map-many", person("ada", 3));
    vi.advanceTimersByTime(50);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.peers.map((p) => [p.clientId, p.pointer?.x])).toEqual([["ada", 3], ["bob", 2]]);
  });

  it("says who left, and forgets people whose heartbeats stopped", () => {
    const batches = listen("map-leave");
    updatePresence("map-leave", person("ada", 1));
    updatePresence("map-leave", person("bob", 1));
    vi.advanceTimersByTime(50);
    updatePresence("map-leave", person("ada", 1, { leaving: true }));
    vi.advanceTimersByTime(50);
    expect(batches.at(-1)?.left).toEqual(["ada"]);
    expect(currentPresence("map-leave").peers.map((p) => p.clientId)).toEqual(["bob"]);
    expect(currentPresence("map-leave", Date.now() + PRESENCE_TTL_MS + 1).peers).toEqual([]);
  });

  it("someone whose heartbeats stop leaves within 5 s, on a map where nothing else happens", () => {
    const batches = listen("map-silent");
    updatePresence("map-silent", person("ghost", 1));
    vi.advanceTimersByTime(PRESENCE_TTL_MS - 100);
    expect(batches.flatMap((batch) => batch.left)).toEqual([]);
    vi.advanceTimersByTime(5_000 - (PRESENCE_TTL_MS - 100));
    expect(batches.flatMap((batch) => batch.left)).toEqual(["ghost"]);
    expect(currentPresence("map-silent").peers).toEqual([]);
  });

  it("heartbeats keep a person here; one that changes nothing is not sent to everyone again", () => {
    const batches = listen("map-beat");
    for (let beat = 0; beat < 10; beat++) {
      updatePresence("map-beat", person("ada", 1));
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
    updatePresence("map-stream", person("blip", 1));
    updatePresence("map-stream", person("gone", 1));
    vi.advanceTimersByTime(100);
    streamClosed("map-stream", "blip");
    streamClosed("map-stream", "gone");
    vi.advanceTimersByTime(1_000);
    streamOpened("map-stream", "blip"); // the network blipped: EventSource reconnects
    updatePresence("map-stream", person("blip", 1));
    vi.advanceTimersByTime(STREAM_GRACE_MS + 600);
    expect(batches.flatMap((batch) => batch.left)).toEqual(["gone"]);
    vi.advanceTimersByTime(PRESENCE_TTL_MS);
    expect(batches.flatMap((batch) => batch.left)).toEqual(["gone", "blip"]); // no heartbeats after that
  });

  it("a stream opening gets everyone here, as the whole room", () => {
    updatePresence("map-full", person("ada", 1));
    expect(currentPresence("map-full")).toMatchObject({ full: true, peers: [{ clientId: "ada" }] });
    expect(currentPresence("map-nobody")).toEqual({ peers: [], left: [], full: true });
  });

  it("someone found gone by another person's unchanged heartbeat is still announced as gone", () => {
    const batches = listen("map-found-gone");
    const start = Date.now();
    updatePresence("map-found-gone", person("ghost", 1), start);
    updatePresence("map-found-gone", person("ada", 1), start + 3_000);
    vi.advanceTimersByTime(100);
    // Ada's next heartbeat lands after the ghost's deadline, before any sweep, and changes nothing of hers.
    updatePresence("map-found-gone", person("ada", 1), start + PRESENCE_TTL_MS + 100);
    vi.advanceTimersByTime(100);
    expect(batches.flatMap((batch) => batch.left)).toEqual(["ghost"]);
  });
});
