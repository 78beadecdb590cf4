/**
 * Tabs of one browser on one map: each has its own client id and saved queue, none can erase or
 * adopt the queue of a tab that is still open, and what a closed tab left unsent is sent by exactly
 * one live tab, under the closed tab's id, so the server applies it once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Op } from "../map/ops";
import { emptyDoc } from "../map/types";
import { forget } from "../server/doc-store";
import { resolveToken } from "../server/links";
import { createMapFromDoc, readSnapshot } from "../server/maps";
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
  const created = await createMapFromDoc(emptyDoc({ title: "Tabs" }), "http://test");
  return (await resolveToken(created.links.owner.split("/m/")[1]!))!.mapId;
}

async function openTab(mapId: string, browser: MemoryBrowser): Promise<{ client: SyncClient; net: LoopbackTransport }> {
  const snapshot = (await readSnapshot(mapId))!;
  const net = loopbackTransport(mapId);
  const client = createSyncClient({ token: "t", snapshot, role: "edit", author: "Tab", transport: net, ...browser, retryBaseMs: 5 });
  await net.idle();
  return { client, net };
}

const claim = (id: string): Op => ({ type: "addNode", node: { id, kind: "claim", text: id, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } });
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

async function stored(mapId: string) {
  forget(mapId);
  const snapshot = (await readSnapshot(mapId))!;
  return { ids: snapshot.nodes.map((n) => n.id).sort(), revision: snapshot.revision };
}

describe("tabs of one browser", () => {
  it("get client ids of their own, also across a reload", async () => {
    const mapId = await newMapId();
    const browser = memoryBrowser();
    const one = await openTab(mapId, browser);
    const two = await openTab(mapId, browser);
    expect(one.client.clientId).not.toBe(two.client.clientId);
    one.client.dispose();
    const reloaded = await openTab(mapId, browser);
    expect(reloaded.client.clientId).not.toBe(one.client.clientId);
  });

  it("keep separate offline queues; the ops of a closed tab reach the server exactly once", async () => {
    const mapId = await newMapId();
    const browser = memoryBrowser();
    const one = await openTab(mapId, browser);
    const two = await openTab(mapId, browser);
    one.net.online = false;
    two.net.online = false;
    one.client.dispatch([claim("from-one-a")]);
    one.client.dispatch([claim("from-one-b")]);
    two.client.dispatch([claim("from-two")]);
    await Promise.all([one.net.idle(), two.net.idle()]);
    expect(browser.shelf.owners().sort()).toEqual([one.client.clientId, two.client.clientId].sort());
    expect(browser.shelf.load(one.client.clientId).pending.map((entry) => entry.op.type)).toEqual(["addNode", "addNode"]);

    // The second tab sees the first one's queue but leaves it alone while the first is open.
    await settled();
    expect(browser.shelf.load(one.client.clientId).pending).toHaveLength(2);
    expect(Object.keys(two.client.getState().doc.nodes)).toEqual(["from-two"]);

    one.client.dispose(); // the tab is closed while offline
    await settled();
    expect(browser.shelf.owners()).toEqual([two.client.clientId]);
    expect(Object.keys(two.client.getState().doc.nodes).sort()).toEqual(["from-one-a", "from-one-b", "from-two"]);

    two.net.online = true;
    two.client.retryNow();
    for (let i = 0; i < 5; i++) {
      await two.net.idle();
      two.net.deliver();
      two.client.retryNow();
    }
    expect(await stored(mapId)).toEqual({ ids: ["from-one-a", "from-one-b", "from-two"], revision: 3 });
    expect(two.client.getState().pendingCount).toBe(0);
    expect(browser.shelf.owners()).toEqual([]);
  });

  it("an adopted op the server had already applied is not applied again", async () => {
    const mapId = await newMapId();
    const browser = memoryBrowser();
    const one = await openTab(mapId, browser);
    one.client.dispatch([claim("sent-once")]);
    // The server applied it, but the tab closed before it heard back: its queue still has the op.
    const saved = browser.shelf.load(one.client.clientId);
    await one.net.idle();
    one.client.dispose();
    browser.shelf.save(one.client.clientId, saved);
    const two = await openTab(mapId, browser);
    await settled();
    await two.net.idle();
    two.net.deliver();
    expect(await stored(mapId)).toEqual({ ids: ["sent-once"], revision: 1 });
    expect(two.client.getState().pendingCount).toBe(0);
  });

  it("of two live tabs, only one adopts a closed tab's queue", async () => {
    const mapId = await newMapId();
    const browser = memoryBrowser();
    const closing = await openTab(mapId, browser);
    const a = await openTab(mapId, browser);
    const b = await openTab(mapId, browser);
    for (const tab of [closing, a, b]) tab.net.online = false;
    closing.client.dispatch([claim("orphan")]);
    await closing.net.idle();
    await settled();
    closing.client.dispose();
    await settled();
    const holders = [a, b].filter((tab) => "orphan" in tab.client.getState().doc.nodes);
    expect(holders).toHaveLength(1);
    expect(browser.shelf.owners()).toEqual([holders[0]!.client.clientId]);
  });

  it("a view link's tab and a follower adopt nothing", async () => {
    const mapId = await newMapId();
    const browser = memoryBrowser();
    const closing = await openTab(mapId, browser);
    closing.net.online = false;
    closing.client.dispatch([claim("left-behind")]);
    await closing.net.idle();
    closing.client.dispose();
    const snapshot = (await readSnapshot(mapId))!;
    const viewer = createSyncClient({ token: "t", snapshot, role: "view", transport: loopbackTransport(mapId), ...browser });
    const stage = createSyncClient({ token: "t", snapshot, role: "owner", follower: true, transport: loopbackTransport(mapId), ...browser });
    await settled();
    expect(browser.shelf.owners()).toEqual([closing.client.clientId]);
    expect(viewer.getState().doc.nodes).toEqual({});
    expect(stage.getState().doc.nodes).toEqual({});
  });

  it("words kept in a notice survive a reload, and go once dismissed", async () => {
    const mapId = await newMapId();
    const browser = memoryBrowser();
    const tab = await openTab(mapId, browser);
    tab.client.notify("Someone deleted this node while you were editing it.", { nodeId: "n", text: "My careful words" });
    tab.client.dispose();
    const reloaded = await openTab(mapId, browser);
    await settled();
    const [notice] = reloaded.client.getState().notices;
    expect(notice?.kept?.text).toBe("My careful words");
    reloaded.client.dismissNotice(notice!.id);
    reloaded.client.dispose();
    const again = await openTab(mapId, browser);
    await settled();
    expect(again.client.getState().notices).toEqual([]);
  });
});
