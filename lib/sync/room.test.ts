import { describe, expect, it } from "vitest";
import type { LeadState } from "../map/room/lead";
import { createRoomStore, EMPTY_ROOM, roomAfter } from "./room";

const lead = (sessionId: string | null, step = 0): LeadState => ({
  leader: sessionId ? { clientId: "stage", name: "Ms Rivera", colour: "#0369a1", role: "owner", step, count: 4, sessionId } : null,
  settings: { editorsMayLead: false },
  change: "step",
  previous: null,
});

describe("the room as a page sees it", () => {
  it("keeps revealed results per session, and drops what a step's hiding takes back", () => {
    let state = roomAfter(EMPTY_ROOM, "lead", lead("s1"));
    state = roomAfter(state, "results", { sessionId: "s1", steps: { 0: { agree: 2, disagree: 1, unsure: 0 }, 1: { agree: 1, disagree: 0, unsure: 0 } } });
    state = roomAfter(state, "results", { sessionId: "s1", steps: { 1: null } });
    expect(state.results).toEqual({ 0: { agree: 2, disagree: 1, unsure: 0 } });
    // A new presentation starts from nothing.
    state = roomAfter(state, "lead", lead("s2"));
    expect(state.results).toEqual({});
  });

  it("merges the presenter's tallies step by step and keeps the hands until they change", () => {
    let state = roomAfter(EMPTY_ROOM, "tally", { sessionId: "s1", steps: { 0: { agree: 1, disagree: 0, unsure: 0 } }, revealed: [], hands: [{ id: "h", step: 0, name: "Sam", question: "Why?", at: "" }] });
    state = roomAfter(state, "tally", { sessionId: "s1", steps: { 1: { agree: 0, disagree: 2, unsure: 0 } }, revealed: [1] });
    expect(state.tally).toEqual({
      steps: { 0: { agree: 1, disagree: 0, unsure: 0 }, 1: { agree: 0, disagree: 2, unsure: 0 } },
      revealed: [1],
      hands: [{ id: "h", step: 0, name: "Sam", question: "Why?", at: "" }],
    });
  });

  it("tells its readers only about real changes", () => {
    const store = createRoomStore();
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.receive("lead", lead("s1", 2));
    store.receive("lead", "not an object");
    store.receive("hands", { closed: ["h1"] });
    expect(calls).toBe(2);
    expect(store.getState().lead?.leader?.step).toBe(2);
    expect(store.getState().closedHands.has("h1")).toBe(true);
  });
});
