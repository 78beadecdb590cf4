/** GET /api/maps/:token/evaluation through the real route, on a real SQLite file. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import createRoute from "../../pages/api/maps/index";
import * as evaluationRoute from "../../app/api/maps/[token]/evaluation/route";
import opsRoute from "../../pages/api/maps/[token]/ops";
import { evaluationReportSchema } from "../map/evaluation/wire";
import { DEMO_MAP } from "../../prisma/demo-map";
import { ensureDemoMap } from "./demo";
import { postJson } from "./testing/node-route";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
  await ensureDemoMap();
});
afterAll(() => database.dispose());

const tokenOf = (url: string) => url.split("/m/")[1]!;
const evaluation = (token: string) => evaluationRoute.GET(new Request(`http://argumap.test/api/maps/${token}/evaluation`), { params: Promise.resolve({ token }) });
const node = (id: string, kind: string, text: string, speaker = "") => ({ clientOpId: `add-${id}`, type: "addNode", node: { id, kind, text, speaker, x: 0, y: 0 } });
const link = (id: string, from: string, to: string, relation: string) => ({ clientOpId: `link-${id}`, type: "addEdge", edge: { id, from, to, relation } });

async function newMap() {
  const response = await postJson(createRoute, {}, { title: "Evaluated" });
  const { links } = (await response.json()) as { links: Record<"owner" | "edit" | "view", string> };
  return { edit: tokenOf(links.edit), view: tokenOf(links.view) };
}

describe("GET /api/maps/:token/evaluation", () => {
  it("labels every node, with strengths and a why line, for a view link too", async () => {
    const map = await newMap();
    const sent = await postJson(opsRoute, { token: map.edit }, { clientId: "c", ops: [node("c", "claim", "Alibaba Cloud is a risk"), node("r", "rebuttal", "No evidence of any leak", "Fu Liang"), link("e1", "r", "c", "rebuts")] });
    expect(sent.status).toBe(200);
    const response = await evaluation(map.view);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = evaluationReportSchema.parse(await response.json());
    expect(body.labels).toEqual({ c: "defeated", r: "accepted" });
    expect(body.strengths).toEqual({ c: 0.25, r: 0.5 });
    expect(body.why.c).toBe("Defeated: rebutted by Fu Liang’s “No evidence of any leak”, which nothing rebuts.");
    expect(body.converged).toBe(true);
  });

  it("follows the map: a new rebuttal of the rebuttal flips the claim back", async () => {
    const map = await newMap();
    await postJson(opsRoute, { token: map.edit }, { clientId: "c", ops: [node("c", "claim", "Claim"), node("r", "rebuttal", "Objection"), link("e1", "r", "c", "rebuts")] });
    expect((await (await evaluation(map.edit)).json()).labels.c).toBe("defeated");
    await postJson(opsRoute, { token: map.edit }, { clientId: "c", ops: [node("q", "rebuttal", "Answer"), link("e2", "q", "r", "rebuts")] });
    expect((await (await evaluation(map.edit)).json()).labels).toEqual({ c: "accepted", r: "defeated", q: "accepted" });
  });

  it("evaluates the demo map: every node has a label", async () => {
    const body = evaluationReportSchema.parse(await (await evaluation("demo")).json());
    expect(Object.keys(body.labels).sort()).toEqual(DEMO_MAP.nodes.map((n) => n.id).sort());
  });

  it("answers an unknown link with the same 404 as every other route", async () => {
    const response = await evaluation("not-a-real-token");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });
});
