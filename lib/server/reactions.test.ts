/**
 * The room's reactions through the real routes on a real SQLite file: validated, counted once per
 * person per step (the last vote wins), kept per presentation session in the database, coalesced
 * for the presenter, hidden from the room until revealed, and exported.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import reactionsRoute from "../../pages/api/maps/[token]/reactions";
import handsRoute from "../../pages/api/maps/[token]/hands/index";
import handRoute from "../../pages/api/maps/[token]/hands/[id]";
import resultsRoute from "../../pages/api/maps/[token]/results/index";
import revealRoute from "../../pages/api/maps/[token]/results/reveal";
import type { RaisedHand, SessionResults, Tally } from "../map/room/reactions";
import { resetLeading } from "./leading";
import { resetReactions, TALLY_HZ } from "./reactions";
import { roomVotesByNode } from "./reaction-results";
import { callNodeRoute, postJson } from "./testing/node-route";
import { lead, leadWhile, newRoomMap, roomEvents, setEditorsMayLead, stopLeading, vote, type TestMap } from "./testing/room";
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
/** The stage heartbeats while it leads (as components/present/useLeading does), however slow the machine. */
const heartbeats: (() => void)[] = [];
afterEach(() => heartbeats.splice(0).forEach((stop) => stop()));

const voter = (n: number) => `u_voter${String(n).padStart(10, "0")}`;
const TEACHER = "teacher-stage";

/** A map the owner presents, at `step` (steps 0..step shown). */
async function presenting(step = 0): Promise<TestMap> {
  const map = await newRoomMap();
  for (let shown = 0; shown < step; shown++) expect((await lead(map.owner, { clientId: TEACHER, step: shown, nodeIds: [`n${shown}`] })).status).toBe(200);
  heartbeats.push(await leadWhile(map.owner, { clientId: TEACHER, step, nodeIds: [`n${step}`] }));
  return map;
}

async function results(token: string, format = "json"): Promise<Response> {
  return callNodeRoute(resultsRoute, { params: { token }, query: { session: "latest", format } });
}
const tallyOf = async (token: string, step: number): Promise<Tally | undefined> => ((await (await results(token)).json()) as SessionResults).steps.find((entry) => entry.step === step)?.tally;

describe("votes", () => {
  it("each person counts once per step, with their last vote; null takes it back", async () => {
    const map = await presenting(1);
    for (const choice of ["agree", "disagree", "disagree", "unsure"]) expect((await vote(map.view, voter(1), 1, choice)).status).toBe(204);
    await vote(map.edit, voter(2), 1, "agree");
    await vote(map.view, voter(3), 1, "agree");
    await vote(map.view, voter(3), 1, null);
    await vote(map.view, voter(1), 0, "agree");
    expect(await tallyOf(map.owner, 1)).toEqual({ agree: 1, disagree: 0, unsure: 1 });
    expect(await tallyOf(map.owner, 0)).toEqual({ agree: 1, disagree: 0, unsure: 0 });
  });

  it("are validated: a bad vote or id is 400, a step not shown yet or nobody presenting is 409, nothing counted", async () => {
    const map = await presenting(0);
    const post = (body: unknown) => postJson(reactionsRoute, { token: map.view }, body);
    for (const body of [{ voterId: voter(1), step: 0, vote: "love" }, { voterId: "x", step: 0, vote: "agree" }, { voterId: voter(1), step: -1, vote: "agree" }, { voterId: voter(1), step: 0 }]) {
      expect((await post(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await vote(map.view, voter(1), 3, "agree")).status).toBe(409);
    await stopLeading(map.owner, TEACHER);
    expect((await vote(map.view, voter(1), 0, "agree")).status).toBe(409);
    expect(await tallyOf(map.owner, 0)).toEqual({ agree: 0, disagree: 0, unsure: 0 });
  });

  it("are kept in the database: the counts survive the server forgetting them", async () => {
    const map = await presenting(0);
    await vote(map.view, voter(1), 0, "agree");
    await vote(map.view, voter(2), 0, "disagree");
    resetReactions();
    resetLeading();
    expect(await tallyOf(map.owner, 0)).toEqual({ agree: 1, disagree: 1, unsure: 0 });
    // Leading again soon resumes the same session: a returning voter still counts once.
    await lead(map.owner, { clientId: TEACHER, step: 0 });
    await vote(map.view, voter(1), 0, "unsure");
    expect(await tallyOf(map.owner, 0)).toEqual({ agree: 0, disagree: 1, unsure: 1 });
  });

  it("reach the presenter coalesced, at most TALLY_HZ times a second, ending on the true counts", async () => {
    const map = await presenting(0);
    const events = roomEvents(map.mapId);
    const started = Date.now();
    const statuses = await Promise.all(Array.from({ length: 120 }, async (_, i) => (await vote(map.view, voter(i), 0, i % 3 === 0 ? "disagree" : "agree")).status));
    expect(statuses.filter((status) => status !== 204)).toEqual([]);
    await vi.waitFor(() => expect((events.filter((event) => event.name === "tally").at(-1)?.payload as { steps: Record<number, Tally> } | undefined)?.steps[0]).toEqual({ agree: 80, disagree: 40, unsure: 0 }));
    const tallies = events.filter((event) => event.name === "tally");
    const elapsedTenths = Math.ceil(((Date.now() - started) * TALLY_HZ) / 1000);
    expect(tallies.length).toBeLessThanOrEqual(elapsedTenths + 1);
    expect(tallies.length).toBeLessThan(120);
    expect(tallies.every((event) => event.audience === "leaders")).toBe(true);
  });
});

describe("showing results to the room", () => {
  it("the room gets no counts until the presenter reveals a step, then live counts, and null when hidden again", async () => {
    const map = await presenting(0);
    const events = roomEvents(map.mapId);
    await vote(map.view, voter(1), 0, "agree");
    await vi.waitFor(() => expect(events.some((event) => event.name === "tally")).toBe(true));
    expect(events.filter((event) => event.audience === "everyone")).toEqual([]);
    const reveal = (token: string, shown: boolean) => postJson(revealRoute, { token }, { step: 0, shown });
    expect((await reveal(map.view, true)).status).toBe(403);
    expect((await reveal(map.edit, true)).status).toBe(403);
    expect((await reveal(map.owner, true)).status).toBe(204);
    await vote(map.view, voter(2), 0, "agree");
    const roomSteps = () => events.filter((event) => event.name === "results").map((event) => (event.payload as { steps: Record<number, Tally | null> }).steps[0]);
    await vi.waitFor(() => expect(roomSteps().at(-1)).toEqual({ agree: 2, disagree: 0, unsure: 0 }));
    await reveal(map.owner, false);
    await vi.waitFor(() => expect(roomSteps().at(-1)).toBeNull());
  });

  it("the presenter's export: JSON and CSV with counts per step and the questions, never who voted what", async () => {
    const map = await presenting(1);
    await vote(map.view, voter(1), 1, "agree");
    await vote(map.view, voter(2), 1, "disagree");
    await postJson(handsRoute, { token: map.view }, { voterId: voter(3), name: "Ada", step: 1, question: '=HYPERLINK("x"), "quoted"' });
    const json = (await (await results(map.owner)).json()) as SessionResults;
    expect(json.steps.map((step) => [step.step, step.nodeIds, step.tally])).toEqual([
      [0, ["n0"], { agree: 0, disagree: 0, unsure: 0 }],
      [1, ["n1"], { agree: 1, disagree: 1, unsure: 0 }],
    ]);
    expect(json.questions).toMatchObject([{ name: "Ada", step: 1, answered: false }]);
    const csvResponse = await results(map.owner, "csv");
    expect(csvResponse.headers.get("content-type")).toContain("text/csv");
    expect(csvResponse.headers.get("content-disposition")).toMatch(/attachment; filename="classroom-reactions\.csv"/);
    const csv = await csvResponse.text();
    expect(csv.split("\r\n")[2]).toBe("step,2,1,1,0,2,no,,,,,");
    expect(csv).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
    expect(JSON.stringify(json) + csv).not.toContain(voter(1));
    expect((await results(map.view)).status).toBe(403);
    expect((await results(map.edit)).status).toBe(403);
    await setEditorsMayLead(map.owner, true);
    expect((await results(map.edit)).status).toBe(200);
  });

  it("gives evaluation the room's votes per node", async () => {
    const map = await presenting(1);
    await vote(map.view, voter(1), 1, "agree");
    await vote(map.view, voter(2), 1, "agree");
    await vote(map.view, voter(2), 0, "disagree");
    expect(await roomVotesByNode(map.mapId)).toEqual({ n0: { agree: 0, disagree: 1, unsure: 0 }, n1: { agree: 2, disagree: 0, unsure: 0 } });
  });
});

describe("raised hands", () => {
  it("reach the presenter's queue; the asker lowers theirs, the presenter answers any; strangers cannot", async () => {
    const map = await presenting(0);
    const raise = (question: string, who = voter(1)) => postJson(handsRoute, { token: map.view }, { voterId: who, name: "Sam", step: 0, question });
    const first = (await (await raise("Why 2015?")).json()) as RaisedHand;
    const second = (await (await raise("")).json()) as RaisedHand;
    expect(first).toMatchObject({ name: "Sam", step: 0, question: "Why 2015?" });
    expect((await raise("x".repeat(281))).status).toBe(413);
    expect((await raise("\uD800 broken")).status).toBe(400);
    const close = (id: string, token: string, query: Record<string, string> = {}) => callNodeRoute(handRoute, { method: "DELETE", params: { token, id }, query });
    expect((await close(first.id, map.view, { voter: voter(2) })).status).toBe(404);
    expect((await close(first.id, map.view)).status).toBe(403);
    expect((await close(first.id, map.view, { voter: voter(1) })).status).toBe(204);
    expect((await close(second.id, map.owner)).status).toBe(204);
    const json = (await (await results(map.owner)).json()) as SessionResults;
    expect(json.questions.map((question) => [question.question, question.answered])).toEqual([
      ["Why 2015?", true],
      ["", true],
    ]);
  });
});
