/** The classroom's events on a map's stream (besides ops and presence), and what each carries. */
import type { LeadState, Summon } from "./lead";
import type { RaisedHand, Tally } from "./reactions";

export const ROOM_EVENT_NAMES = ["lead", "summon", "tally", "results", "hands"] as const;
export type RoomEventName = (typeof ROOM_EVENT_NAMES)[number];

/** For the presenter only: counts of the steps that changed, and the open hands when they changed. */
export interface TallyEvent {
  sessionId: string;
  steps: Record<number, Tally>;
  revealed: number[];
  hands?: RaisedHand[];
}

/** For everyone: the counts of revealed steps (null: hidden again). */
export interface ResultsEvent {
  sessionId: string;
  steps: Record<number, Tally | null>;
}

/** For everyone: hands the presenter answered or their askers lowered. */
export interface HandsEvent {
  closed: string[];
}

export interface RoomEventPayloads {
  lead: LeadState;
  summon: Summon;
  tally: TallyEvent;
  results: ResultsEvent;
  hands: HandsEvent;
}
