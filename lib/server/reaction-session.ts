/**
 * One presentation session's reactions as an instance holds them in memory (reactions.ts runs the
 * room with them): reading a session from the database, counting a vote, and taking what other
 * instances have saved.
 */
import { emptyTally, VOTES, type RaisedHand, type Tally, type Vote } from "../map/room/reactions";
import { readDb } from "./db";
import { AppError } from "./errors";

export interface OpenHand extends RaisedHand {
  voterId: string;
}

export interface SessionState {
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

export async function readSession(sessionId: string): Promise<SessionState> {
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

/** Memory only: the step's counts follow the person's new vote (or its withdrawal). */
export function setVote(state: SessionState, step: number, voterId: string, vote: Vote | null): boolean {
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

const sameTally = (a: Tally | undefined, b: Tally | undefined) => VOTES.every((vote) => (a?.[vote] ?? 0) === (b?.[vote] ?? 0));

/**
 * Takes the counts as saved (plus votes made here and not written yet), marking what the room
 * must hear; says whether there is any. Steps, reveals and hands changed here while the read ran
 * are newer than it: kept, and read again once saved.
 */
export function adopt(state: SessionState, saved: SessionState, withRoom: boolean): boolean {
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
  return state.changed.size > 0 || state.handsChanged || state.closedHands.length > 0;
}

