/** The event stream: replay after `since`, live ops without gaps or repeats, cleanup when the client leaves. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import eventsRoute from "../../pages/api/maps/[token]/events";
import type { Op } from "../map/ops";
import { emptyDoc } from "../map/types";
import { applyClientOps } from "./apply-ops";
import { broadcaster } from "./broadcaster";
import { closeAllStreams, sinceOf, streamEvents, type EventSink } from "./events";
import { resolveToken } from "./links";
import { createMapFromDoc } from "./maps";
import { callNodeRoute } from "./testing/node-route";
import { frameFields, sseFrameBatches } from "./testing/sse-frames";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

const claim = (id: string): Op & { clientOpId: string } => ({ clientOpId: id, type: "addNode", node: { id, kind: "claim", text: id, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } });

async function newMap() {
  const created = await createMapFromDoc(emptyDoc({ title: "Events" }), "http://test");
  const view = created.links.view.split("/m/")[1]!;
  return { ...(await resolveToken(view))!, view, edit: created.links.edit.split("/m/")[1]! };
}

/** Opens the map's event stream through the real route, over HTTP. */
const openStream = (token: string, abort: AbortController, query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  callNodeRoute(eventsRoute, { params: { token }, query, headers, signal: abort.signal });

/** Reads SSE frames from a response until `count` op events have arrived (the whole chunk that brings the last). */
async function readOps(response: Response, count: number): Promise<{ ids: number[]; types: string[] }> {
  const ids: number[] = [];
  const types: string[] = [];
  for await (const frames of sseFrameBatches(response.body!)) {
    for (const frame of frames) {
      const { event, id } = frameFields(frame);
      if (event) types.push(event);
      if (id !== undefined && event === "op") ids.push(id);
    }
    if (ids.length >= count) break;
  }
  return { ids, types };
}

/** The event types of the frames read until one of type `last` (inclusive). */
async function readTypesUntil(response: Response, last: string): Promise<string[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const types: string[] = [];
  while (types.at(-1) !== last) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let end: number;
    while (types.at(-1) !== last && (end = text.indexOf("\n\n")) >= 0) {
      const event = /^event: (\w+)$/m.exec(text.slice(0, end));
      text = text.slice(end + 2);
      if (event?.[1]) types.push(event[1]);
    }
  }
  reader.releaseLock();
  return types;
}

/**
 * A client under the test's control: it takes nothing until `read()` is called, so the test sees
 * what the server sends to a client that does not keep up.
 */
function slowClient() {
  const frames: string[] = [];
  let unread = 0;
  let waiting: (() => void) | null = null;
  let ended = false;
  const decoder = new TextDecoder();
  const sink: EventSink = {
    write(bytes) {
      unread += bytes.byteLength;
      frames.push(...decoder.decode(bytes).split("\n\n").filter(Boolean));
      return true;
    },
    buffered: () => unread,
    drained: () => new Promise<void>((resolve) => (waiting = resolve)),
    end: () => (ended = true),
    onClose: () => undefined,
  };
  const revisions = () => frames.flatMap((text) => (/^id: (\d+)$/m.exec(text) ? [Number(/^id: (\d+)$/m.exec(text)![1])] : []));
  return {
    sink,
    revisions,
    unread: () => unread,
    ended: () => ended,
    /** Whether the replay is over: the room's state is the last thing it sends. */
    replayed: () => frames.some((text) => /^event: lead$/m.test(text)),
    waitingForTheClient: () => waiting !== null,
    read() {
      unread = 0;
      const resolve = waiting;
      waiting = null;
      resolve?.();
    },
  };
}

const bulkyOps = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ clientOpId: `u${from + i}`, type: "updateMap" as const, patch: { description: `${from + i} `.padEnd(1_500, "x") } }));

describe("event stream", () => {
  it("replays a long log page by page as the client reads, never more than a page past what it took", async () => {
    const { mapId, linkId } = await newMap();
    for (let i = 0; i < 4; i++) await applyClientOps({ mapId, clientId: "c", author: "", ops: bulkyOps(i * 250, 250) });
    const client = slowClient();
    streamEvents(mapId, linkId, 0, () => client.sink);
    await vi.waitFor(() => expect(client.waitingForTheClient()).toBe(true));
    // 1,000 ops of 1.5 kB in the log: the server stopped after about 64 kB, for the client to read.
    expect(client.revisions().length).toBeGreaterThan(10);
    expect(client.revisions().length).toBeLessThan(100);
    expect(client.unread()).toBeLessThan(200_000);
    const live = applyClientOps({ mapId, clientId: "c", author: "", ops: bulkyOps(1_000, 5) });
    while (client.revisions().length < 1_005) {
      await vi.waitFor(() => expect(client.waitingForTheClient() || client.revisions().length >= 1_005).toBe(true), { interval: 1 });
      client.read();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await live;
    // Every op once, in order: those committed during the replay came from the log or live, never twice.
    expect(client.revisions()).toEqual(Array.from({ length: 1_005 }, (_, i) => i + 1));
    closeStream(mapId);
  });

  it("lets other requests in between a replay's pages, also for a client whose socket takes everything at once", async () => {
    const { mapId, linkId } = await newMap();
    for (let i = 0; i < 4; i++) await applyClientOps({ mapId, clientId: "c", author: "", ops: bulkyOps(i * 250, 250) });
    const frames: string[] = [];
    // A kernel with room to spare: every write is taken at once, nothing is ever left buffered.
    const greedy: EventSink = { write: (bytes) => frames.push(Buffer.from(bytes).toString()) > 0, buffered: () => 0, drained: async () => undefined, end: () => undefined, onClose: () => undefined };
    streamEvents(mapId, linkId, 0, () => greedy);
    // What the event loop does next (such as reading another request) comes before the replay ends.
    await new Promise((resolve) => setImmediate(resolve));
    const sentBeforeOthersRan = frames.filter((text) => text.includes("event: op")).length;
    expect(sentBeforeOthersRan).toBeLessThan(1_000);
    await vi.waitFor(() => expect(frames.filter((text) => text.includes("event: op")).length).toBe(1_000));
    closeStream(mapId);
  });

  it("drops a live stream whose client leaves more than ARGUMAP_STREAM_BUFFER_BYTES unread, and lets go of it", async () => {
    process.env.ARGUMAP_STREAM_BUFFER_BYTES = "64000";
    const { mapId, linkId } = await newMap();
    const client = slowClient();
    streamEvents(mapId, linkId, 0, () => client.sink);
    await vi.waitFor(() => expect(client.replayed()).toBe(true));
    await applyClientOps({ mapId, clientId: "c", author: "", ops: bulkyOps(0, 60) });
    await vi.waitFor(() => expect(client.ended()).toBe(true));
    expect(broadcaster().listenerCount(mapId)).toBe(0);
    delete process.env.ARGUMAP_STREAM_BUFFER_BYTES;
  });

  it("replays the log after `since`, then delivers live ops in order without repeats", async () => {
    const { mapId, view } = await newMap();
    await applyClientOps({ mapId, clientId: "c", author: "", ops: [claim("a"), claim("b"), claim("c")] });
    const abort = new AbortController();
    const response = await openStream(view, abort, { since: "1" });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const live = applyClientOps({ mapId, clientId: "c", author: "", ops: [claim("d"), claim("e")] });
    const { ids } = await readOps(response, 4);
    await live;
    expect(ids).toEqual([2, 3, 4, 5]);
    abort.abort();
  });

  it("resumes from Last-Event-ID over the since parameter", async () => {
    const { mapId, view } = await newMap();
    await applyClientOps({ mapId, clientId: "c", author: "", ops: [claim("a"), claim("b"), claim("c")] });
    const abort = new AbortController();
    const response = await openStream(view, abort, { since: "1" }, { "last-event-id": "2" });
    expect((await readOps(response, 1)).ids).toEqual([3]);
    abort.abort();
    expect(sinceOf("7", "3")).toBe(7);
    expect(sinceOf(undefined, "3")).toBe(3);
    expect(sinceOf(undefined, "-1")).toBe(0);
    expect(sinceOf("junk", "4")).toBe(4);
  });

  it("removes its listener when the client goes away", async () => {
    const { mapId, view } = await newMap();
    const abort = new AbortController();
    const response = await openStream(view, abort);
    await applyClientOps({ mapId, clientId: "c", author: "", ops: [claim("a")] });
    await readOps(response, 1);
    expect(broadcaster().listenerCount(mapId)).toBe(1);
    abort.abort();
    await vi.waitFor(() => expect(broadcaster().listenerCount(mapId)).toBe(0));
  });

  it("closes the streams of a revoked link, and only those", async () => {
    const { mapId, linkId, view, edit } = await newMap();
    const abort = new AbortController();
    const revokedStream = await openStream(view, abort);
    const otherStream = await openStream(edit, abort);
    await vi.waitFor(() => expect(broadcaster().listenerCount(mapId)).toBe(2));
    // Every stream opens with who leads the room (lib/server/leading.ts), once its replay is done
    // (on PostgreSQL that takes a few queries; a link revoked before then closes the stream at once).
    const opened = await readTypesUntil(revokedStream, "lead");
    broadcaster().publish(mapId, { kind: "revoked", linkId });
    const { types } = await readOps(revokedStream, 1);
    // Then the notice, and the end. (Every stream opens with who is here, nobody here, and who leads.)
    expect([...opened, ...types]).toEqual(["presence", "lead", "revoked"]);
    expect(broadcaster().listenerCount(mapId)).toBe(1);
    await otherStream.body!.cancel();
    abort.abort();
  });

  /** Ends the streams of a test that used a sink of its own. */
function closeStream(mapId: string) {
  broadcaster().publish(mapId, { kind: "revoked", linkId: "" });
}

// Last in this file: the server stays shut down for the rest of it (each file runs in its own process).
  it("a shutting-down server ends open streams and refuses new ones with 503", async () => {
    const { mapId, view } = await newMap();
    const abort = new AbortController();
    const open = await openStream(view, abort);
    await vi.waitFor(() => expect(broadcaster().listenerCount(mapId)).toBe(1));
    closeAllStreams();
    expect(broadcaster().listenerCount(mapId)).toBe(0);
    await expect(open.text()).resolves.toContain("retry: 1000");
    const refused = await openStream(view, abort);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: { code: "unavailable", message: expect.any(String) } });
  });
});
