/**
 * Presence hub: keeps the latest presence of each person per map in memory and publishes changes
 * at most PRESENCE_HZ times a second per map, however fast pointers move. People who stop sending
 * heartbeats are dropped after PRESENCE_TTL_MS. Nothing here is stored.
 *
 * With several instances, each sends what changed among the people connected to it to the others
 * (a signal per flush, so at most PRESENCE_HZ a second per map), and merges what it receives into
 * its own room, flushed on the same clock: a listener still gets at most PRESENCE_HZ batches a second.
 */
import type { Presence, PresenceBatch } from "../map/presence";
import { broadcaster } from "./broadcaster";
import { processWide } from "./process-wide";
import { sendSignal } from "./signals";

export const PRESENCE_HZ = 30;
export const PRESENCE_TTL_MS = 30_000;

interface Room {
  peers: Map<string, { presence: Presence; seenAt: number }>;
  changed: Set<string>;
  left: Set<string>;
  /** People whose presence came from another instance: not sent on again. */
  remote: Set<string>;
  timer?: ReturnType<typeof setTimeout>;
  lastFlush: number;
}

const rooms = processWide("presence", () => new Map<string, Room>());

function roomOf(mapId: string): Room {
  let room = rooms.get(mapId);
  if (!room) rooms.set(mapId, (room = { peers: new Map(), changed: new Set(), left: new Set(), remote: new Set(), lastFlush: 0 }));
  return room;
}

export function updatePresence(mapId: string, presence: Presence, now = Date.now()): void {
  const room = roomOf(mapId);
  expire(room, now);
  if (presence.leaving) {
    room.peers.delete(presence.clientId);
    room.changed.delete(presence.clientId);
    room.left.add(presence.clientId);
  } else {
    room.peers.set(presence.clientId, { presence, seenAt: now });
    room.changed.add(presence.clientId);
    room.left.delete(presence.clientId);
  }
  room.remote.delete(presence.clientId);
  schedule(mapId, room, now);
}

/** What another instance's people did: merged here, delivered on this room's clock, not sent on. */
export function receivePresence(mapId: string, batch: PresenceBatch, now = Date.now()): void {
  const room = roomOf(mapId);
  expire(room, now);
  for (const presence of batch.peers) {
    room.peers.set(presence.clientId, { presence, seenAt: now });
    room.changed.add(presence.clientId);
    room.left.delete(presence.clientId);
    room.remote.add(presence.clientId);
  }
  for (const clientId of batch.left) {
    room.peers.delete(clientId);
    room.changed.delete(clientId);
    room.left.add(clientId);
    room.remote.add(clientId);
  }
  schedule(mapId, room, now);
}

/** Everyone currently here, for a stream that has just opened. */
export function currentPresence(mapId: string, now = Date.now()): PresenceBatch {
  const room = rooms.get(mapId);
  if (!room) return { peers: [], left: [] };
  expire(room, now);
  return { peers: [...room.peers.values()].map((peer) => peer.presence), left: [] };
}

function expire(room: Room, now: number): void {
  for (const [clientId, peer] of room.peers) {
    if (now - peer.seenAt > PRESENCE_TTL_MS) {
      room.peers.delete(clientId);
      room.changed.delete(clientId);
      room.left.add(clientId);
    }
  }
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
  if (room.peers.size === 0 && !room.timer) rooms.delete(mapId);
}
