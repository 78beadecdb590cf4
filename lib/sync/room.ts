/**
 * One map page's view of the room (no React): who leads, the latest "Bring everyone to me", the
 * results the presenter has revealed, and for the presenter the live tallies and raised hands.
 * Fed by the sync client's stream (onRoom); every change makes a new state object, so components
 * reading it with useSyncExternalStore re-render only when the room changes.
 */
import type { ResultsEvent, RoomEventName, TallyEvent } from "../map/room/events";
import type { LeadState, Summon } from "../map/room/lead";
import type { RaisedHand, Tally } from "../map/room/reactions";

export interface RoomState {
  /** Null until the stream has said (it does as soon as it opens). */
  lead: LeadState | null;
  summon: Summon | null;
  /** The presentation session the results below belong to. */
  sessionId: string | null;
  /** Revealed steps' counts, as the room sees them. */
  results: Readonly<Record<number, Tally>>;
  /** The presenter's view: every step's counts, which are revealed, the open hands (null for the audience). */
  tally: { steps: Readonly<Record<number, Tally>>; revealed: readonly number[]; hands: readonly RaisedHand[] } | null;
  /** Hands closed by the presenter or their askers since the page opened. */
  closedHands: ReadonlySet<string>;
}

export interface RoomStore {
  getState(): RoomState;
  subscribe(listener: () => void): () => void;
  receive(name: RoomEventName, payload: unknown): void;
}

export const EMPTY_ROOM: RoomState = Object.freeze({ lead: null, summon: null, sessionId: null, results: {}, tally: null, closedHands: new Set<string>() });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** Pure: the room after one event. A session other than the one held starts its results afresh. */
export function roomAfter(state: RoomState, name: RoomEventName, payload: unknown): RoomState {
  if (!isObject(payload)) return state;
  if (name === "lead") {
    const lead = payload as unknown as LeadState;
    const sessionId = lead.leader?.sessionId ?? state.sessionId;
    return sessionId === state.sessionId ? { ...state, lead } : { ...state, lead, sessionId, results: {}, tally: null };
  }
  if (name === "summon") return { ...state, summon: payload as unknown as Summon };
  if (name === "hands") {
    const closed = new Set(state.closedHands);
    for (const id of (payload as { closed?: unknown }).closed as string[]) closed.add(id);
    return { ...state, closedHands: closed };
  }
  const event = payload as unknown as TallyEvent | ResultsEvent;
  const fresh = event.sessionId !== state.sessionId;
  const base = fresh ? { ...state, sessionId: event.sessionId, results: {}, tally: null } : state;
  if (name === "results") {
    const results = { ...base.results };
    for (const [step, tally] of Object.entries((event as ResultsEvent).steps)) {
      if (tally) results[Number(step)] = tally;
      else delete results[Number(step)];
    }
    return { ...base, results };
  }
  const tallyEvent = event as TallyEvent;
  const previous = base.tally ?? { steps: {}, revealed: [], hands: [] };
  return { ...base, tally: { steps: { ...previous.steps, ...tallyEvent.steps }, revealed: tallyEvent.revealed, hands: tallyEvent.hands ?? previous.hands } };
}

export function createRoomStore(): RoomStore {
  let state = EMPTY_ROOM;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    receive(name, payload) {
      const next = roomAfter(state, name, payload);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
  };
}
