/**
 * A map's event stream (Server-Sent Events): replays the op log after `since`, then forwards live
 * events from the broadcaster. The replay goes page by page, each op written as the log holds it
 * (not parsed and written again), and waits for the client to take what was sent before reading
 * more: a stream holds at most a page and a little buffer, whatever the log's length and however
 * slowly the client reads. Live ops and presence that arrive meanwhile are not kept: the replay
 * reads on until it has the ops from the log, and then sends who is here; the few room events
 * (classroom) are kept and sent after it, then the room's state. A stream whose client leaves bytes
 * unread past a budget (ARGUMAP_STREAM_BUFFER_BYTES), or takes nothing for STALLED_MS during the
 * replay, is closed; the client reconnects and resumes from its last event. Heartbeats keep
 * proxies from closing an idle stream.
 *
 * Live ops come from the map's feed (map-feed.ts), in order and without gaps, whichever instance
 * committed them; the stream watches the map before its replay's last read, so every op after the
 * feed's baseline reaches it live or in the replay.
 */
import type { Op } from "../map/ops";
import type { Role } from "../map/types";
import { broadcaster, type LoggedOp, type MapEvent, type RoomEvent } from "./broadcaster";
import { streamBufferBytes } from "./config";
import { readDb } from "./db";
import { AppError } from "./errors";
import { releaseMap, watchMap } from "./map-feed";
import { currentPresence, streamClosed, streamOpened } from "./presence";
import { currentLeader, leadSnapshot, roomSettings, seesPresenterEvents } from "./leading";
import { loadSession, openingRoomEvents } from "./reactions";
import { processWide } from "./process-wide";

export { replayFrom } from "./op-log";

const HEARTBEAT_MS = 15_000;
/** Ops read from the log at a time. */
const REPLAY_PAGE = 25;
/** The replay waits for the client to read once this much is waiting to go out. */
const REPLAY_HIGH_WATER = 32 * 1024;
/**
 * Pages being read and written at once, across all streams: 200 clients opening `?since=0` on a
 * long log take turns instead of all reading the log into memory together.
 */
const REPLAY_SLOTS = 4;
/** A client that takes nothing for this long during the replay is not reading. */
const STALLED_MS = 30_000;
/** Room events (lead changes, tallies, summons) kept for a stream while it replays. */
const MAX_ROOM_EVENTS_WHILE_REPLAYING = 64;
const encoder = new TextEncoder();
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function frame(event: string, data: unknown, id?: number): Uint8Array {
  return encoder.encode(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

interface LogRow {
  revision: number;
  clientId: string;
  clientOpId: string;
  author: string;
  payload: string;
}

/** A logged op's frame, with its payload as stored (the same JSON a live frame carries). */
function logFrame(row: LogRow): Uint8Array {
  // The log stores JSON.stringify output, which never holds a raw line break; anything else is re-encoded.
  if (row.payload.includes("\n")) return frame("op", entryOf(row), row.revision);
  const head = `{"revision":${row.revision},"clientId":${JSON.stringify(row.clientId)},"clientOpId":${JSON.stringify(row.clientOpId)},"author":${JSON.stringify(row.author)},"op":`;
  return encoder.encode(`id: ${row.revision}\nevent: op\ndata: ${head}${row.payload}}\n\n`);
}

const entryOf = (row: LogRow): LoggedOp => ({ revision: row.revision, clientId: row.clientId, clientOpId: row.clientOpId, author: row.author, op: JSON.parse(row.payload) as Op });

/** One event reaches every listener of a map: encode it once, not once per listener. */
const encoded = new WeakMap<MapEvent, Uint8Array>();
function frameOf(event: Exclude<MapEvent, { kind: "revoked" }>): Uint8Array {
  let bytes = encoded.get(event);
  if (!bytes) {
    bytes = event.kind === "op" ? frame("op", event.entry, event.entry.revision) : event.kind === "room" ? frame(event.name, event.payload) : frame("presence", event.payload);
    encoded.set(event, bytes);
  }
  return bytes;
}

/** Every open stream's close function: a shutting-down server ends them (clients reconnect). */
const streams = processWide("streams", () => ({ open: new Map<() => void, { mapId: string; linkId: string }>(), shuttingDown: false }));
const replaySlots = processWide("replay-slots", () => ({ free: REPLAY_SLOTS, waiting: [] as (() => void)[] }));

async function inReplaySlot<T>(work: () => Promise<T>): Promise<T> {
  if (replaySlots.free > 0) replaySlots.free -= 1;
  else await new Promise<void>((resolve) => replaySlots.waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = replaySlots.waiting.shift();
    if (next) next();
    else replaySlots.free += 1;
  }
}

/** The map and link of every open stream (a resync checks their links are still valid). */
export function openStreams(): { mapId: string; linkId: string }[] {
  return [...streams.open.values()];
}

/** Ends every stream, and refuses new ones: a browser would reopen its stream over a kept-alive socket. */
export function closeAllStreams(): void {
  streams.shuttingDown = true;
  for (const close of [...streams.open.keys()]) close();
}

/** `next start` waits for open responses before it exits, and event streams never end by themselves. */
export function closeStreamsOnShutdown(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, closeAllStreams);
}

/** Where a stream's frames go: an HTTP response, or a test's buffer. */
export interface EventSink {
  /** False when the frame cannot be sent (the client is gone, or too far behind): the stream then closes. */
  write(bytes: Uint8Array): boolean;
  /** Bytes written and not yet taken by the client. */
  buffered(): number;
  /** Resolves once the client has taken what was buffered (or the stream closed). */
  drained(): Promise<void>;
  end(): void;
  /** Called once when the client goes away. */
  onClose(listener: () => void): void;
}

/**
 * Streams the map's events into the sink `open` returns, until the client leaves, its link is
 * revoked or the server shuts down. Refuses (503) while the server is shutting down, before any
 * sink is opened. A client that is closed for being too slow reconnects and resumes by replay.
 * The link's `role` decides which classroom events it gets: the presenter's tallies and raised
 * hands go only to links that may lead (lib/server/leading.ts). `clientId` names the tab on the
 * other end: when its stream closes, its presence soon goes too.
 */
export function streamEvents(mapId: string, linkId: string, since: number, open: () => EventSink, clientId: string | null = null, role: Role = "view"): void {
  if (streams.shuttingDown) throw new AppError("unavailable", "The server is restarting.", { connection: "close", "retry-after": "2" });
  const sink = open();
  const budget = streamBufferBytes();
  let lastSent = since;
  let replaying = true;
  /** The newest revision published while replaying: the replay reads on until it has sent it. */
  let publishedWhileReplaying = 0;
  let closed = false;
  // Frames queued in one tick go out as one write: under load many ops share one chunk.
  let outbox: Uint8Array[] = [];
  const flush = () => {
    const chunks = outbox;
    outbox = [];
    if (closed || chunks.length === 0) return;
    if (!sink.write(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)) || sink.buffered() > budget) close();
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
    else if (event.kind === "room") {
      if (event.audience === "everyone" || seesPresenterEvents(mapId, role)) send(frameOf(event));
    } else if (event.linkId === linkId) {
      send(frame("revoked", {}));
      close();
    }
  };
  /** Room events published while replaying, sent after it (the room's snapshot follows them). */
  const roomWhileReplaying: RoomEvent[] = [];
  const unsubscribe = broadcaster().subscribe(mapId, (event) => {
    if (!replaying) return deliver(event);
    // Ops are in the log (committed before they are published), and presence is sent whole after the replay.
    if (event.kind === "op") publishedWhileReplaying = Math.max(publishedWhileReplaying, event.entry.revision);
    else if (event.kind === "revoked") deliver(event);
    // Bounded: a stream whose client never reads must not collect them forever.
    else if (event.kind === "room" && roomWhileReplaying.push(event) > MAX_ROOM_EVENTS_WHILE_REPLAYING) roomWhileReplaying.shift();
  });
  const heartbeat = setInterval(() => send(encoder.encode(`: keep-alive\n\n`)), HEARTBEAT_MS);
  const close = () => {
    if (closed) return;
    flush(); // the last frames (a "revoked" notice) go out first; a failed write closes from inside
    if (closed) return;
    closed = true;
    streams.open.delete(close);
    clearInterval(heartbeat);
    unsubscribe();
    if (clientId) streamClosed(mapId, clientId);
    releaseMap(mapId);
    sink.end();
  };
  if (clientId) streamOpened(mapId, clientId);
  streams.open.set(close, { mapId, linkId });
  sink.onClose(close);
  send(encoder.encode(`retry: 1000\n\n`));

  const replay = async () => {
    // Subscribed, then the feed's baseline, then the log: nothing committed in between is lost.
    await watchMap(mapId);
    const client = await readDb();
    for (;;) {
      // A page is read and written in one turn; the wait for the client to read is outside it.
      const read = await inReplaySlot(async () => {
        if (closed) return 0;
        const rows: LogRow[] = await client.op.findMany({
          where: { mapId, revision: { gt: lastSent } },
          orderBy: { revision: "asc" },
          take: REPLAY_PAGE,
          select: { revision: true, clientId: true, clientOpId: true, author: true, payload: true },
        });
        for (const row of rows) {
          if (closed || !sink.write(logFrame(row))) return -1;
          lastSent = row.revision;
        }
        return rows.length;
      });
      if (read < 0) return close();
      if (sink.buffered() > REPLAY_HIGH_WATER && !(await drainedInTime(sink))) return close();
      if (closed) return;
      if (read < REPLAY_PAGE) {
        // The log is sent: read the room's state (which may wait), then look again for ops
        // committed meanwhile. Nothing can be published between this check and the switch.
        await loadRoom(mapId).catch((error: unknown) => console.error("reading the room's state failed", error));
        if (publishedWhileReplaying <= lastSent) break;
      }
      // SQLite answers synchronously and a socket takes writes until the kernel's buffers are full
      // (megabytes), so without this a replay runs page after page in microtasks and no other
      // request is even read: 200 streams opened at once kept a bystander waiting for seconds.
      await nextTurn();
    }
    replaying = false;
    for (const event of roomWhileReplaying.splice(0)) deliver(event);
    // Always, even when nobody is here: a reconnecting client forgets whoever left meanwhile.
    deliver({ kind: "presence", payload: currentPresence(mapId) });
    openingRoom(mapId, role).forEach(deliver);
  };
  // The "retry" line first, then the log.
  queueMicrotask(() => {
    flush();
    replay().catch((error: unknown) => {
      console.error("replay failed", error);
      close();
    });
  });
}

function drainedInTime(sink: EventSink): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), STALLED_MS);
    void sink.drained().then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function loadRoom(mapId: string): Promise<void> {
  await roomSettings(mapId);
  const leader = currentLeader(mapId);
  if (leader) await loadSession(leader.sessionId);
}

/** Who leads (always, so a client learns the room's settings) and, during a presentation, its results so far. */
function openingRoom(mapId: string, role: Role): RoomEvent[] {
  const lead = leadSnapshot(mapId);
  const events: RoomEvent[] = [{ kind: "room", name: "lead", payload: lead, audience: "everyone" }];
  if (lead.leader) events.push(...openingRoomEvents(lead.leader.sessionId, seesPresenterEvents(mapId, role)));
  return events;
}

/** `Last-Event-ID` (sent by a reconnecting EventSource) wins over the `since` query parameter. */
export function sinceOf(lastEventId: string | undefined, since: string | undefined): number {
  const header = Number(lastEventId);
  if (lastEventId !== undefined && lastEventId !== "" && Number.isSafeInteger(header) && header >= 0) return header;
  const query = Number(since ?? "0");
  return Number.isSafeInteger(query) && query >= 0 ? query : 0;
}
