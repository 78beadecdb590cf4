import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Presence } from "../map/presence";
import { createPresenceClient, HEARTBEAT_MS } from "./presence-client";

const peer = (clientId: string): Presence => ({ clientId, name: clientId, colour: "#0f766e", selection: [], pointer: null, dragging: [], editing: null, presenting: null, leaving: false });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("presence client", () => {
  it("heartbeats every 1.5 s while nothing changes, each timed from the last send's answer", async () => {
    const sent: number[] = [];
    const client = createPresenceClient({ clientId: "me", initial: { name: "Me", colour: "#0f766e" }, send: () => (sent.push(Date.now()), Promise.resolve()) });
    await vi.advanceTimersByTimeAsync(10 * HEARTBEAT_MS + 100);
    expect(sent.length).toBeGreaterThanOrEqual(10);
    const gaps = sent.slice(1).map((at, i) => at - sent[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(HEARTBEAT_MS);
    client.dispose();
  });

  it("a full batch (a stream that just opened) replaces everyone it knew: who left meanwhile is gone", () => {
    const client = createPresenceClient({ clientId: "me", initial: { name: "Me", colour: "#0f766e" }, send: () => undefined });
    client.receive({ peers: [peer("ada"), peer("ben")], left: [] });
    client.receive({ peers: [peer("ben"), peer("me")], left: [], full: true });
    expect(client.getPeers().map((p) => p.clientId)).toEqual(["ben"]);
    client.dispose();
  });

  it("keeps a quiet peer until the server says they left", async () => {
    const client = createPresenceClient({ clientId: "me", initial: { name: "Me", colour: "#0f766e" }, send: () => undefined });
    client.receive({ peers: [peer("ada")], left: [] });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(client.getPeers().map((p) => p.clientId)).toEqual(["ada"]);
    client.receive({ peers: [], left: ["ada"] });
    expect(client.getPeers()).toEqual([]);
    client.dispose();
  });
});
