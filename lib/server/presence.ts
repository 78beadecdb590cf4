/**
 * Presence hub: keeps the latest presence of each person per map in memory and publishes changes
 * at most PRESENCE_HZ times a second per map, however fast pointers move. People who stop sending
 * heartbeats are dropped after PRESENCE_TTL_MS. Nothing here is stored.
 * Each presence speaks for the link and tab that sent it (presence-senders.ts) and carries that
 * link's role; `presenting` is the leader's step, relayed only from the stage that leads the room
 * (leading.ts decides who leads; what a client claims is ignored). A map holds at
 * most so many people and bytes of presence (config.ts), so what a new viewer receives is bounded.
 */
import type { Presence, PresenceBatch, PresenceUpdate } from "../map/presence";
import type { Role } from "../map/types";
import { broadcaster } from "./broadcaster";
import { presenceLimits } from "./config";
import { AppError } from "./errors";
import { claimClientId } from "./presence-senders";
import { processWide } from "./process-wide";

export const PRESENCE_HZ = 30;
export const PRESENCE_TTL_MS = 30_000;

interface Room {
  peers: Map<string, { presence: Presence; seenAt: number; bytes: number }>;
  /** The JSON size of every peer's presence, for the per-map budget. */
  bytes: number;
  changed: Set<string>;
  left: Set<string>;
  timer?: ReturnType<typeof setTimeout>;
  lastFlush: number;
}

const rooms = processWide("presence", () => new Map<string, Room>());

function roomOf(mapId: string): Room {
  let room = rooms.get(mapId);
  if (!room) rooms.set(mapId, (room = { peers: new Map(), bytes: 0, changed: new Set(), left: new Set(), lastFlush: 0 }));
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
  expire(room, now);
  const { key, ...sent } = update;
  claimClientId(mapId, sent.clientId, { linkId: sender.linkId, key }, (clientId) => room.peers.has(clientId), now);
  if (sent.leaving) {
    removePeer(room, sent.clientId);
    room.changed.delete(sent.clientId);
    room.left.add(sent.clientId);
  } else {
    const presence: Presence = { ...sent, presenting: sender.leadsAt == null ? null : { step: sender.leadsAt }, role: sender.role };
    const bytes = JSON.stringify(presence).length;
    const before = room.peers.get(sent.clientId);
    if (!before && room.peers.size >= presenceLimits.peersPerMap()) throw mapFull("people");
    if (room.bytes - (before?.bytes ?? 0) + bytes > presenceLimits.bytesPerMap()) throw mapFull("presence data");
    room.bytes += bytes - (before?.bytes ?? 0);
    room.peers.set(sent.clientId, { presence, seenAt: now, bytes });
    room.changed.add(sent.clientId);
    room.left.delete(sent.clientId);
  }
  schedule(mapId, room, now);
}

const mapFull = (what: string) =>
  new AppError("rate_limited", `This map has as many ${what} present as it can show; yours will appear when someone leaves.`, { "Retry-After": String(PRESENCE_TTL_MS / 1000) });

function removePeer(room: Room, clientId: string): void {
  const peer = room.peers.get(clientId);
  if (!peer) return;
  room.peers.delete(clientId);
  room.bytes -= peer.bytes;
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
      removePeer(room, clientId);
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
