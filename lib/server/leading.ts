/**
 * Who leads each map's room (lib/map/room/lead.ts): at most one leader per map, chosen here and
 * announced on the event stream, never taken from what a client claims. The owner always may lead
 * and takes the lead back at once; editors may when the owner allows it and nobody else leads; a
 * view link never. A leader that stops heartbeating is released within LEAD_TTL_MS.
 *
 * The state is in memory, per process, behind these functions. With several app instances on one
 * PostgreSQL, each instance keeps a copy of every room's leader (signals.ts: each change and each
 * heartbeat is sent to the others), so a follower, or the stage's next heartbeat, may reach any
 * instance. What must outlive a restart (the session, its reactions) is in the database
 * (presentation-sessions.ts, reactions.ts).
 */
import { DEFAULT_ROOM_SETTINGS, mayLead, type Leader, type LeadChange, type LeadRequest, type LeadState, type RoomSettings, type Summon } from "../map/room/lead";

/** The one rule of who may lead (lib/map/room/lead.ts), as the presence hub asks it. */
export { mayLead };
export type LeadSettings = RoomSettings;
export const DEFAULT_LEAD_SETTINGS: LeadSettings = DEFAULT_ROOM_SETTINGS;
import { broadcaster } from "./broadcaster";
import { db, readDb } from "./db";
import { AppError } from "./errors";
import type { Access } from "./links";
import { closeSession, openSession } from "./presentation-sessions";
import { processWide } from "./process-wide";
import { stepShown } from "./reactions";
import { sendSignal } from "./signals";

/** A stage heartbeats every 1.5 s (components/present/useLeading.ts): three missed beats and the room is released. */
export const LEAD_TTL_MS = 4_500;
const SWEEP_MS = 500;

interface HeldLead extends Leader {
  linkId: string;
  deadline: number;
}

interface LeadRoom {
  leader: HeldLead | null;
  /** Null until read from the database. */
  settings: RoomSettings | null;
  summons: number;
  /** Requests for one map run one at a time: opening a session is asynchronous. */
  queue: Promise<unknown>;
  sweeper?: ReturnType<typeof setInterval>;
}

const rooms = processWide("lead-rooms", () => new Map<string, LeadRoom>());

function roomOf(mapId: string): LeadRoom {
  let room = rooms.get(mapId);
  if (!room) rooms.set(mapId, (room = { leader: null, settings: null, summons: 0, queue: Promise.resolve() }));
  return room;
}

function exclusive<T>(room: LeadRoom, task: () => Promise<T>): Promise<T> {
  const run = room.queue.then(task, task);
  room.queue = run.catch(() => undefined);
  return run;
}

async function settingsOf(mapId: string, room: LeadRoom): Promise<RoomSettings> {
  if (room.settings) return room.settings;
  const row = await (await readDb()).map.findUnique({ where: { id: mapId }, select: { editorsMayLead: true } });
  room.settings = row ? { editorsMayLead: row.editorsMayLead } : DEFAULT_ROOM_SETTINGS;
  return room.settings;
}

const publicLeader = ({ linkId: _link, deadline: _deadline, ...leader }: HeldLead): Leader => leader;

function stateOf(room: LeadRoom, change: LeadChange, previous: HeldLead | null = null): LeadState {
  return {
    leader: room.leader && publicLeader(room.leader),
    settings: room.settings ?? DEFAULT_ROOM_SETTINGS,
    change,
    previous: previous && { clientId: previous.clientId, name: previous.name },
  };
}

function announce(mapId: string, room: LeadRoom, change: LeadChange, previous: HeldLead | null = null): LeadState {
  const state = stateOf(room, change, previous);
  broadcaster().publish(mapId, { kind: "room", name: "lead", payload: state, audience: "everyone" });
  share(mapId, room, state);
  return state;
}

/** Tells the other instances (if any) who leads now; `announced` null is a heartbeat that changed nothing. */
function share(mapId: string, room: LeadRoom, announced: LeadState | null): void {
  const held = room.leader && { ...publicLeader(room.leader), linkId: room.leader.linkId };
  sendSignal({ t: "lead", m: mapId, h: held, s: room.settings ?? DEFAULT_ROOM_SETTINGS, e: announced }).catch((error: unknown) => console.error("lead signal failed", error));
}

/**
 * Another instance's lead, copied here with a fresh deadline (its heartbeats renew it, and it
 * lapses here too if that instance dies) and announced to this instance's streams. A heartbeat
 * that shows a change this instance missed (a lost signal) is announced as well.
 */
export function leadElsewhere(mapId: string, held: (Leader & { linkId: string }) | null, settings: RoomSettings, announced: LeadState | null, now = Date.now()): void {
  const room = roomOf(mapId);
  const before = room.leader;
  room.settings = settings;
  room.leader = held && { ...held, deadline: now + LEAD_TTL_MS };
  keepSweeping(mapId, room);
  const missed = announced === null && (before?.clientId !== held?.clientId || before?.step !== held?.step);
  const state = announced ?? (missed ? stateOf(room, "snapshot") : null);
  if (state) broadcaster().publish(mapId, { kind: "room", name: "lead", payload: state, audience: "everyone" });
}

/** Another instance's "bring everyone to me", for the followers connected here. */
export function summonedElsewhere(mapId: string, summon: Summon): void {
  const room = roomOf(mapId);
  room.summons = Math.max(room.summons, summon.id);
  broadcaster().publish(mapId, { kind: "room", name: "summon", payload: summon, audience: "everyone" });
}

/** Ends the lead (the session closes; it resumes if someone leads again soon). */
function release(mapId: string, room: LeadRoom, change: LeadChange): LeadState {
  const previous = room.leader;
  room.leader = null;
  if (previous) void closeSession(previous.sessionId).catch((error: unknown) => console.error("closing a presentation session failed", error));
  return announce(mapId, room, change, previous);
}

function expire(mapId: string, room: LeadRoom, now: number): void {
  if (room.leader && now >= room.leader.deadline) release(mapId, room, "gone");
}

function keepSweeping(mapId: string, room: LeadRoom): void {
  if (room.sweeper || !room.leader) return;
  room.sweeper = setInterval(() => {
    expire(mapId, room, Date.now());
    if (!room.leader) {
      clearInterval(room.sweeper);
      room.sweeper = undefined;
    }
  }, SWEEP_MS);
  room.sweeper.unref?.();
}

const notAllowed = (access: Access) =>
  new AppError(
    "forbidden",
    access.role === "view"
      ? "A view link presents on its own screen only: nobody else's view follows it."
      : "Only the map's owner presents to everyone here, so your presentation stays on your screen. The owner can let editors lead.",
  );

/**
 * A stage asks to lead (take: pressing Present) or, while it leads, moves to a step and keeps the
 * lead alive. 403 when the link may not lead, 409 when someone else leads (or this stage no longer
 * does): the stage then presents privately and says why.
 */
export function requestLead(mapId: string, access: Access, request: LeadRequest, now = Date.now()): Promise<LeadState> {
  const room = roomOf(mapId);
  return exclusive(room, async () => {
    const settings = await settingsOf(mapId, room);
    if (!mayLead(access.role, settings)) throw notAllowed(access);
    expire(mapId, room, now);
    const current = room.leader;
    const mine = current !== null && current.clientId === request.clientId && current.linkId === access.linkId;
    if (!mine) {
      if (current && access.role !== "owner") throw new AppError("conflict", `${current.name} is presenting to everyone, so your presentation stays on your screen.`);
      if (!request.take) throw new AppError("conflict", "You are no longer presenting to everyone.");
    }
    const sessionId = current?.sessionId ?? (await openSession(mapId, request.name)).id;
    const step = Math.min(request.step, request.count - 1);
    room.leader = { clientId: request.clientId, name: request.name, colour: request.colour, role: access.role, step, count: request.count, sessionId, linkId: access.linkId, deadline: now + LEAD_TTL_MS };
    await stepShown(mapId, sessionId, step, request.nodeIds);
    keepSweeping(mapId, room);
    if (!current) return announce(mapId, room, "started");
    if (!mine) return announce(mapId, room, "taken-over", current);
    const same = current.step === step && current.count === request.count && current.name === request.name && current.colour === request.colour;
    if (!same) return announce(mapId, room, "step");
    share(mapId, room, null);
    return stateOf(room, "step");
  });
}

/**
 * Stops a lead: the leader's own stage (its client id, from its own link), or the owner stopping
 * whoever leads (no client id). Stopping a lead that is already over changes nothing.
 */
export function stopLead(mapId: string, access: Access, clientId: string | null): Promise<LeadState> {
  const room = roomOf(mapId);
  return exclusive(room, async () => {
    await settingsOf(mapId, room);
    const current = room.leader;
    if (clientId === null) {
      if (access.role !== "owner") throw new AppError("forbidden", "Only the map's owner can stop someone else's presentation.");
      return current ? release(mapId, room, current.linkId === access.linkId ? "stopped" : "stopped-by-owner") : stateOf(room, "snapshot");
    }
    if (!current || current.clientId !== clientId) return stateOf(room, "snapshot");
    if (current.linkId !== access.linkId && access.role !== "owner") throw new AppError("forbidden", "Only the presenter or the map's owner can stop this presentation.");
    return release(mapId, room, current.linkId === access.linkId ? "stopped" : "stopped-by-owner");
  });
}

/** The owner's setting. Turning editors' leading off stops an editor who leads. */
export function changeRoomSettings(mapId: string, settings: RoomSettings): Promise<LeadState> {
  const room = roomOf(mapId);
  return exclusive(room, async () => {
    await (await db()).map.update({ where: { id: mapId }, data: { editorsMayLead: settings.editorsMayLead } });
    room.settings = settings;
    if (room.leader && !mayLead(room.leader.role, settings)) return release(mapId, room, "not-allowed");
    return announce(mapId, room, "settings");
  });
}

/** "Bring everyone to me", from the owner or the leader: every follower's view goes there. */
export function summonRoom(mapId: string, access: Access, request: { clientId: string; name: string; view: Summon["view"] }): Summon {
  const room = roomOf(mapId);
  expire(mapId, room, Date.now());
  const leading = room.leader !== null && room.leader.clientId === request.clientId && room.leader.linkId === access.linkId;
  if (!leading && access.role !== "owner") throw new AppError("forbidden", "Only the map's owner or the person presenting can bring everyone to them.");
  const summon: Summon = { id: ++room.summons, by: { clientId: request.clientId, name: request.name }, step: leading ? room.leader!.step : null, view: leading ? null : request.view };
  broadcaster().publish(mapId, { kind: "room", name: "summon", payload: summon, audience: "everyone" });
  sendSignal({ t: "summon", m: mapId, e: summon }).catch((error: unknown) => console.error("summon signal failed", error));
  return summon;
}

/** What a stream is told when it opens (after roomSettings() has read the settings). */
export function leadSnapshot(mapId: string, now = Date.now()): LeadState {
  const room = roomOf(mapId);
  expire(mapId, room, now);
  return stateOf(room, "snapshot");
}

export async function roomSettings(mapId: string): Promise<RoomSettings> {
  return settingsOf(mapId, roomOf(mapId));
}

/** The current leader (for the reaction routes), or null. */
export function currentLeader(mapId: string, now = Date.now()): Leader | null {
  const room = rooms.get(mapId);
  if (!room) return null;
  expire(mapId, room, now);
  return room.leader && publicLeader(room.leader);
}

/** Whether a stream of this role gets the presenter's events (tallies, hands) now; settings as last read. */
export function seesPresenterEvents(mapId: string, role: Access["role"]): boolean {
  return mayLead(role, rooms.get(mapId)?.settings ?? DEFAULT_ROOM_SETTINGS);
}

/** For tests: forget every room. */
export function resetLeading(): void {
  for (const room of rooms.values()) clearInterval(room.sweeper);
  rooms.clear();
}

/** The room's results, hands and reveal are the presenter's: links that may lead. */
export async function requirePresenter(mapId: string, access: Access): Promise<void> {
  if (!mayLead(access.role, await roomSettings(mapId))) throw new AppError("forbidden", "Only the presenter (the map's owner, or its editors when the owner lets them lead) manages the room's reactions.");
}

/**
 * The step a presence heartbeat may carry as `presenting`: the leader's, and only when it comes
 * from the leading stage itself (its client id, from its own link); null for everyone else, so a
 * view link or a spoofed heartbeat never moves anyone's screen.
 */
export function leadingStep(mapId: string, clientId: string, linkId: string, now = Date.now()): number | null {
  const room = rooms.get(mapId);
  if (!room) return null;
  expire(mapId, room, now);
  return room.leader && room.leader.clientId === clientId && room.leader.linkId === linkId ? room.leader.step : null;
}
