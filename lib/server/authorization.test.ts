/**
 * Who may do what: every API route × every kind of link, through the real route handlers. After
 * every refused call the map is exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mapRoute from "../../app/api/maps/[token]/route";
import eventsRoute from "../../pages/api/maps/[token]/events";
import opsRoute from "../../pages/api/maps/[token]/ops";
import presenceRoute from "../../pages/api/maps/[token]/presence";
import exportRoute from "../../pages/api/maps/[token]/export";
import copyRoute from "../../pages/api/maps/[token]/copy";
import * as rotateRoute from "../../app/api/maps/[token]/links/rotate/route";
import joinCodesRoute from "../../pages/api/maps/[token]/join-codes/index";
import leadRoute from "../../pages/api/maps/[token]/lead";
import resultsRoute from "../../pages/api/maps/[token]/results/index";
import settingsRoute from "../../pages/api/maps/[token]/settings";
import summonRoute from "../../pages/api/maps/[token]/summon";
import { emptyDoc } from "../map/types";
import { applyClientOps } from "./apply-ops";
import { resolveToken } from "./links";
import { createMapFromDoc, readSnapshot } from "./maps";
import { useTempDatabase } from "./testing/temp-database";
import { callNodeRoute, postJson } from "./testing/node-route";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

type Holder = "owner" | "edit" | "view" | "revoked" | "malformed" | "unknown";
const HOLDERS: Holder[] = ["owner", "edit", "view", "revoked", "malformed", "unknown"];
const ctx = (token: string) => ({ params: Promise.resolve({ token }) });
const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** A map with one node, and a token for every kind of holder (the revoked one is a rotated-out edit link). */
async function mapWithLinks(): Promise<{ mapId: string; tokens: Record<Holder, string> }> {
  const created = await createMapFromDoc(emptyDoc({ title: "Matrix" }), "http://test");
  const token = (url: string) => url.split("/m/")[1]!;
  const mapId = (await resolveToken(token(created.links.owner)))!.mapId;
  await applyClientOps({ mapId, clientId: "setup", author: "", ops: [{ clientOpId: "1", type: "addNode", node: { id: "a", kind: "claim", text: "A", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } }] });
  const revoked = token(created.links.edit);
  const rotated = await rotateRoute.POST(new Request("http://test/x", json({ role: "edit" })), ctx(token(created.links.owner)));
  const links = (await rotated.json()).links as Record<string, string>;
  return {
    mapId,
    tokens: { owner: token(created.links.owner), edit: token(links.edit!), view: token(created.links.view), revoked, malformed: "not-a-token<script>", unknown: "A".repeat(43) },
  };
}

const ROUTES: Record<string, { call: (token: string) => Promise<Response>; expect: Record<Holder, number> }> = {
  "GET /api/maps/:token": { call: (t) => mapRoute.GET(new Request(`http://test/api/maps/${t}`), ctx(t)), expect: { owner: 200, edit: 200, view: 200, revoked: 404, malformed: 404, unknown: 404 } },
  "POST /api/maps/:token/ops": {
    call: (t) => postJson(opsRoute, { token: t }, { clientId: "matrix", ops: [{ clientOpId: `o${Math.random()}`.replace(".", ""), type: "updateNode", id: "a", patch: { text: "changed" } }] }),
    expect: { owner: 200, edit: 200, view: 403, revoked: 404, malformed: 404, unknown: 404 },
  },
  "GET /api/maps/:token/events": {
    call: async (t) => {
      const abort = new AbortController();
      const response = await callNodeRoute(eventsRoute, { params: { token: t }, signal: abort.signal });
      if (response.ok) abort.abort(); // a refusal's JSON body is still read below
      return response;
    },
    expect: { owner: 200, edit: 200, view: 200, revoked: 404, malformed: 404, unknown: 404 },
  },
  "POST /api/maps/:token/presence": {
    call: (t) => postJson(presenceRoute, { token: t }, { clientId: "matrix", key: "matrix-tab-secret-key", name: "M", colour: "#123456" }),
    expect: { owner: 204, edit: 204, view: 204, revoked: 404, malformed: 404, unknown: 404 },
  },
  "GET /api/maps/:token/export": { call: (t) => callNodeRoute(exportRoute, { params: { token: t }, query: { format: "json" } }), expect: { owner: 200, edit: 200, view: 200, revoked: 404, malformed: 404, unknown: 404 } },
  "POST /api/maps/:token/copy": { call: (t) => postJson(copyRoute, { token: t }, {}), expect: { owner: 201, edit: 201, view: 201, revoked: 404, malformed: 404, unknown: 404 } },
  "POST /api/maps/:token/links/rotate": { call: (t) => rotateRoute.POST(new Request("http://test/x", json({ role: "view" })), ctx(t)), expect: { owner: 200, edit: 403, view: 403, revoked: 404, malformed: 404, unknown: 404 } },
  // The room: by default only the owner leads, sets who may, makes join codes and sees the results.
  "POST /api/maps/:token/lead": {
    call: (t) => postJson(leadRoute, { token: t }, { clientId: "stage", name: "Stage", colour: "#123456", step: 0, count: 1, take: true }),
    expect: { owner: 200, edit: 403, view: 403, revoked: 404, malformed: 404, unknown: 404 },
  },
  "POST /api/maps/:token/summon": { call: (t) => postJson(summonRoute, { token: t }, { clientId: "page", name: "Page", view: null }), expect: { owner: 200, edit: 403, view: 403, revoked: 404, malformed: 404, unknown: 404 } },
  "POST /api/maps/:token/settings": { call: (t) => postJson(settingsRoute, { token: t }, { editorsMayLead: false }), expect: { owner: 200, edit: 403, view: 403, revoked: 404, malformed: 404, unknown: 404 } },
  "POST /api/maps/:token/join-codes": { call: (t) => postJson(joinCodesRoute, { token: t }, { role: "view", minutes: 5 }), expect: { owner: 201, edit: 403, view: 403, revoked: 404, malformed: 404, unknown: 404 } },
  "GET /api/maps/:token/results": { call: (t) => callNodeRoute(resultsRoute, { params: { token: t } }), expect: { owner: 200, edit: 403, view: 403, revoked: 404, malformed: 404, unknown: 404 } },
};

const cases = Object.entries(ROUTES).flatMap(([name, route]) => HOLDERS.map((holder) => ({ name, holder, status: route.expect[holder], call: route.call })));

describe("authorization matrix", () => {
  it.each(cases)("$name with a $holder link → $status", async ({ holder, status, call }) => {
    const { mapId, tokens } = await mapWithLinks();
    const before = await readSnapshot(mapId);
    const response = await call(tokens[holder]);
    expect(response.status).toBe(status);
    if (status >= 400) {
      expect(await response.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      expect(await readSnapshot(mapId)).toEqual(before);
    }
  });

  it("a refused token gets the same answer whatever the reason", async () => {
    const { tokens } = await mapWithLinks();
    const bodies = await Promise.all((["revoked", "malformed", "unknown"] as const).map(async (holder) => (await mapRoute.GET(new Request("http://test/x"), ctx(tokens[holder]))).json()));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });
});
