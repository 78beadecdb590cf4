/** The HTTP contract (design.md), exercised through the real route handlers on a real SQLite file. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mapRoute from "../../app/api/maps/[token]/route";
import createRoute from "../../pages/api/maps/index";
import opsRoute from "../../pages/api/maps/[token]/ops";
import copyRoute from "../../pages/api/maps/[token]/copy";
import exportRoute from "../../pages/api/maps/[token]/export";
import importRoute from "../../pages/api/maps/import";
import { ensureDemoMap } from "./demo";
import { useTempDatabase } from "./testing/temp-database";
import { DEMO_MAP } from "../../prisma/demo-map";
import { callNodeRoute, postJson } from "./testing/node-route";

const BASE = "http://argumap.test";
let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
  await ensureDemoMap();
});
afterAll(() => database.dispose());

const ctx = (token: string) => ({ params: Promise.resolve({ token }) });
const get = (path: string) => new Request(`${BASE}${path}`);
const tokenOf = (url: string) => url.split("/m/")[1]!;

async function createMap(title = "Contract map") {
  const response = await postJson(createRoute, {}, { title });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; links: { owner: string; edit: string; view: string } };
  return { ...body, owner: tokenOf(body.links.owner), edit: tokenOf(body.links.edit), view: tokenOf(body.links.view) };
}

const addClaim = (clientOpId: string, id: string) => ({ clientOpId, type: "addNode", node: { id, kind: "claim", text: "A claim", x: 0, y: 0 } });
const sendOps = (token: string, ops: unknown[], clientId = "client-1") => postJson(opsRoute, { token }, { clientId, ops });
const snapshot = async (token: string) => (await (await mapRoute.GET(get(`/api/maps/${token}`), ctx(token))).json()) as { nodes: { id: string }[]; revision: number; role: string; map: { title: string } };

describe("POST /api/maps", () => {
  it("creates a map and returns full owner, edit and view URLs", async () => {
    const map = await createMap();
    expect(map.links.owner).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/m\/[A-Za-z0-9_-]{43}$/);
    expect(await snapshot(map.owner)).toMatchObject({ role: "owner", revision: 0, nodes: [], map: { title: "Contract map" } });
  });

  it("refuses a title that is too long with 413 and a JSON error", async () => {
    const response = await postJson(createRoute, {}, { title: "x".repeat(500) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "too_large", message: expect.any(String) } });
  });

  it("refuses a body that is not JSON with 400", async () => {
    const response = await postJson(createRoute, {}, "{nope");
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_input");
  });
});

describe("GET /api/maps/:token", () => {
  it("gives each link its role", async () => {
    const map = await createMap();
    expect((await snapshot(map.edit)).role).toBe("edit");
    expect((await snapshot(map.view)).role).toBe("view");
  });

  it("answers malformed and unknown tokens with the same 404", async () => {
    const malformed = await mapRoute.GET(get("/api/maps/x"), ctx("x"));
    const unknown = await mapRoute.GET(get("/api/maps/" + "A".repeat(43)), ctx("A".repeat(43)));
    expect(malformed.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await malformed.json()).toEqual(await unknown.json());
  });

  it("serves the demo map read-only under the reserved alias", async () => {
    const demo = await snapshot("demo");
    expect(demo.role).toBe("view");
    expect(demo.nodes).toHaveLength(DEMO_MAP.nodes.length);
  });
});

describe("POST /api/maps/:token/ops", () => {
  it("applies ops for owner and edit links, and is idempotent per clientId + clientOpId", async () => {
    const map = await createMap();
    const first = await sendOps(map.edit, [addClaim("o1", "n1")]);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ revision: 1, applied: [{ clientOpId: "o1", revision: 1 }], rejected: [] });
    const again = await sendOps(map.edit, [addClaim("o1", "n1")]);
    expect((await again.json()).revision).toBe(1);
    expect((await snapshot(map.owner)).nodes).toHaveLength(1);
  });

  it("refuses every write from a view link with 403 and changes nothing", async () => {
    const map = await createMap();
    const response = await sendOps(map.view, [addClaim("o1", "n1")]);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
    expect((await snapshot(map.owner)).revision).toBe(0);
    const demo = await sendOps("demo", [addClaim("o1", "n1")]);
    expect(demo.status).toBe(403);
  });

  it("refuses a batch with a malformed op with 400 naming it, and applies none of the batch", async () => {
    const map = await createMap();
    const response = await sendOps(map.owner, [addClaim("good", "n1"), { clientOpId: "bad", type: "addNode", node: { id: "n2", kind: "opinion", text: "", x: 0, y: 0 } }]);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_op");
    expect(body.error.message).toContain("bad");
    expect((await snapshot(map.owner)).nodes).toEqual([]);
  });

  it("reports an op that cannot apply (a link to a missing node) as rejected, and still applies the others", async () => {
    const map = await createMap();
    const response = await sendOps(map.owner, [addClaim("o1", "n1"), { clientOpId: "o2", type: "addEdge", edge: { id: "e1", from: "ghost", to: "n1", relation: "supports" } }]);
    const body = await response.json();
    expect(body.applied.map((a: { clientOpId: string }) => a.clientOpId)).toEqual(["o1"]);
    expect(body.rejected).toEqual([{ clientOpId: "o2", error: { code: "not_found", message: expect.any(String) } }]);
  });

  it("refuses too many ops in one request with 413", async () => {
    const map = await createMap();
    const ops = Array.from({ length: 501 }, (_, i) => addClaim(`o${i}`, `n${i}`));
    const response = await sendOps(map.owner, ops);
    expect(response.status).toBe(413);
    expect((await snapshot(map.owner)).nodes).toEqual([]);
  });

  it("refuses a body over the size limit with 413 before reading it all, and a wrong method with 405", async () => {
    const map = await createMap();
    const huge = await postJson(opsRoute, { token: map.owner }, { clientId: "c", ops: [addClaim("o1", "n1")], padding: "x".repeat(2_100_000) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("too_large");
    const get = await callNodeRoute(opsRoute, { params: { token: map.owner } });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await get.json()).error.code).toBe("method_not_allowed");
    expect((await snapshot(map.owner)).nodes).toEqual([]);
  });
});

describe("copy, export and import", () => {
  it("copying the demo gives an editable map with the same content", async () => {
    const response = await postJson(copyRoute, { token: "demo" }, {});
    expect(response.status).toBe(201);
    const copy = await snapshot(tokenOf((await response.json()).links.owner));
    expect(copy.role).toBe("owner");
    expect(copy.nodes).toHaveLength(DEMO_MAP.nodes.length);
  });

  it("a JSON export imports back into an equal, new map", async () => {
    const exported = await callNodeRoute(exportRoute, { params: { token: "demo" }, query: { format: "json" } });
    expect(exported.headers.get("content-type")).toContain("application/json");
    const json = await exported.json();
    const imported = await postJson(importRoute, {}, json);
    expect(imported.status).toBe(201);
    const copy = await snapshot(tokenOf((await imported.json()).links.owner));
    const demo = await snapshot("demo");
    expect(copy.nodes).toEqual(demo.nodes);
    expect(copy.map.title).toBe(demo.map.title);
  });

  it("an import with a dangling link is refused with 400 and creates nothing", async () => {
    const response = await postJson(importRoute, {}, { format: "argumap", version: 1, map: { title: "Bad" }, nodes: [], edges: [{ id: "e", from: "a", to: "b", relation: "supports" }], sources: [] });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/e/);
  });

  it("an unknown export format is a 400", async () => {
    const response = await callNodeRoute(exportRoute, { params: { token: "demo" }, query: { format: "docx" } });
    expect(response.status).toBe(400);
  });
});

describe("demo seeding", () => {
  it("is idempotent: a second start adds nothing", async () => {
    expect(await ensureDemoMap()).toBe(false);
    expect((await snapshot("demo")).nodes).toHaveLength(DEMO_MAP.nodes.length);
  });
});
