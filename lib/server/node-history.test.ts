/** Node history over HTTP (design.md's contract): shape, order, who may read it, and that nobody writes it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import createRoute from "../../pages/api/maps/index";
import * as historyRoute from "../../app/api/maps/[token]/history/route";
import * as deletedRoute from "../../app/api/maps/[token]/history/deleted/route";
import * as contributionsRoute from "../../app/api/maps/[token]/contributions/route";
import opsRoute from "../../pages/api/maps/[token]/ops";
import { ensureDemoMap } from "./demo";
import { resolveToken } from "./links";
import { nodeHistory } from "./node-history";
import { postJson } from "./testing/node-route";
import { useTempDatabase } from "./testing/temp-database";
import { DEMO_MAP } from "../../prisma/demo-map";

const BASE = "http://argumap.test";
let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
  await ensureDemoMap();
});
afterAll(() => database.dispose());

const ctx = (token: string) => ({ params: Promise.resolve({ token }) });
const tokenOf = (url: string) => url.split("/m/")[1]!;
const history = (token: string, query: string) => historyRoute.GET(new Request(`${BASE}/api/maps/${token}/history${query}`), ctx(token));

async function createMap() {
  const response = await postJson(createRoute, {}, { title: "History" });
  const body = (await response.json()) as { links: { owner: string; edit: string; view: string } };
  return { owner: tokenOf(body.links.owner), edit: tokenOf(body.links.edit), view: tokenOf(body.links.view) };
}

let opId = 0;
async function send(token: string, author: string, ops: object[], clientId = `client-${author}`) {
  const response = await postJson(opsRoute, { token }, { clientId, author, ops: ops.map((op) => ({ clientOpId: `op${++opId}`, ...op })) });
  expect(response.status).toBe(200);
  return (await response.json()) as { rejected: unknown[] };
}

const claim = (id: string, text: string) => ({ type: "addNode", node: { id, kind: "claim", text, x: 0, y: 0 } });
const retext = (id: string, text: string) => ({ type: "updateNode", id, patch: { text } });

describe("GET /api/maps/:token/history?node=ID", () => {
  it("gives every version of the node, oldest first, with who and when; a deletion is node: null", async () => {
    const map = await createMap();
    await send(map.edit, "Ada", [claim("n1", "First words"), claim("other", "Unrelated")]);
    await send(map.edit, "Ben", [retext("n1", "Ben's words"), { type: "moveNodes", moves: [{ id: "n1", x: 40, y: 50 }] }]);
    await send(map.owner, "Chloe", [{ type: "updateNode", id: "n1", patch: { kind: "rebuttal", speaker: "Chloe" } }, retext("other", "Still unrelated")]);
    await send(map.edit, "Dan", [{ type: "deleteNodes", ids: ["n1"] }]);

    const response = await history(map.view, "?node=n1");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { versions: { revision: number; author: string; at: string; node: { text: string; kind: string; x: number } | null }[] };
    expect(body.versions.map((v) => [v.revision, v.author, v.node?.text ?? null])).toEqual([
      [1, "Ada", "First words"],
      [3, "Ben", "Ben's words"],
      [5, "Chloe", "Ben's words"],
      [7, "Dan", null],
    ]);
    expect(body.versions[2]!.node).toEqual({ id: "n1", kind: "rebuttal", text: "Ben's words", speaker: "Chloe", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 40, y: 50 });
    for (const version of body.versions) expect(new Date(version.at).toISOString()).toBe(version.at);
  });

  it("is readable by every link, the demo included, and says the same to each", async () => {
    const map = await createMap();
    await send(map.edit, "Ada", [claim("n1", "Read me")]);
    const answers = await Promise.all([map.owner, map.edit, map.view].map(async (token) => (await history(token, "?node=n1")).json()));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const demoNode = DEMO_MAP.nodes[0]!;
    const demo = await history("demo", `?node=${demoNode.id}`);
    expect(demo.status).toBe(200);
    expect(((await demo.json()) as { versions: { node: { text: string } }[] }).versions.map((v) => v.node.text)).toEqual([demoNode.text]);
  });

  it("an unknown or revoked link gets the same 404; a missing or malformed node id a 400; a node with no history no versions", async () => {
    const map = await createMap();
    const unknown = await history("A".repeat(43), "?node=n1");
    const malformed = await history("x", "?node=n1");
    expect(unknown.status).toBe(404);
    expect(await malformed.json()).toEqual(await unknown.json());
    for (const query of ["", "?node=", "?node=a%20b", `?node=${"x".repeat(65)}`]) {
      const response = await history(map.view, query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_input");
    }
    expect(await (await history(map.view, "?node=never")).json()).toEqual({ versions: [], more: false });
  });

  it("nobody writes it: POST (and every other method) is 405 for every link, and history changes only through ops", async () => {
    const map = await createMap();
    await send(map.edit, "Ada", [claim("n1", "Kept")]);
    for (const token of [map.owner, map.edit, map.view]) {
      const response = await historyRoute.POST(new Request(`${BASE}/api/maps/${token}/history?node=n1`, { method: "POST", body: "{}" }), ctx(token));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET");
      expect((await response.json()).error.code).toBe("method_not_allowed");
    }
    const others = [
      historyRoute.DELETE(),
      deletedRoute.POST(),
      contributionsRoute.PUT(),
    ];
    for (const response of await Promise.all(others)) {
      expect(response.status).toBe(405);
      expect((await response.json()).error.code).toBe("method_not_allowed");
    }
    expect(((await (await history(map.view, "?node=n1")).json()) as { versions: unknown[] }).versions).toHaveLength(1);
  });

  it("answers with the latest versions only, saying there are more, however long the node's history", async () => {
    const map = await createMap();
    await send(map.edit, "Ada", [claim("n1", "v0"), ...Array.from({ length: 9 }, (_, i) => retext("n1", `v${i + 1}`))]);
    const mapId = (await resolveToken(map.view))!.mapId;
    const latest = await nodeHistory(mapId, "n1", 4);
    expect(latest.more).toBe(true);
    expect(latest.versions.map((v) => v.node?.text)).toEqual(["v6", "v7", "v8", "v9"]);
  });

  it("two people's edits of one node committed together are both kept", async () => {
    const map = await createMap();
    await send(map.edit, "Ada", [claim("n1", "start")]);
    await Promise.all([send(map.edit, "Ben", [retext("n1", "Ben's")]), send(map.edit, "Chloe", [retext("n1", "Chloe's")])]);
    const body = (await (await history(map.view, "?node=n1")).json()) as { versions: { author: string; node: { text: string } }[] };
    expect(body.versions.map((v) => `${v.author}: ${v.node.text}`).slice(1).sort()).toEqual(["Ben: Ben's", "Chloe: Chloe's"]);
  });
});

describe("recently deleted and contributions", () => {
  it("lists deleted nodes with the links that went with them, until they are back", async () => {
    const map = await createMap();
    await send(map.edit, "Ada", [claim("top", "Top"), claim("gone", "Gone soon"), { type: "addEdge", edge: { id: "e1", from: "gone", to: "top", relation: "supports" } }]);
    await send(map.edit, "Ben", [{ type: "deleteNodes", ids: ["gone"] }]);
    const listed = async () => (await (await deletedRoute.GET(new Request(`${BASE}/x`), ctx(map.view))).json()) as { deleted: { author: string; node: { id: string; text: string }; links: { id: string }[] }[] };
    const first = await listed();
    expect(first.deleted.map((d) => [d.author, d.node.text, d.links.map((l) => l.id)])).toEqual([["Ben", "Gone soon", ["e1"]]]);
    await send(map.edit, "Ada", [claim("gone", "Gone soon")]);
    expect((await listed()).deleted).toEqual([]);
  });

  it("counts what each person added, changed and deleted, and who made and last changed each node", async () => {
    const map = await createMap();
    await send(map.edit, "Ada", [claim("a", "A"), claim("b", "B"), claim("c", "C")]);
    await send(map.edit, "Ben", [retext("a", "A by Ben"), retext("a", "A again"), { type: "deleteNodes", ids: ["c"] }]);
    const response = await contributionsRoute.GET(new Request(`${BASE}/x`), ctx(map.view));
    const body = (await response.json()) as { revision: number; people: unknown[]; nodes: Record<string, { createdBy: string; changedBy: string; changedAt: string }> };
    expect(body.revision).toBe(6);
    expect(body.people).toEqual([
      { name: "Ada", added: 3, changed: 0, deleted: 0 },
      { name: "Ben", added: 0, changed: 1, deleted: 1 },
    ]);
    expect(body.nodes.a).toMatchObject({ createdBy: "Ada", changedBy: "Ben" });
    expect(body.nodes.b).toMatchObject({ createdBy: "Ada", changedBy: "Ada" });
    expect(new Date(body.nodes.a!.changedAt).getTime()).toBeGreaterThan(0);
    expect(Object.keys(body.nodes).sort()).toEqual(["a", "b"]);
  });
});
