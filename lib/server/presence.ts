/**
 * Presence hub: keeps the latest presence of each person per map in memory and publishes changes
 * at most PRESENCE_HZ times a second per map, however fast pointers move. Nothing here is stored.
 *
 * People leave within 5 s when their browser dies: every tab heartbeats every HEARTBEAT_MS
 * (lib/sync/presence-client), a sweep drops whoever has been silent for PRESENCE_TTL_MS, and when
 * a tab's event stream closes (tab killed, network gone) its presence is given only STREAM_GRACE_MS
 * more, enough for the stream to reopen after a blip. A heartbeat that changes nothing refreshes
 * the deadline without being sent to everyone again.
 */
import type { Presence, PresenceBatch } from "../map/presence";
import { broadcaster } from "./broadcaster";
import { processWide } from "./process-wide";

export const PRESENCE_HZ = 30;
/** A tab heartbeats every 1.5 s; three missed beats and it is gone. */
export const PRESENCE_TTL_MS = 4_000;
/** After a tab's stream closes: long enough for EventSource to reconnect (it retries after 1 s). */
export const STREAM_GRACE_MS = 2_500;
const SWEEP_MS = 500;

interface Peer {
  presence: Presence;
  /** JSON of the presence, to tell a bare heartbeat from a change. */
  shown: string;
  /** When it is dropped unless heard from again. */
  deadline: number;
}

interface Room {
  peers: Map<string, Peer>;
  /** Open event streams per client id. */
  streams: Map<string, number>;
  changed: Set<string>;
  left: Set<string>;
  timer?: ReturnType<typeof setTimeout>;
  sweeper?: ReturnType<typeof setInterval>;
  lastFlush: number;
}

const rooms = processWide("presence", () => new Map<string, Room>());

function roomOf(mapId: string): Room {
  let room = rooms.get(mapId);
  if (!room) rooms.set(mapId, (room = { peers: new Map(), streams: new Map(), changed: new Set(), left: new Set(), lastFlush: 0 }));
  return room;
}

export function updatePresence(mapId: string, presence: Presence, now = Date.now()): void {
  const room = roomOf(mapId);
  // Whoever this finds past their deadline must be announced as gone, even if nothing else changes.
  let changed = expire(room, now);
  if (presence.leaving) {
    if (room.peers.delete(presence.clientId)) {
      depart(room, presence.clientId);
      changed = true;
    }
  } else {
    const shown = JSON.stringify(presence);
    const before = room.peers.get(presence.clientId);
    // A tab whose stream is not open (yet) is on the short deadline too.
    const ttl = room.streams.get(presence.clientId) === 0 ? STREAM_GRACE_MS : PRESENCE_TTL_MS;
    room.peers.set(presence.clientId, { presence, shown, deadline: now + ttl });
    room.left.delete(presence.clientId);
    if (before?.shown !== shown) {
      room.changed.add(presence.clientId);
      changed = true;
    }
  }
  keepSweeping(mapId, room);
  if (changed) schedule(mapId, room, now);
}

/** A tab's event stream opened (its `client` parameter names it). */
export function streamOpened(mapId: string, clientId: string): void {
  const room = roomOf(mapId);
  room.streams.set(clientId, (room.streams.get(clientId) ?? 0) + 1);
}

/** A tab's event stream closed: unless it reopens (or heartbeats) soon, the tab has gone. */
export function streamClosed(mapId: string, clientId: string, now = Date.now()): void {
  const room = rooms.get(mapId);
  if (!room) return;
  const open = Math.max(0, (room.streams.get(clientId) ?? 1) - 1);
  room.streams.set(clientId, open);
  const peer = room.peers.get(clientId);
  if (open === 0 && peer) peer.deadline = Math.min(peer.deadline, now + STREAM_GRACE_MS);
  if (open === 0 && !peer) room.streams.delete(clientId);
  keepSweeping(mapId, room);
}

/** Everyone currently here, for a stream that has just opened: the whole room, replacing what it knew. */
export function currentPresence(mapId: string, now = Date.now()): PresenceBatch {
  const room = rooms.get(mapId);
  if (!room) return { peers: [], left: [], full: true };
  if (expire(room, now)) schedule(mapId, room, now);
  return { peers: [...room.peers.values()].map((peer) => peer.presence), left: [], full: true };
}

function depart(room: Room, clientId: string): void {
  room.changed.delete(clientId);
  room.left.add(clientId);
  if (room.streams.get(clientId) === 0) room.streams.delete(clientId);
}

/** Drops whoever is past their deadline; returns whether anyone was. */
function expire(room: Room, now: number): boolean {
  let any = false;
  for (const [clientId, peer] of room.peers) {
    if (now < peer.deadline) continue;
    room.peers.delete(clientId);
    depart(room, clientId);
    any = true;
  }
  return any;
}

/** While anyone is here, check deadlines every SWEEP_MS: a silent map still loses its ghosts. */
function keepSweeping(mapId: string, room: Room): void {
  if (room.sweeper || room.peers.size === 0) return;
  room.sweeper = setInterval(() => {
    const now = Date.now();
    if (expire(room, now)) schedule(mapId, room, now);
    if (room.peers.size === 0) {
      clearInterval(room.sweeper);
      room.sweeper = undefined;
      forgetIfEmpty(mapId, room);
    }
  }, SWEEP_MS);
  room.sweeper.unref?.();
}

function schedule(mapId: string, room: Room, now: number): void {
  if (room.timer) return;
  const wait = Math.max(0, room.lastFlush + Math.ceil(1000 / PRESENCE_HZ) - now);
  room.timer = setTimeout(() => flush(mapId, room), wait);
}

function flush(mapId: string, room: Room): void {
  room.timer = undefined;
  room.lastFlush = Date.now();
  const batch: PresenceBatch = {
    peers: [...room.changed].flatMap((id) => {
      const peer = room.peers.get(id);
      return peer ? [peer.presence] : [];
    }),
    left: [...room.left],
  };
  room.changed.clear();
  room.left.clear();
  if (batch.peers.length > 0 || batch.left.length > 0) broadcaster().publish(mapId, { kind: "presence", payload: batch });
  forgetIfEmpty(mapId, room);
}

function forgetIfEmpty(mapId: string, room: Room): void {
  const streaming = [...room.streams.values()].some((count) => count > 0);
  if (room.peers.size === 0 && !room.timer && !room.sweeper && !streaming && rooms.get(mapId) === room) rooms.delete(mapId);
}
