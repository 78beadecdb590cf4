/**
 * Two people and one field: whoever saves last wins (server order), the person whose words were
 * replaced by someone who had not seen them is told and keeps them, and undo never takes back a
 * change someone else made after mine.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Op } from "../map/ops";
import { emptyDoc } from "../map/types";
import { resolveToken } from "../server/links";
import { createMapFromDoc, readSnapshot } from "../server/maps";
import { loopbackTransport, type LoopbackTransport } from "../server/testing/loopback-transport";
import { useTempDatabase } from "../server/testing/temp-database";
import { createSyncClient, type SyncClient } from "./client";
import { memoryBrowser } from "./testing/memory-browser";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

interface Person {
  client: SyncClient;
  net: LoopbackTransport;
}

async function mapWith(text: string): Promise<string> {
  const doc = emptyDoc({ title: "Conflicts" });
  doc.nodes.n = { id: "n", kind: "claim", text, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 };
  const created = await createMapFromDoc(doc, "http://test");
  return (await resolveToken(created.links.owner.split("/m/")[1]!))!.mapId;
}

async function join(mapId: string, author: string): Promise<Person> {
  const snapshot = (await readSnapshot(mapId))!;
  const net = loopbackTransport(mapId);
  const client = createSyncClient({ token: "t", snapshot, role: "edit", author, transport: net, ...memoryBrowser(), retryBaseMs: 5 });
  await net.idle();
  return { client, net };
}

const typed = (text: string, base: string): Op => ({ type: "updateNode", id: "n", patch: { text }, base: { text: base } });
const textOf = (person: Person) => person.client.getState().doc.nodes.n?.text;
async function sync(...people: Person[]): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await Promise.all(people.map((person) => person.net.idle()));
    for (const person of people) person.net.deliver();
  }
}

describe("the same text, two editors", () => {
  it("the later save wins; the one whose words it replaced is told and keeps them", async () => {
    const mapId = await mapWith("original");
    const ben = await join(mapId, "Ben");
    const chloe = await join(mapId, "Chloe");
    // Both opened the node on "original"; Ben saves first, Chloe after, without having seen his.
    ben.client.dispatch([typed("Ben's words", "original")]);
    await ben.net.idle();
    chloe.client.dispatch([typed("Chloe's words", "original")]);
    await sync(ben, chloe);
    expect(textOf(ben)).toBe("Chloe's words");
    expect(textOf(chloe)).toBe("Chloe's words");
    const notice = ben.client.getState().notices.at(-1);
    expect(notice?.message).toBe("Chloe changed this while you were typing.");
    expect(notice?.kept).toMatchObject({ nodeId: "n", text: "Ben's words" });
    expect(chloe.client.getState().notices).toEqual([]);

    // Chloe's undo puts back what her save replaced in server order: Ben's words, not the original.
    chloe.client.undo();
    await sync(ben, chloe);
    expect(textOf(ben)).toBe("Ben's words");
    expect(textOf(chloe)).toBe("Ben's words");
  });

  it("editing someone's words after seeing them tells nobody anything", async () => {
    const mapId = await mapWith("original");
    const ada = await join(mapId, "Ada");
    const ben = await join(mapId, "Ben");
    ada.client.dispatch([typed("Ada's words", "original")]);
    await sync(ada, ben);
    ben.client.dispatch([typed("Ada's words, improved by Ben", "Ada's words")]);
    await sync(ada, ben);
    expect(textOf(ada)).toBe("Ada's words, improved by Ben");
    expect(ada.client.getState().notices).toEqual([]);
  });

  it("undo skips a field someone changed after me, says who, and undoes the rest", async () => {
    const mapId = await mapWith("original");
    const ada = await join(mapId, "Ada");
    const ben = await join(mapId, "Ben");
    ada.client.dispatch([{ type: "updateNode", id: "n", patch: { text: "Ada's words", speaker: "Ada" } }]);
    await sync(ada, ben);
    ben.client.dispatch([typed("Ben's later words", "Ada's words")]);
    await sync(ada, ben);
    ada.client.undo();
    await sync(ada, ben);
    for (const person of [ada, ben]) {
      expect(textOf(person)).toBe("Ben's later words");
      expect(person.client.getState().doc.nodes.n?.speaker).toBe("");
    }
    expect(ada.client.getState().notices.at(-1)?.message).toBe("Not undone: Ben changed “Ben's later words” after you.");
  });

  it("undo of adding a node leaves it when someone has written in it or linked to it", async () => {
    const mapId = await mapWith("original");
    const ada = await join(mapId, "Ada");
    const ben = await join(mapId, "Ben");
    ada.client.dispatch([{ type: "addNode", node: { id: "new", kind: "support", text: "", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } }]);
    await sync(ada, ben);
    ben.client.dispatch([{ type: "updateNode", id: "new", patch: { text: "Ben wrote this" } }]);
    await sync(ada, ben);
    ada.client.undo();
    await sync(ada, ben);
    expect(ada.client.getState().doc.nodes.new?.text).toBe("Ben wrote this");
    expect(ada.client.getState().notices.at(-1)?.message).toMatch(/^Not undone: Ben changed “Ben wrote this” after you\.$/);
  });

  it("redo is checked the same way", async () => {
    const mapId = await mapWith("original");
    const ada = await join(mapId, "Ada");
    const ben = await join(mapId, "Ben");
    ada.client.dispatch([typed("Ada's words", "original")]);
    await sync(ada, ben);
    ada.client.undo();
    await sync(ada, ben);
    ben.client.dispatch([typed("Ben's words", "original")]);
    await sync(ada, ben);
    ada.client.redo();
    await sync(ada, ben);
    expect(textOf(ada)).toBe("Ben's words");
    expect(ada.client.getState().notices.at(-1)?.message).toMatch(/^Not undone: Ben changed/);
  });

  it("a new node left empty goes again with its undo step", async () => {
    const mapId = await mapWith("original");
    const ada = await join(mapId, "Ada");
    ada.client.dispatch([{ type: "addNode", node: { id: "empty", kind: "claim", text: "", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } }]);
    expect(ada.client.getState().canUndo).toBe(true);
    expect(ada.client.retractNewNode("empty")).toBe(true);
    expect(ada.client.getState().doc.nodes.empty).toBeUndefined();
    expect(ada.client.getState().canUndo).toBe(false);
    await sync(ada);
    expect((await readSnapshot(mapId))!.nodes.map((n) => n.id)).toEqual(["n"]);
    // A node with text, or one I did not just add, is never retracted.
    expect(ada.client.retractNewNode("n")).toBe(false);
  });
});
