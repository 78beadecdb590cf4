/** The event stream: replay after `since`, live ops without gaps or repeats, cleanup when the client leaves. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Op } from "../map/ops";
import { emptyDoc } from "../map/types";
import { applyClientOps } from "./apply-ops";
import { broadcaster } from "./broadcaster";
import { openEventStream, sinceOf } from "./events";
import { resolveToken } from "./links";
import { createMapFromDoc } from "./maps";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

const claim = (id: string): Op & { clientOpId: string } => ({ clientOpId: id, type: "addNode", node: { id, kind: "claim", text: id, speaker: "", sourceId: null, quote: "", x: 0, y: 0 } });

async function newMap() {
  const created = await createMapFromDoc(emptyDoc({ title: "Events" }), "http://test");
  return (await resolveToken(created.links.view.split("/m/")[1]!))!;
}

/** Reads SSE frames from a response until `count` op events have arrived. */
async function readOps(response: Response, count: number): Promise<{ ids: number[]; types: string[] }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const ids: number[] = [];
  const types: string[] = [];
  while (ids.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = text.indexOf("\n\n")) >= 0) {
      const frame = text.slice(0, end);
      text = text.slice(end + 2);
      const id = /^id: (\d+)$/m.exec(frame);
      const event = /^event: (\w+)$/m.exec(frame);
      if (event?.[1]) types.push(event[1]);
      if (id && event?.[1] === "op") ids.push(Number(id[1]));
    }
  }
  reader.releaseLock();
  return { ids, types };
}

describe("event stream", () => {
  it("replays the log after `since`, then delivers live ops in order without repeats", async () => {
    const { mapId, linkId } = await newMap();
    await applyClientOps({ mapId, clientId: "c", author: "", ops: [claim("a"), claim("b"), claim("c")] });
    const abort = new AbortController();
    const response = openEventStream(mapId, linkId, 1, abort.signal);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const live = applyClientOps({ mapId, clientId: "c", author: "", ops: [claim("d"), claim("e")] });
    const { ids } = await readOps(response, 4);
    await live;
    expect(ids).toEqual([2, 3, 4, 5]);
    abort.abort();
  });

  it("removes its listener when the client goes away", async () => {
    const { mapId, linkId } = await newMap();
    const abort = new AbortController();
    const response = openEventStream(mapId, linkId, 0, abort.signal);
    await applyClientOps({ mapId, clientId: "c", author: "", ops: [claim("a")] });
    await readOps(response, 1);
    expect(broadcaster().listenerCount(mapId)).toBe(1);
    abort.abort();
    expect(broadcaster().listenerCount(mapId)).toBe(0);
  });

  it("closes the streams of a revoked link, and only those", async () => {
    const { mapId, linkId } = await newMap();
    const revokedStream = openEventStream(mapId, linkId, 0, new AbortController().signal);
    const otherStream = openEventStream(mapId, "another-link", 0, new AbortController().signal);
    await new Promise((resolve) => setImmediate(resolve));
    broadcaster().publish(mapId, { kind: "revoked", linkId });
    const { types } = await readOps(revokedStream, 1);
    expect(types).toEqual(["revoked"]);
    expect(broadcaster().listenerCount(mapId)).toBe(1);
    await otherStream.body!.cancel();
  });

  it("resumes from Last-Event-ID over the since parameter", () => {
    expect(sinceOf(new Request("http://x/events?since=3", { headers: { "last-event-id": "7" } }))).toBe(7);
    expect(sinceOf(new Request("http://x/events?since=3"))).toBe(3);
    expect(sinceOf(new Request("http://x/events?since=-1"))).toBe(0);
  });
});
