/**
 * The room on the event stream, through the real route: a stream opens with who leads, the
 * presenter's tallies reach only links that may lead, and the room's revealed results reach all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import eventsRoute from "../../pages/api/maps/[token]/events";
import revealRoute from "../../pages/api/maps/[token]/results/reveal";
import { resetLeading } from "./leading";
import { resetReactions } from "./reactions";
import { callNodeRoute, postJson } from "./testing/node-route";
import { leadWhile, newRoomMap, setEditorsMayLead, vote } from "./testing/room";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => {
  resetLeading();
  resetReactions();
});

/** Collects a stream's named events until `until` returns true for the list so far. */
async function eventsOf(token: string, abort: AbortController, until: (events: { name: string; data: unknown }[]) => boolean) {
  const response = await callNodeRoute(eventsRoute, { params: { token }, signal: abort.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: { name: string; data: unknown }[] = [];
  let text = "";
  const done = (async () => {
    while (!until(events)) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      text += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = text.indexOf("\n\n")) >= 0) {
        const frame = text.slice(0, end);
        text = text.slice(end + 2);
        const name = /^event: (\w+)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (name && data) events.push({ name, data: JSON.parse(data) });
      }
    }
    return events;
  })();
  return { events, done };
}

const named = (events: { name: string; data: unknown }[], name: string) => events.filter((event) => event.name === name);

describe("the room on the stream", () => {
  it("opens with who leads and the room's settings, even when nobody does", async () => {
    const map = await newRoomMap();
    await setEditorsMayLead(map.owner, true);
    const abort = new AbortController();
    const { done } = await eventsOf(map.view, abort, (events) => named(events, "lead").length > 0);
    expect(named(await done, "lead")[0]!.data).toMatchObject({ leader: null, settings: { editorsMayLead: true }, change: "snapshot" });
    abort.abort();
  });

  it("gives the presenter's tally to the owner's stream only, and revealed results to everyone", async () => {
    const map = await newRoomMap();
    const stop = await leadWhile(map.owner, { clientId: "teacher", name: "Ms Rivera", step: 0 });
    const abort = new AbortController();
    const owner = await eventsOf(map.owner, abort, (events) => named(events, "results").length > 0);
    const viewer = await eventsOf(map.view, abort, (events) => named(events, "results").length > 0);
    const editor = await eventsOf(map.edit, abort, (events) => named(events, "results").length > 0);
    await vote(map.view, "u_voter00000001", 0, "agree");
    await postJson(revealRoute, { token: map.owner }, { step: 0, shown: true });
    for (const stream of [owner, viewer, editor]) {
      const events = await stream.done;
      expect(named(events, "lead")[0]!.data).toMatchObject({ leader: { name: "Ms Rivera", step: 0 } });
      expect(named(events, "results").at(-1)!.data).toMatchObject({ steps: { 0: { agree: 1, disagree: 0, unsure: 0 } } });
    }
    expect(named(owner.events, "tally").length).toBeGreaterThan(0);
    expect(named(viewer.events, "tally")).toEqual([]);
    expect(named(editor.events, "tally")).toEqual([]);
    stop();
    abort.abort();
  });
});
