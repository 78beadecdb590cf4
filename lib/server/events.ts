/**
 * A map's event stream (Server-Sent Events): replays the op log after `since`, then forwards live
 * events from the broadcaster. Subscribes before replaying, so nothing committed in between is lost,
 * and skips what the replay already sent. Heartbeats keep proxies from closing an idle stream.
 */
import type { Op } from "../map/ops";
import type { Role } from "../map/types";
import { broadcaster, type LoggedOp, type MapEvent, type RoomEvent } from "./broadcaster";
import { readDb } from "./db";
import { AppError } from "./errors";
import { currentPresence } from "./presence";
import { currentLeader, leadSnapshot, roomSettings, seesPresenterEvents } from "./leading";
import { loadSession, openingRoomEvents } from "./reactions";
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
    bytes = event.kind === "op" ? frame("op", event.entry, event.entry.revision) : event.kind === "room" ? frame(event.name, event.payload) : frame("presence", event.payload);
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

/** Where a stream's frames go: an HTTP response, or a test's buffer. */
export interface EventSink {
  /** False when the frame cannot be sent (the client is gone, or too far behind): the stream then closes. */
  write(bytes: Uint8Array): boolean;
  end(): void;
  /** Called once when the client goes away. */
  onClose(listener: () => void): void;
}

/**
 * Streams the map's events into the sink `open` returns, until the client leaves, its link is
 * revoked or the server shuts down. Refuses (503) while the server is shutting down, before any
 * sink is opened. A client that is closed for being too slow reconnects and resumes by replay.
 * The link's `role` decides which classroom events it gets: the presenter's tallies and raised
 * hands go only to links that may lead (lib/server/leading.ts).
 */
export function streamEvents(mapId: string, linkId: string, since: number, open: () => EventSink, clientId: string | null = null, role: Role = "view"): void {
  if (streams.shuttingDown) throw new AppError("unavailable", "The server is restarting.", { connection: "close", "retry-after": "2" });
  const sink = open();
  let lastSent = since;
  let replaying = true;
  const buffered: MapEvent[] = [];
  let closed = false;
  // Frames queued in one tick go out as one write: under load many ops share one chunk.
  let outbox: Uint8Array[] = [];
  const flush = () => {
    const chunks = outbox;
    outbox = [];
    if (closed || chunks.length === 0) return;
    if (!sink.write(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))) close();
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
  const unsubscribe = broadcaster().subscribe(mapId, (event) => (replaying ? buffered.push(event) : deliver(event)));
  const heartbeat = setInterval(() => send(encoder.encode(`: keep-alive\n\n`)), HEARTBEAT_MS);
  const close = () => {
    if (closed) return;
    flush(); // the last frames (a "revoked" notice) go out first; a failed write closes from inside
    if (closed) return;
    closed = true;
    streams.open.delete(close);
    clearInterval(heartbeat);
    unsubscribe();
    sink.end();
  };
  streams.open.add(close);
  sink.onClose(close);
  send(encoder.encode(`retry: 1000\n\n`));
  // Subscribed before replaying: what commits meanwhile waits in `buffered`, and repeats are skipped.
  replayFrom(mapId, since).then(
    async (entries) => {
      for (const entry of entries) deliver({ kind: "op", entry });
      await loadRoom(mapId).catch((error: unknown) => console.error("reading the room's state failed", error));
      // From here on nothing waits: the room's state is read, and what was buffered before it goes first.
      replaying = false;
      for (const event of buffered.splice(0)) deliver(event);
      const here = currentPresence(mapId);
      if (here.peers.length > 0) deliver({ kind: "presence", payload: here });
      openingRoom(mapId, role).forEach(deliver);
    },
    (error: unknown) => {
      console.error("replay failed", error);
      close();
    },
  );
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
export function sinceOf(lastEventId: string | undefined, since: string | undefined): number {
  const header = Number(lastEventId);
  if (lastEventId !== undefined && lastEventId !== "" && Number.isSafeInteger(header) && header >= 0) return header;
  const query = Number(since ?? "0");
  return Number.isSafeInteger(query) && query >= 0 ? query : 0;
}
