/**
 * Presence hub: keeps the latest presence of each person per map in memory and publishes changes
 * at most PRESENCE_HZ times a second per map, however fast pointers move. People who stop sending
 * heartbeats are dropped after PRESENCE_TTL_MS. Nothing here is stored.
 */
import type { Presence, PresenceBatch } from "../map/presence";
import { broadcaster } from "./broadcaster";
import { processWide } from "./process-wide";

export const PRESENCE_HZ = 30;
export const PRESENCE_TTL_MS = 30_000;

interface Room {
  peers: Map<string, { presence: Presence; seenAt: number }>;
  changed: Set<string>;
  left: Set<string>;
  timer?: ReturnType<typeof setTimeout>;
  lastFlush: number;
}

const rooms = processWide("presence", () => new Map<string, Room>());

function roomOf(mapId: string): Room {
  let room = rooms.get(mapId);
  if (!room) rooms.set(mapId, (room = { peers: new Map(), changed: new Set(), left: new Set(), lastFlush: 0 }));
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
  room.changed.clear();
  room.left.clear();
  if (batch.peers.length > 0 || batch.left.length > 0) broadcaster().publish(mapId, { kind: "presence", payload: batch });
  if (room.peers.size === 0 && !room.timer) rooms.delete(mapId);
}
