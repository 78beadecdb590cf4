/** The sync client against the real server code over a loopback transport (network under test control). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Op } from "../map/ops";
import { emptyDoc } from "../map/types";
import { createMapFromDoc, readSnapshot } from "../server/maps";
import { resolveToken } from "../server/links";
import { forget } from "../server/doc-store";
import { loopbackTransport, type LoopbackTransport } from "../server/testing/loopback-transport";
import { useTempDatabase } from "../server/testing/temp-database";
import { createSyncClient, type SyncClient } from "./client";
import { memoryBrowser, type MemoryBrowser } from "./testing/memory-browser";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

async function newMapId(): Promise<string> {
  const created = await createMapFromDoc(emptyDoc({ title: "Sync" }), "http://test");
  return (await resolveToken(created.links.owner.split("/m/")[1]!))!.mapId;
}

async function connect(mapId: string, browser: MemoryBrowser = memoryBrowser()): Promise<{ client: SyncClient; net: LoopbackTransport }> {
  const snapshot = (await readSnapshot(mapId))!;
  const net = loopbackTransport(mapId);
  const client = createSyncClient({ token: "t", snapshot, role: "edit", author: "Test", transport: net, ...browser, retryBaseMs: 5 });
  await net.idle();
  return { client, net };
}

const claim = (id: string, text = id): Op => ({ type: "addNode", node: { id, kind: "claim", text, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } });
const nodeIds = (client: SyncClient) => Object.keys(client.getState().doc.nodes);
const storedNodeIds = async (mapId: string) => {
  forget(mapId);
  return (await readSnapshot(mapId))!.nodes.map((n) => n.id);
};

describe("sync client", () => {
  it("applies a local change at once, then saves it", async () => {
    const mapId = await newMapId();
    const { client, net } = await connect(mapId);
    client.dispatch([claim("a")]);
    expect(nodeIds(client)).toEqual(["a"]);
    expect(client.getState().status).toBe("saving");
    await net.idle();
    expect(client.getState().status).toBe("saved");
    expect(await storedNodeIds(mapId)).toEqual(["a"]);
  });

  it("keeps a change that fails to save, says so, and saves it when the server is back", async () => {
    const mapId = await newMapId();
    const { client, net } = await connect(mapId);
    net.online = false;
    client.dispatch([claim("a")]);
    await net.idle();
    expect(client.getState().status).toBe("error");
    expect(client.getState().error).toMatch(/cannot be reached/);
    expect(nodeIds(client)).toEqual(["a"]);
    expect(await storedNodeIds(mapId)).toEqual([]);
    net.online = true;
    client.retryNow();
    await net.idle();
    expect(client.getState().status).toBe("saved");
    expect(client.getState().error).toBeNull();
    expect(await storedNodeIds(mapId)).toEqual(["a"]);
  });

  it("unsaved changes survive a reload and are saved exactly once", async () => {
    const mapId = await newMapId();
    const store = memoryBrowser();
    const first = await connect(mapId, store);
    first.net.online = false;
    first.client.dispatch([claim("a"), claim("b")]);
    await first.net.idle();
    first.client.dispose();
    const second = await connect(mapId, store);
    expect(nodeIds(second.client)).toEqual(["a", "b"]);
    await second.net.idle();
    const third = await connect(mapId, store); // a second reload must not send them again
    await third.net.idle();
    expect(await storedNodeIds(mapId)).toEqual(["a", "b"]);
    expect((await readSnapshot(mapId))!.revision).toBe(2);
  });

  it("sees another person's change, and ignores a repeated delivery", async () => {
    const mapId = await newMapId();
    const alice = await connect(mapId);
    const bob = await connect(mapId);
    alice.client.dispatch([claim("a")]);
    await alice.net.idle();
    bob.net.deliver({ duplicate: true });
    expect(nodeIds(bob.client)).toEqual(["a"]);
    expect(bob.client.getState().revision).toBe(1);
  });

  it("drops my pending edit to a node someone else deleted, and keeps my words in a notice", async () => {
    const mapId = await newMapId();
    const alice = await connect(mapId);
    const bob = await connect(mapId);
    alice.client.dispatch([claim("a")]);
    await alice.net.idle();
    bob.net.deliver();
    bob.net.online = false;
    bob.client.dispatch([{ type: "updateNode", id: "a", patch: { text: "Bob's edit" } }]);
    alice.client.dispatch([{ type: "deleteNodes", ids: ["a"] }]);
    await alice.net.idle();
    bob.net.deliver();
    expect(nodeIds(bob.client)).toEqual([]);
    const notice = bob.client.getState().notices.at(-1);
    expect(notice?.message).toMatch(/deleted this node while you were editing it/);
    expect(notice?.kept).toMatchObject({ nodeId: "a", text: "Bob's edit", node: { id: "a" } });
    expect(bob.client.getState().pendingCount).toBe(0);
  });

  it("undo undoes only my own change, even after someone else edited", async () => {
    const mapId = await newMapId();
    const alice = await connect(mapId);
    const bob = await connect(mapId);
    alice.client.dispatch([claim("shared", "original")]);
    await alice.net.idle();
    bob.net.deliver();
    alice.client.dispatch([claim("mine")]);
    bob.client.dispatch([{ type: "updateNode", id: "shared", patch: { text: "Bob's words" } }]);
    await Promise.all([alice.net.idle(), bob.net.idle()]);
    alice.net.deliver();
    alice.client.undo();
    await alice.net.idle();
    bob.net.deliver();
    for (const client of [alice.client, bob.client]) {
      expect(nodeIds(client)).toEqual(["shared"]);
      expect(client.getState().doc.nodes.shared?.text).toBe("Bob's words");
    }
    alice.client.redo();
    await alice.net.idle();
    expect(await storedNodeIds(mapId)).toEqual(["shared", "mine"]);
  });

  it("a view link cannot dispatch", async () => {
    const mapId = await newMapId();
    const snapshot = (await readSnapshot(mapId))!;
    const net = loopbackTransport(mapId);
    const viewer = createSyncClient({ token: "t", snapshot, role: "view", transport: net, ...memoryBrowser() });
    expect(viewer.dispatch([claim("a")])).toBe(false);
    expect(nodeIds(viewer)).toEqual([]);
  });
});
