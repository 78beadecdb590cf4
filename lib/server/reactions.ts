/**
 * The room's reactions during a presentation (lib/map/room/reactions.ts): votes per person per
 * step and raised hands, counted per presentation session. Every vote is written to the database
 * before it is acknowledged (results survive a restart and are exported from there); the counts
 * live in memory per session and go out at most TALLY_HZ times a second, however fast the room
 * votes: to the presenter (the "leaders" audience) always, to everyone for steps the presenter
 * has revealed.
 *
 * Several instances (PostgreSQL): each counts the votes it receives and saves them; after every
 * save it signals the others, which read the session again (one read at a time, after their own
 * writes), so every presenter sees the whole room's counts whichever instance a phone reached.
 */
import { randomUUID } from "node:crypto";
import type { Leader } from "../map/room/lead";
import { emptyTally, VOTES, type RaisedHand, type Tally, type Vote } from "../map/room/reactions";
import { broadcaster, type RoomEvent } from "./broadcaster";
import { createBudget } from "./budget";
import { db, readDb } from "./db";
import { AppError } from "./errors";
import { processWide } from "./process-wide";
import { saveSessionSteps } from "./presentation-sessions";
import { sendSignal } from "./signals";

export const TALLY_HZ = 10;
/** People counted in one session: a lecture hall, not a stadium. */
export const VOTERS_PER_SESSION = 2_000;
export const OPEN_HANDS_PER_PERSON = 3;
export const OPEN_HANDS_PER_SESSION = 200;

interface OpenHand extends RaisedHand {
  voterId: string;
}

interface SessionState {
  sessionId: string;
  mapId: string;
  /** step → voter → vote */
  votes: Map<number, Map<string, Vote>>;
  tallies: Map<number, Tally>;
  voters: Set<string>;
  /** step → node ids, for the steps the leader has shown. */
  steps: Record<number, string[]>;
  revealed: Set<number>;
  hands: Map<string, OpenHand>;
  changed: Set<number>;
  /** Steps the presenter hid again since the last flush: the room is told to drop their counts. */
  hidden: Set<number>;
  handsChanged: boolean;
  closedHands: string[];
  timer?: ReturnType<typeof setTimeout>;
  lastFlush: number;
  /** Database writes of one session run in the order their changes were made in memory. */
  writes: Promise<unknown>;
  /** Votes not yet written, by step and voter: the next batch writes them all in one transaction. */
  unsaved: Map<string, { step: number; voterId: string; vote: Vote | null }>;
  /** The write that will take the unsaved votes, until it starts. */
  nextBatch: Promise<unknown> | null;
  /** Bumped by every change made here to steps, revealed steps or hands. */
  localChanges: number;
  /** A read of what other instances saved is under way (refresh), and whether another must follow it. */
  refreshing: Promise<void> | null;
  refreshAgain: boolean;
}

/** Sessions being read or held in memory, and (for the stream's synchronous opening) those already read. */
const sessions = processWide("reaction-sessions", () => new Map<string, Promise<SessionState>>());
const loadedStates = processWide("reaction-sessions-loaded", () => new Map<string, SessionState>());
const SESSIONS_KEPT = 500;

/** A class behind one school address votes at once; a script from one address cannot stuff the count. */
const addressBudget = () => createBudget({ perMinute: Number(process.env.ARGUMAP_REACTIONS_PER_MINUTE ?? 1_200), burst: 400 });
const budgets = processWide("reaction-budgets", () => ({ address: addressBudget(), voter: createBudget({ perMinute: 120, burst: 20 }) }));

async function load(sessionId: string): Promise<SessionState> {
  const state = await read(sessionId);
  loadedStates.set(sessionId, state);
  if (loadedStates.size > SESSIONS_KEPT) loadedStates.delete(loadedStates.keys().next().value!);
  return state;
}

async function read(sessionId: string): Promise<SessionState> {
  const client = await readDb();
  const row = await client.presentationSession.findUnique({ where: { id: sessionId } });
  if (!row) throw new AppError("not_found", "That presentation session is gone.");
  const state: SessionState = {
    sessionId,
    mapId: row.mapId,
    votes: new Map(),
    tallies: new Map(),
    voters: new Set(),
    steps: JSON.parse(row.steps) as Record<number, string[]>,
    revealed: new Set(JSON.parse(row.revealed) as number[]),
    hands: new Map(),
    changed: new Set(),
    hidden: new Set(),
    handsChanged: false,
    closedHands: [],
    lastFlush: 0,
    writes: Promise.resolve(),
    unsaved: new Map(),
    nextBatch: null,
    localChanges: 0,
    refreshing: null,
    refreshAgain: false,
  };
  for (const reaction of await client.reaction.findMany({ where: { sessionId } })) setVote(state, reaction.step, reaction.voterId, reaction.vote as Vote);
  state.changed.clear();
  for (const hand of await client.raisedHand.findMany({ where: { sessionId, closedAt: null }, orderBy: { createdAt: "asc" } })) {
    state.hands.set(hand.id, { id: hand.id, step: hand.step, name: hand.name, question: hand.question, at: hand.createdAt.toISOString(), voterId: hand.voterId });
  }
  return state;
}

function sessionState(sessionId: string): Promise<SessionState> {
  let state = sessions.get(sessionId);
  if (!state) {
    state = load(sessionId);
    sessions.set(sessionId, state);
    state.catch(() => sessions.delete(sessionId));
    if (sessions.size > SESSIONS_KEPT) sessions.delete(sessions.keys().next().value!);
  }
  return state;
}

/** Memory only: the step's counts follow the person's new vote (or its withdrawal). */
function setVote(state: SessionState, step: number, voterId: string, vote: Vote | null): boolean {
  let byVoter = state.votes.get(step);
  const before = byVoter?.get(voterId) ?? null;
  if (before === vote) return false;
  if (!byVoter) state.votes.set(step, (byVoter = new Map()));
  const tally = state.tallies.get(step) ?? emptyTally();
  if (before) tally[before] -= 1;
  if (vote) {
    tally[vote] += 1;
    byVoter.set(voterId, vote);
    state.voters.add(voterId);
  } else byVoter.delete(voterId);
  state.tallies.set(step, tally);
  state.changed.add(step);
  return true;
}

function write(state: SessionState, task: () => Promise<unknown>): Promise<unknown> {
  const run = state.writes.then(task);
  state.writes = run.catch((error: unknown) => console.error("saving a reaction failed", error));
  return run;
}

/** Writes, then tells the other instances that the session's saved reactions changed. */
function writeAndAnnounce(state: SessionState, task: () => Promise<unknown>): Promise<unknown> {
  return write(state, async () => {
    const result = await task();
    await sendSignal({ t: "reactions", m: state.mapId, s: state.sessionId }).catch((error: unknown) => console.error("announcing reactions failed", error));
    return result;
  });
}

/**
 * A vote is acknowledged once written, but a room votes at once: votes that arrive while a write
 * runs wait and go together in the next transaction (group commit), so 200 votes cost a few
 * transactions, not 200 one after another.
 */
function saveVote(state: SessionState, step: number, voterId: string, vote: Vote | null): Promise<unknown> {
  state.unsaved.set(`${step}:${voterId}`, { step, voterId, vote });
  state.nextBatch ??= writeAndAnnounce(state, async () => {
    state.nextBatch = null;
    const batch = [...state.unsaved.values()];
    state.unsaved.clear();
    const client = await db();
    const sessionId = state.sessionId;
    await client.$transaction(
      batch.map(({ step: at, voterId: voter, vote: choice }) =>
        choice
          ? client.reaction.upsert({ where: { sessionId_step_voterId: { sessionId, step: at, voterId: voter } }, create: { sessionId, step: at, voterId: voter, vote: choice }, update: { vote: choice } })
          : client.reaction.deleteMany({ where: { sessionId, step: at, voterId: voter } }),
      ),
    );
  });
  return state.nextBatch;
}

/** The leader has shown `step` (with these nodes): the room may react to it from now on. */
export async function stepShown(mapId: string, sessionId: string, step: number, nodeIds: readonly string[]): Promise<void> {
  const state = await sessionState(sessionId);
  const known = state.steps[step];
  if (known && known.length === nodeIds.length && known.every((id, i) => id === nodeIds[i])) return;
  state.steps = { ...state.steps, [step]: [...nodeIds] };
  state.localChanges += 1;
  // Saved before the lead is announced: a phone on another instance may vote on it at once.
  await writeAndAnnounce(state, () => saveSessionSteps(sessionId, state.steps, [...state.revealed])).catch(() => undefined);
}

function requireLeader(leader: Leader | null): Leader {
  if (!leader) throw new AppError("conflict", "Nobody is presenting to everyone right now.");
  return leader;
}

async function requireShown(state: SessionState, step: number): Promise<void> {
  if (!(step in state.steps)) {
    // A presenter on another instance may have shown it a moment ago: the database knows.
    const row = await (await readDb()).presentationSession.findUnique({ where: { id: state.sessionId }, select: { steps: true } });
    const saved = row ? (JSON.parse(row.steps) as Record<number, string[]>) : {};
    if (step in saved) state.steps = { ...saved, ...state.steps };
  }
  if (!(step in state.steps)) throw new AppError("conflict", "That step has not been shown yet.");
}

function charge(address: string, voterId: string, now = Date.now()): void {
  const { address: perAddress, voter } = budgets;
  for (const [budget, key] of [
    [perAddress, `a:${address}`],
    [voter, `v:${voterId}`],
  ] as const) {
    if (!budget.available(key, now)) throw new AppError("rate_limited", "Too many reactions at once; try again in a moment.", { "Retry-After": String(budget.retryAfter(key, now)) });
  }
  perAddress.spend(`a:${address}`, now);
  voter.spend(`v:${voterId}`, now);
}

/** A person's vote on a shown step of the current presentation: counted once, their last vote wins; null withdraws it. */
export async function recordVote(leader: Leader | null, body: { voterId: string; step: number; vote: Vote | null }, address: string): Promise<void> {
  const { sessionId } = requireLeader(leader);
  charge(address, body.voterId);
  const state = await sessionState(sessionId);
  await requireShown(state, body.step);
  if (body.vote && !state.voters.has(body.voterId) && state.voters.size >= VOTERS_PER_SESSION) throw new AppError("conflict", "This presentation has counted as many people as it can.");
  const before = state.votes.get(body.step)?.get(body.voterId) ?? null;
  if (!setVote(state, body.step, body.voterId, body.vote)) return;
  schedule(state);
  try {
    await saveVote(state, body.step, body.voterId, body.vote);
  } catch (error) {
    // Not saved, so not counted: unless the person has voted again since, their count goes back.
    if ((state.votes.get(body.step)?.get(body.voterId) ?? null) === body.vote) {
      setVote(state, body.step, body.voterId, before);
      schedule(state);
    }
    throw error;
  }
}

export async function raiseHand(leader: Leader | null, body: { voterId: string; name: string; step: number; question: string }, address: string): Promise<RaisedHand> {
  const { sessionId } = requireLeader(leader);
  charge(address, body.voterId);
  const state = await sessionState(sessionId);
  await requireShown(state, body.step);
  const open = [...state.hands.values()];
  if (open.filter((hand) => hand.voterId === body.voterId).length >= OPEN_HANDS_PER_PERSON) throw new AppError("conflict", `You already have ${OPEN_HANDS_PER_PERSON} questions waiting.`);
  if (open.length >= OPEN_HANDS_PER_SESSION) throw new AppError("conflict", "The presenter's question queue is full; try again later.");
  const hand: OpenHand = { id: randomUUID(), step: body.step, name: body.name, question: body.question, at: new Date().toISOString(), voterId: body.voterId };
  state.hands.set(hand.id, hand);
  state.handsChanged = true;
  state.localChanges += 1;
  schedule(state);
  await writeAndAnnounce(state, async () => (await db()).raisedHand.create({ data: { id: hand.id, sessionId, step: hand.step, voterId: hand.voterId, name: hand.name, question: hand.question, createdAt: new Date(hand.at) } }));
  const { voterId: _voter, ...shown } = hand;
  return shown;
}

/** Lowers a hand: its asker (by voter id) or the presenter. 404 for a hand that is not open. */
export async function closeHand(leader: Leader | null, handId: string, by: { voterId: string } | "presenter"): Promise<void> {
  const { sessionId } = requireLeader(leader);
  const state = await sessionState(sessionId);
  const hand = state.hands.get(handId);
  if (!hand || (by !== "presenter" && by.voterId !== hand.voterId)) throw new AppError("not_found", "No such raised hand.");
  state.hands.delete(handId);
  state.handsChanged = true;
  state.closedHands.push(handId);
  state.localChanges += 1;
  schedule(state);
  await writeAndAnnounce(state, async () => (await db()).raisedHand.update({ where: { id: handId }, data: { closedAt: new Date() } }));
}

/** The presenter shows a step's results to the room, or hides them again. */
export async function revealResults(leader: Leader | null, step: number, shown: boolean): Promise<void> {
  const { sessionId } = requireLeader(leader);
  const state = await sessionState(sessionId);
  await requireShown(state, step);
  if (state.revealed.has(step) === shown) return;
  if (shown) {
    state.revealed.add(step);
    state.hidden.delete(step);
  } else {
    state.revealed.delete(step);
    state.hidden.add(step);
  }
  state.changed.add(step);
  state.localChanges += 1;
  schedule(state);
  await writeAndAnnounce(state, () => saveSessionSteps(sessionId, state.steps, [...state.revealed]));
}

/** Another instance saved reactions of this session: read it again if it is held here. */
export function reactionsElsewhere(sessionId: string): void {
  const state = loadedStates.get(sessionId);
  if (state) refresh(state);
}

/** After signals may have been missed: every session held here is read again. */
export function resyncReactions(): void {
  for (const state of loadedStates.values()) refresh(state);
}

/** One read at a time per session, queued after this instance's own writes so it includes them. */
function refresh(state: SessionState): void {
  if (state.refreshing) return void (state.refreshAgain = true);
  const localChanges = state.localChanges;
  const run = write(state, async () => adopt(state, await read(state.sessionId), state.localChanges === localChanges));
  state.refreshing = run.then(
    () => undefined,
    () => undefined,
  ).then(() => {
    state.refreshing = null;
    if (!state.refreshAgain) return;
    state.refreshAgain = false;
    refresh(state);
  });
}

const sameTally = (a: Tally | undefined, b: Tally | undefined) => VOTES.every((vote) => (a?.[vote] ?? 0) === (b?.[vote] ?? 0));

/**
 * Takes the counts as saved (plus votes made here and not written yet), and tells the room what
 * changed. Steps, reveals and hands changed here while the read ran are newer than it: kept, and
 * read again once saved.
 */
function adopt(state: SessionState, saved: SessionState, withRoom: boolean): void {
  for (const { step, voterId, vote } of state.unsaved.values()) setVote(saved, step, voterId, vote);
  for (const step of new Set([...state.tallies.keys(), ...saved.tallies.keys()])) if (!sameTally(state.tallies.get(step), saved.tallies.get(step))) state.changed.add(step);
  state.votes = saved.votes;
  state.tallies = saved.tallies;
  state.voters = saved.voters;
  if (withRoom) {
    state.steps = { ...state.steps, ...saved.steps };
    for (const step of new Set([...state.revealed, ...saved.revealed])) {
      if (state.revealed.has(step) === saved.revealed.has(step)) continue;
      // As revealResults does: a newly revealed step's counts go out, a hidden one's are withdrawn.
      if (saved.revealed.has(step)) state.hidden.delete(step);
      else state.hidden.add(step);
      state.changed.add(step);
    }
    state.revealed = saved.revealed;
    const lowered = [...state.hands.keys()].filter((id) => !saved.hands.has(id));
    state.closedHands.push(...lowered);
    if (lowered.length > 0 || [...saved.hands.keys()].some((id) => !state.hands.has(id))) state.handsChanged = true;
    state.hands = saved.hands;
  } else state.refreshAgain = true;
  if (state.changed.size > 0 || state.handsChanged || state.closedHands.length > 0) schedule(state);
}

function schedule(state: SessionState, now = Date.now()): void {
  if (state.timer) return;
  state.timer = setTimeout(() => flush(state), Math.max(0, state.lastFlush + Math.ceil(1000 / TALLY_HZ) - now));
}

const countsOf = (state: SessionState, steps: Iterable<number>) => Object.fromEntries([...steps].map((step) => [step, state.tallies.get(step) ?? emptyTally()]));
const openHands = (state: SessionState): RaisedHand[] => [...state.hands.values()].map(({ voterId: _voter, ...hand }) => hand);

function flush(state: SessionState): void {
  state.timer = undefined;
  state.lastFlush = Date.now();
  const changed = [...state.changed];
  state.changed.clear();
  const events: RoomEvent[] = [];
  if (changed.length > 0 || state.handsChanged) {
    const payload = { sessionId: state.sessionId, steps: countsOf(state, changed), revealed: [...state.revealed], ...(state.handsChanged ? { hands: openHands(state) } : {}) };
    events.push({ kind: "room", name: "tally", payload, audience: "leaders" });
  }
  // The room sees a step's counts only once revealed; hiding it again sends null.
  const shown = changed.filter((step) => state.revealed.has(step));
  if (shown.length > 0 || state.hidden.size > 0) {
    const steps = { ...Object.fromEntries([...state.hidden].map((step) => [step, null])), ...countsOf(state, shown) };
    state.hidden.clear();
    events.push({ kind: "room", name: "results", payload: { sessionId: state.sessionId, steps }, audience: "everyone" });
  }
  if (state.closedHands.length > 0) events.push({ kind: "room", name: "hands", payload: { closed: state.closedHands.splice(0) }, audience: "everyone" });
  state.handsChanged = false;
  for (const event of events) broadcaster().publish(state.mapId, event);
}

/** Reads a session into memory, so openingRoomEvents can answer at once. */
export async function loadSession(sessionId: string): Promise<void> {
  await sessionState(sessionId);
}

/**
 * The events a stream opening during a presentation starts with: revealed results, and for the
 * presenter everything. Synchronous (after loadSession), so nothing can happen between reading
 * the state and queueing these events.
 */
export function openingRoomEvents(sessionId: string, forPresenter: boolean): RoomEvent[] {
  const state = loadedStates.get(sessionId);
  if (!state) return [];
  const events: RoomEvent[] = [];
  if (state.revealed.size > 0) events.push({ kind: "room", name: "results", payload: { sessionId, steps: countsOf(state, state.revealed) }, audience: "everyone" });
  if (forPresenter) events.push({ kind: "room", name: "tally", payload: { sessionId, steps: countsOf(state, state.tallies.keys()), revealed: [...state.revealed], hands: openHands(state) }, audience: "leaders" });
  return events;
}

/** Every step's counts in a session, with its nodes (for exports and for evaluation's base scores). */
export async function sessionCounts(sessionId: string): Promise<{ steps: Record<number, string[]>; tallies: Map<number, Tally>; revealed: Set<number>; hands: RaisedHand[] }> {
  const state = await sessionState(sessionId);
  await state.writes;
  return { steps: state.steps, tallies: new Map(state.tallies), revealed: new Set(state.revealed), hands: openHands(state) };
}

export const isVote = (value: string): value is Vote => (VOTES as readonly string[]).includes(value);

/** For tests: forget sessions held in memory and every rate-limit bucket. */
export function resetReactions(): void {
  sessions.clear();
  loadedStates.clear();
  budgets.address = addressBudget();
  budgets.voter = createBudget({ perMinute: 120, burst: 20 });
}
