import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Presence, PresenceUpdate } from "../map/presence";
import type { Connection, SyncClient, SyncState } from "./client";
import { COLOUR_KEY, NAME_KEY, PALETTE } from "./identity";
import { createPresenceSession } from "./presence-session";

/** Just enough of a sync client: an id, a connection and a count of unsaved ops, under test control. */
function fakeSyncClient() {
  let state = { connection: "connecting" as Connection, pendingCount: 0 } as SyncState;
  const listeners = new Set<() => void>();
  const client = {
    clientId: "me",
    getState: () => state,
    subscribe: (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener)),
  } as unknown as SyncClient;
  const set = (patch: Partial<SyncState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  return { client, set };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

const other = (clientId: string, patch: Partial<Presence> = {}): Presence => ({
  clientId,
  name: "Bo",
  colour: "#0f766e",
  selection: [],
  pointer: null,
  dragging: [],
  editing: null,
  presenting: null,
  leaving: false,
  ...patch,
});

function setup(storage = memoryStorage({ [NAME_KEY]: "Ada" })) {
  const sent: { presence: Presence; leaving: boolean }[] = [];
  const session = createPresenceSession({ token: "t", storage, send: (presence, { leaving }) => void sent.push({ presence, leaving }) });
  const sync = fakeSyncClient();
  const last = () => sent.at(-1)!.presence;
  return { session, sync, sent, last };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("presence session", () => {
  it("announces itself under the sync client's id, with the saved name", () => {
    const { session, sync, last } = setup();
    session.attach(sync.client);
    vi.advanceTimersByTime(100);
    expect(last()).toMatchObject({ clientId: "me", name: "Ada", leaving: false });
    expect(session.getSelf()).toMatchObject({ name: "Ada", askName: false });
  });

  it("a batch that came before attaching is not lost, and my own echo is not a peer", () => {
    const { session, sync } = setup();
    session.receive({ peers: [other("bo"), other("me")], left: [] });
    session.receive("garbage");
    session.attach(sync.client);
    expect(session.getRoster().map((peer) => peer.clientId)).toEqual(["bo"]);
  });

  it("typing in place or in the panel is one 'editing', in-place first", () => {
    const { session, sync, last } = setup();
    session.attach(sync.client);
    session.setEditing("panel", "n1");
    vi.advanceTimersByTime(100);
    expect(last().editing).toBe("n1");
    session.setEditing("canvas", "n2");
    vi.advanceTimersByTime(100);
    expect(last().editing).toBe("n2");
    session.setEditing("canvas", null);
    session.setEditing("panel", null);
    vi.advanceTimersByTime(100);
    expect(last().editing).toBeNull();
  });

  it("a dropped drag keeps showing its final place until the move op is saved", () => {
    const { session, sync, last } = setup();
    session.attach(sync.client);
    session.setDragging([{ id: "n1", x: 10.4, y: 20.6 }]);
    vi.advanceTimersByTime(100);
    expect(last().dragging).toEqual([{ id: "n1", x: 10, y: 21 }]);
    sync.set({ pendingCount: 1 }); // the moveNodes op, dispatched on drop
    session.endDrag();
    vi.advanceTimersByTime(1_000);
    expect(last().dragging).toHaveLength(1);
    sync.set({ pendingCount: 0 });
    vi.advanceTimersByTime(100);
    expect(last().dragging).toEqual([]);
  });

  it("a drag whose op never gets saved is released after a while anyway", () => {
    const { session, sync, last } = setup();
    session.attach(sync.client);
    session.setDragging([{ id: "n1", x: 1, y: 1 }]);
    sync.set({ pendingCount: 1, connection: "offline" });
    session.endDrag();
    vi.advanceTimersByTime(6_000);
    expect(last().dragging).toEqual([]);
  });

  it("reconnecting re-announces at once instead of at the next heartbeat", () => {
    const { session, sync, sent } = setup();
    session.attach(sync.client);
    vi.advanceTimersByTime(100);
    const before = sent.length;
    sync.set({ connection: "connected" });
    vi.advanceTimersByTime(100);
    expect(sent.length).toBe(before + 1);
  });

  it("detaching says goodbye", () => {
    const { session, sync, sent } = setup();
    const detach = session.attach(sync.client);
    detach();
    expect(sent.at(-1)).toMatchObject({ leaving: true });
  });

  it("every heartbeat and the goodbye carry this tab's secret key; another tab has its own", () => {
    const { session, sync, sent } = setup();
    const detach = session.attach(sync.client);
    vi.advanceTimersByTime(100);
    session.setPointer({ x: 1, y: 2 });
    vi.advanceTimersByTime(100);
    detach();
    const keys = new Set(sent.map(({ presence }) => (presence as PresenceUpdate).key));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const other = setup();
    other.session.attach(other.sync.client);
    vi.advanceTimersByTime(100);
    expect((other.last() as PresenceUpdate).key).not.toBe([...keys][0]);
  });

  it("a first visit asks for a name; the answer is kept and sent", () => {
    const storage = memoryStorage();
    const { session, sync, last } = setup(storage);
    session.attach(sync.client);
    expect(session.getSelf()?.askName).toBe(true);
    session.setName("Grace");
    vi.advanceTimersByTime(100);
    expect(session.getSelf()).toMatchObject({ name: "Grace", askName: false });
    expect(last().name).toBe("Grace");
    expect(storage.getItem(NAME_KEY)).toBe("Grace");
    expect(session.authorName()).toBe("Grace");
  });

  it("someone here already showing my colour, and first by id, makes me show another for this visit", () => {
    const storage = memoryStorage({ [NAME_KEY]: "Ada", [COLOUR_KEY]: PALETTE[0] });
    const { session, sync, last } = setup(storage);
    session.attach(sync.client); // my client id is "me"
    session.receive({ peers: [other("bo", { colour: PALETTE[0] })], left: [] });
    vi.advanceTimersByTime(100);
    expect(session.getSelf()?.colour).toBe(PALETTE[1]);
    expect(last().colour).toBe(PALETTE[1]);
    expect(storage.getItem(COLOUR_KEY)).toBe(PALETTE[0]);
  });
});
