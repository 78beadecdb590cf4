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
import { adopt, readSession, setVote, type OpenHand, type SessionState } from "./reaction-session";
import { sendSignal } from "./signals";

export const TALLY_HZ = 10;
/** People counted in one session: a lecture hall, not a stadium. */
export const VOTERS_PER_SESSION = 2_000;
export const OPEN_HANDS_PER_PERSON = 3;
export const OPEN_HANDS_PER_SESSION = 200;

/** Sessions being read or held in memory, and (for the stream's synchronous opening) those already read. */
const sessions = processWide("reaction-sessions", () => new Map<string, Promise<SessionState>>());
const loadedStates = processWide("reaction-sessions-loaded", () => new Map<string, SessionState>());
const SESSIONS_KEPT = 500;

/** A class behind one school address votes at once; a script from one address cannot stuff the count. */
const addressBudget = () => createBudget({ perMinute: Number(process.env.ARGUMAP_REACTIONS_PER_MINUTE ?? 1_200), burst: 400 });
const budgets = processWide("reaction-budgets", () => ({ address: addressBudget(), voter: createBudget({ perMinute: 120, burst: 20 }) }));

async function load(sessionId: string): Promise<SessionState> {
  const state = await readSession(sessionId);
  loadedStates.set(sessionId, state);
  if (loadedStates.size > SESSIONS_KEPT) loadedStates.delete(loadedStates.keys().next().value!);
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
  const run = write(state, async () => {
    if (adopt(state, await readSession(state.sessionId), state.localChanges === localChanges)) schedule(state);
  });
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
