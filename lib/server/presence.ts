/**
 * Presence hub: keeps the latest presence of each person per map in memory and publishes changes
 * at most PRESENCE_HZ times a second per map, however fast pointers move. Nothing here is stored.
 *
 * People leave within 5 s when their browser dies: every tab heartbeats every HEARTBEAT_MS
 * (lib/sync/presence-client), a sweep drops whoever has been silent for PRESENCE_TTL_MS, and when
 * a tab's event stream closes (tab killed, network gone) its presence is given only STREAM_GRACE_MS
 * more, enough for the stream to reopen after a blip. A heartbeat that changes nothing refreshes
 * the deadline without being sent to everyone again.
 *
 * Each presence speaks for the link and tab that sent it (presence-senders.ts) and carries that
 * link's role; `presenting` is the leader's step, relayed only from the stage that leads the room
 * (leading.ts decides who leads; what a client claims is ignored). A map holds at most so many
 * people and bytes of presence (config.ts), so what a new viewer receives is bounded.
 *
 * With several instances, each sends the others what changed among the people connected to it (a
 * signal per flush, so at most PRESENCE_HZ a second per map), and, at most every ALIVE_SIGNAL_MS,
 * who merely heartbeated, so they stay on the other instances' screens; it merges what it receives
 * into its own room, flushed on the same clock. Each instance holds the people connected to it to
 * the map's limits; those of the others are taken as they come (the other instance checked them).
 */
import type { Presence, PresenceBatch, PresenceUpdate } from "../map/presence";
import type { Role } from "../map/types";
import { broadcaster } from "./broadcaster";
import { presenceLimits } from "./config";
import { AppError } from "./errors";
import { claimClientId } from "./presence-senders";
import { processWide } from "./process-wide";
import { sendSignal } from "./signals";

export const PRESENCE_HZ = 30;
/** A tab heartbeats every 1.5 s; three missed beats and it is gone. */
export const PRESENCE_TTL_MS = 4_000;
/** After a tab's stream closes: long enough for EventSource to reconnect (it retries after 1 s). */
export const STREAM_GRACE_MS = 2_500;
const SWEEP_MS = 500;
/** How often, at most, the people who only heartbeated are named to the other instances (well within PRESENCE_TTL_MS). */
const ALIVE_SIGNAL_MS = 1_000;

interface Peer {
  presence: Presence;
  /** JSON of the presence, to tell a bare heartbeat from a change. */
  shown: string;
  /** When it is dropped unless heard from again. */
  deadline: number;
  /** The JSON size of the presence, for the per-map budget. */
  bytes: number;
}

interface Room {
  peers: Map<string, Peer>;
  /** The bytes of every peer's presence together. */
  bytes: number;
  /** Open event streams per client id. */
  streams: Map<string, number>;
  changed: Set<string>;
  left: Set<string>;
  /** People whose presence came from another instance: not sent on again. */
  remote: Set<string>;
  /** People connected here who heartbeated since the others were last told. */
  alive: Set<string>;
  lastAliveSignal: number;
  timer?: ReturnType<typeof setTimeout>;
  sweeper?: ReturnType<typeof setInterval>;
  lastFlush: number;
}

const rooms = processWide("presence", () => new Map<string, Room>());

function roomOf(mapId: string): Room {
  let room = rooms.get(mapId);
  if (!room) rooms.set(mapId, (room = { peers: new Map(), bytes: 0, streams: new Map(), changed: new Set(), left: new Set(), remote: new Set(), alive: new Set(), lastAliveSignal: 0, lastFlush: 0 }));
  return room;
}

/** Who sent a heartbeat: their link, its role, and the step they lead the room at (null: they do not lead). */
export interface PresenceSender {
  linkId: string;
  role: Role;
  leadsAt?: number | null;
}

/** Records a heartbeat; refuses (403) one that speaks for someone else, (429) one that would overfill the map. */
export function updatePresence(mapId: string, update: PresenceUpdate, sender: PresenceSender, now = Date.now()): void {
  const room = roomOf(mapId);
  // Whoever this finds past their deadline must be announced as gone, even if this heartbeat is refused.
  let changed = expire(room, now);
  try {
    const { key, ...sent } = update;
    claimClientId(mapId, sent.clientId, { linkId: sender.linkId, key }, (clientId) => room.peers.has(clientId), now);
    if (sent.leaving) {
      if (removePeer(room, sent.clientId)) {
        depart(room, sent.clientId);
        changed = true;
      }
      return;
    }
    const presence: Presence = { ...sent, presenting: sender.leadsAt == null ? null : { step: sender.leadsAt }, role: sender.role };
    const shown = JSON.stringify(presence);
    const bytes = shown.length;
    const before = room.peers.get(sent.clientId);
    if (!before && room.peers.size >= presenceLimits.peersPerMap()) throw mapFull("people");
    if (room.bytes - (before?.bytes ?? 0) + bytes > presenceLimits.bytesPerMap()) throw mapFull("presence data");
    room.bytes += bytes - (before?.bytes ?? 0);
    // A tab whose stream is not open (yet) is on the short deadline too.
    const ttl = room.streams.get(sent.clientId) === 0 ? STREAM_GRACE_MS : PRESENCE_TTL_MS;
    room.peers.set(sent.clientId, { presence, shown, deadline: now + ttl, bytes });
    room.left.delete(sent.clientId);
    room.remote.delete(sent.clientId);
    room.alive.add(sent.clientId);
    if (before?.shown !== shown) {
      room.changed.add(sent.clientId);
      changed = true;
    }
  } finally {
    keepSweeping(mapId, room);
    if (changed) schedule(mapId, room, now);
    forgetIfEmpty(mapId, room);
  }
}

/**
 * What another instance's people did: changes merged here and delivered on this room's clock (not
 * sent on), and `alive`, those who only heartbeated there, kept for another PRESENCE_TTL_MS.
 */
export function receivePresence(mapId: string, batch: PresenceBatch, alive: readonly string[] = [], now = Date.now()): void {
  const room = roomOf(mapId);
  let changed = expire(room, now);
  for (const presence of batch.peers) {
    const shown = JSON.stringify(presence);
    const before = room.peers.get(presence.clientId);
    room.bytes += shown.length - (before?.bytes ?? 0);
    room.peers.set(presence.clientId, { presence, shown, deadline: now + PRESENCE_TTL_MS, bytes: shown.length });
    room.left.delete(presence.clientId);
    room.remote.add(presence.clientId);
    if (before?.shown !== shown) {
      room.changed.add(presence.clientId);
      changed = true;
    }
  }
  for (const clientId of batch.left) {
    if (!removePeer(room, clientId)) continue;
    depart(room, clientId);
    room.remote.add(clientId);
    changed = true;
  }
  for (const clientId of alive) {
    const peer = room.remote.has(clientId) ? room.peers.get(clientId) : undefined;
    if (peer) peer.deadline = now + PRESENCE_TTL_MS;
  }
  keepSweeping(mapId, room);
  if (changed) schedule(mapId, room, now);
  forgetIfEmpty(mapId, room);
}

/** Names those connected here who only heartbeated to the other instances, at most every ALIVE_SIGNAL_MS. */
function shareAlive(mapId: string, room: Room, now: number): void {
  if (room.alive.size === 0 || now - room.lastAliveSignal < ALIVE_SIGNAL_MS) return;
  const alive = [...room.alive].filter((clientId) => room.peers.has(clientId) && !room.remote.has(clientId));
  room.alive.clear();
  room.lastAliveSignal = now;
  if (alive.length > 0) sendSignal({ t: "presence", m: mapId, b: { peers: [], left: [] }, a: alive }).catch((error: unknown) => console.error("presence signal failed", error));
}

const mapFull = (what: string) =>
  new AppError("rate_limited", `This map has as many ${what} present as it can show; yours will appear when someone leaves.`, { "Retry-After": String(Math.ceil(PRESENCE_TTL_MS / 1000)) });

/** Returns whether the client was here. */
function removePeer(room: Room, clientId: string): boolean {
  const peer = room.peers.get(clientId);
  if (!peer) return false;
  room.peers.delete(clientId);
  room.bytes -= peer.bytes;
  return true;
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
  forgetIfEmpty(mapId, room);
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
    removePeer(room, clientId);
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
    shareAlive(mapId, room, now);
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
  const ours: PresenceBatch = { peers: batch.peers.filter((presence) => !room.remote.has(presence.clientId)), left: batch.left.filter((clientId) => !room.remote.has(clientId)) };
  for (const clientId of room.left) room.remote.delete(clientId);
  room.changed.clear();
  room.left.clear();
  if (batch.peers.length > 0 || batch.left.length > 0) broadcaster().publish(mapId, { kind: "presence", payload: batch });
  if (ours.peers.length > 0 || ours.left.length > 0) sendSignal({ t: "presence", m: mapId, b: ours }).catch((error: unknown) => console.error("presence signal failed", error));
  forgetIfEmpty(mapId, room);
}

function forgetIfEmpty(mapId: string, room: Room): void {
  const streaming = [...room.streams.values()].some((count) => count > 0);
  if (room.peers.size === 0 && !room.timer && !room.sweeper && !streaming && rooms.get(mapId) === room) rooms.delete(mapId);
}
