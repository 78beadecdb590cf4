/**
 * A map's event stream (Server-Sent Events): replays the op log after `since`, then forwards live
 * events from the broadcaster. Subscribes before replaying, so nothing committed in between is lost,
 * and skips what the replay already sent. Heartbeats keep proxies from closing an idle stream.
 */
import type { Op } from "../map/ops";
import { broadcaster, type LoggedOp, type MapEvent } from "./broadcaster";
import { readDb } from "./db";
import { currentPresence } from "./presence";
import { processWide } from "./process-wide";

const HEARTBEAT_MS = 15_000;
const REPLAY_PAGE = 500;
const encoder = new TextEncoder();

function frame(event: string, data: unknown, id?: number): Uint8Array {
  return encoder.encode(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** One event reaches every listener of a map: encode it once, not once per listener. */
const encoded = new WeakMap<MapEvent, Uint8Array>();
function frameOf(event: Exclude<MapEvent, { kind: "revoked" }>): Uint8Array {
  let bytes = encoded.get(event);
  if (!bytes) {
    bytes = event.kind === "op" ? frame("op", event.entry, event.entry.revision) : frame("presence", event.payload);
    encoded.set(event, bytes);
  }
  return bytes;
}

/** Every open stream's close function: a shutting-down server ends them (clients reconnect). */
const streams = processWide("streams", () => ({ open: new Set<() => void>(), shuttingDown: false }));

/** Ends every stream, and refuses new ones: a browser would reopen its stream over a kept-alive socket. */
export function closeAllStreams(): void {
  streams.shuttingDown = true;
  for (const close of [...streams.open]) close();
}

/** `next start` waits for open responses before it exits, and event streams never end by themselves. */
export function closeStreamsOnShutdown(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, closeAllStreams);
}

export function openEventStream(mapId: string, linkId: string, since: number, signal: AbortSignal): Response {
  if (streams.shuttingDown) {
    return Response.json({ error: { code: "unavailable", message: "The server is restarting." } }, { status: 503, headers: { connection: "close", "retry-after": "2" } });
  }
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let lastSent = since;
      let replaying = true;
      const buffered: MapEvent[] = [];
      let closed = false;
      // Frames queued in one tick go out as one chunk: under load many ops share one write.
      let outbox: Uint8Array[] = [];
      const flush = () => {
        const chunks = outbox;
        outbox = [];
        if (closed || chunks.length === 0) return;
        try {
          controller.enqueue(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
        } catch {
          close(); // the client went away between the send and this flush
        }
      };
      const send = (bytes: Uint8Array) => {
        if (closed) return;
        if (outbox.push(bytes) === 1) queueMicrotask(flush);
      };
      const deliver = (event: MapEvent) => {
        if (event.kind === "op") {
          if (event.entry.revision <= lastSent) return;
          lastSent = event.entry.revision;
          send(frameOf(event));
        } else if (event.kind === "presence") send(frameOf(event));
        else if (event.linkId === linkId) {
          send(frame("revoked", {}));
          close();
        }
      };
      const unsubscribe = broadcaster().subscribe(mapId, (event) => (replaying ? buffered.push(event) : deliver(event)));
      const heartbeat = setInterval(() => send(encoder.encode(`: keep-alive\n\n`)), HEARTBEAT_MS);
      const close = () => {
        if (closed) return;
        flush();
        closed = true;
        streams.open.delete(close);
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      cleanup = close;
      streams.open.add(close);
      signal.addEventListener("abort", close);
      send(encoder.encode(`retry: 1000\n\n`));
      try {
        for (const entry of await replayFrom(mapId, since)) deliver({ kind: "op", entry });
      } catch (error) {
        console.error("replay failed", error);
        close();
        return;
      }
      replaying = false;
      for (const event of buffered.splice(0)) deliver(event);
      const here = currentPresence(mapId);
      if (here.peers.length > 0) deliver({ kind: "presence", payload: here });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}

export async function replayFrom(mapId: string, since: number): Promise<LoggedOp[]> {
  const client = await readDb();
  const entries: LoggedOp[] = [];
  let after = since;
  for (;;) {
    const rows = await client.op.findMany({ where: { mapId, revision: { gt: after } }, orderBy: { revision: "asc" }, take: REPLAY_PAGE });
    for (const row of rows) entries.push({ revision: row.revision, clientId: row.clientId, clientOpId: row.clientOpId, author: row.author, op: JSON.parse(row.payload) as Op });
    if (rows.length < REPLAY_PAGE) return entries;
    after = rows[rows.length - 1]!.revision;
  }
}

/** `Last-Event-ID` (sent by a reconnecting EventSource) wins over the `since` query parameter. */
export function sinceOf(request: Request): number {
  const header = Number(request.headers.get("last-event-id"));
  if (Number.isSafeInteger(header) && header >= 0 && request.headers.has("last-event-id")) return header;
  const query = Number(new URL(request.url).searchParams.get("since") ?? "0");
  return Number.isSafeInteger(query) && query >= 0 ? query : 0;
}
