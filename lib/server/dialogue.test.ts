/**
 * AIF's dialogue layer through the real routes on a real SQLite file: an import keeps it with
 * the map, the AIF and JSON exports give it back, and a JSON re-import keeps it again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import exportRoute from "../../pages/api/maps/[token]/export";
import importRoute from "../../pages/api/maps/import";
import { DEBATE, DIALOGUE_NODES } from "../map/testing/aifDebate";
import { resolveToken } from "./links";
import { copyMap } from "./maps";
import { callNodeRoute } from "./testing/node-route";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

type Aif = { nodes: { nodeID: string; type: string; text: string; timestamp?: string }[]; edges: unknown[]; locutions: Record<string, unknown>[]; participants: unknown[]; argumap: unknown };

async function importFile(body: unknown) {
  const response = await callNodeRoute(importRoute, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  const answer = (await response.json()) as { links: { owner: string }; report: { created: Record<string, number>; warnings: unknown[] } };
  return { token: answer.links.owner.split("/m/")[1]!, report: answer.report };
}

async function exported(token: string, format: "aif" | "json") {
  const response = await callNodeRoute(exportRoute, { params: { token }, query: { format } });
  expect(response.status).toBe(200);
  return response.json() as Promise<Record<string, unknown>>;
}

const dialogueNodes = (aif: Aif) => aif.nodes.filter((node) => ["L", "YA", "TA"].includes(node.type)).map(({ nodeID: _id, ...rest }) => rest);

describe("AIF's dialogue layer on the server", () => {
  it("is stored with an imported map and given back by the AIF and JSON exports, and by a JSON re-import", async () => {
    const { token, report } = await importFile({ AIF: DEBATE });
    expect(report.warnings).toEqual([]);
    expect(report.created.dialogue).toBe(DIALOGUE_NODES);

    const aif = (await exported(token, "aif")) as unknown as Aif;
    expect(dialogueNodes(aif)).toEqual(DEBATE.nodes.filter((node) => ["L", "YA", "TA"].includes(node.type)).map(({ nodeID: _id, ...rest }) => rest));
    expect(aif.locutions.map(({ nodeID: _id, ...rest }) => rest)).toEqual(DEBATE.locutions.map(({ nodeID: _id, ...rest }) => rest));
    expect(aif.participants).toEqual(DEBATE.participants);

    const json = await exported(token, "json");
    expect((json.dialogue as { nodes: unknown[] }).nodes).toHaveLength(DIALOGUE_NODES);
    const again = await importFile(json);
    expect(again.report.created.dialogue).toBe(DIALOGUE_NODES);
    expect(await exported(again.token, "aif")).toEqual(aif);
  });

  it("goes with a copy of the map", async () => {
    const { token } = await importFile({ AIF: DEBATE });
    const copy = await copyMap((await resolveToken(token))!, "http://argumap.test");
    const copied = (await exported(copy.links.owner.split("/m/")[1]!, "aif")) as unknown as Aif;
    expect(dialogueNodes(copied)).toEqual(dialogueNodes((await exported(token, "aif")) as unknown as Aif));
  });

  it("leaves a map imported without a dialogue layer without one", async () => {
    const { token, report } = await importFile({ nodes: [{ nodeID: "1", text: "Alone", type: "I" }], edges: [] });
    expect(report.created.dialogue).toBeUndefined();
    expect("dialogue" in (await exported(token, "json"))).toBe(false);
    expect(((await exported(token, "aif")) as unknown as Aif).nodes.map((node) => node.type)).toEqual(["I"]);
  });
});
