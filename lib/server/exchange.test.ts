/** Export in every format and import of every format, through the real route handlers on a real SQLite file. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mapRoute from "../../app/api/maps/[token]/route";
import exportRoute from "../../pages/api/maps/[token]/export";
import importRoute from "../../pages/api/maps/import";
import { DEMO_MAP } from "../../prisma/demo-map";
import { LIMITS } from "../map/limits";
import type { MapSnapshot } from "../map/types";
import { db } from "./db";
import { ensureDemoMap } from "./demo";
import { pngScale } from "../map/exchange/pngDrawing";
import { callNodeRoute } from "./testing/node-route";
import { useTempDatabase } from "./testing/temp-database";

const BASE = "http://argumap.test";
let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
  await ensureDemoMap();
});
afterAll(() => database.dispose());

const ctx = (token: string) => ({ params: Promise.resolve({ token }) });
const tokenOf = (url: string) => url.split("/m/")[1]!;
const exportAs = (format: string) => callNodeRoute(exportRoute, { params: { token: "demo" }, query: { format } });
const importBody = (body: string | Uint8Array | ReadableStream<Uint8Array>, contentType: string | null) =>
  callNodeRoute(importRoute, { method: "POST", headers: contentType ? { "content-type": contentType } : {}, body });
const snapshot = async (token: string) => (await (await mapRoute.GET(new Request(`${BASE}/api/maps/${token}`), ctx(token))).json()) as MapSnapshot & { role: string };
const mapCount = async () => (await db()).map.count();

/** What a map says, independent of ids: each node's kind, text and speaker, and each link by its ends' texts. */
function argumentOf(map: Pick<MapSnapshot, "nodes" | "edges">, oneLine = false) {
  const text = (value: string) => (oneLine ? value.replace(/\s+/g, " ").trim() : value);
  const byId = new Map(map.nodes.map((node) => [node.id, node]));
  return {
    nodes: map.nodes.map((node) => `${node.kind}: ${text(node.text)} (${node.speaker})`).sort(),
    links: map.edges.map((edge) => `${text(byId.get(edge.from)!.text)} ${edge.relation} ${text(byId.get(edge.to)!.text)}`).sort(),
  };
}

async function imported(response: Response) {
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; title: string; links: { owner: string } };
  return { title: body.title, map: await snapshot(tokenOf(body.links.owner)) };
}

describe("GET /api/maps/:token/export", () => {
  it.each([
    ["json", "application/json", "is-alibaba-cloud-a-security-risk-for-the-us.json"],
    ["argdown", "text/plain", "is-alibaba-cloud-a-security-risk-for-the-us.argdown"],
    ["aif", "application/json", "is-alibaba-cloud-a-security-risk-for-the-us.aif.json"],
    ["svg", "image/svg+xml", "is-alibaba-cloud-a-security-risk-for-the-us.svg"],
    ["png", "image/png", "is-alibaba-cloud-a-security-risk-for-the-us.png"],
  ])("gives %s as a download of type %s named %s", async (format, type, name) => {
    const response = await exportAs(format);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(new RegExp(`^${type.replace("+", "\\+")}`));
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${name}"`);
  });

  it("writes AIF with an I-node per node and an RA or CA node per link", async () => {
    const aif = (await (await exportAs("aif")).json()) as { nodes: { type: string }[] };
    const count = (type: string) => aif.nodes.filter((node) => node.type === type).length;
    expect(count("I")).toBe(DEMO_MAP.nodes.length);
    expect(count("RA")).toBe(DEMO_MAP.edges.filter((edge) => edge.relation === "supports").length);
    expect(count("CA")).toBe(DEMO_MAP.edges.filter((edge) => edge.relation === "rebuts").length);
  });

  it("draws the map as SVG with its title, and as a PNG of it at up to twice its size", async () => {
    const svg = await (await exportAs("svg")).text();
    expect(svg).toContain(`<title id="map-title">${DEMO_MAP.title}</title>`);
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    const png = new Uint8Array(await (await exportAs("png")).arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    const scale = pngScale(width!, height!);
    expect(view.getUint32(16)).toBe(Math.round(width! * scale));
    expect(view.getUint32(20)).toBe(Math.round(height! * scale));
  });

  it("refuses an unknown format with 400, listing the formats there are", async () => {
    const response = await exportAs("docx");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toEqual({ code: "invalid_input", message: 'Unknown export format "docx". Use one of: json, argdown, aif, svg, png.' });
  });
});

describe("POST /api/maps/import", () => {
  it("imports an AIF export into a new map with the same argument, positions and title", async () => {
    const { title, map } = await imported(await importBody(await (await exportAs("aif")).text(), "application/json"));
    const demo = await snapshot("demo");
    expect(title).toBe(DEMO_MAP.title);
    expect(map.map.title).toBe(DEMO_MAP.title);
    expect(argumentOf(map)).toEqual(argumentOf(demo));
    expect(map.nodes.map((node) => [node.x, node.y]).sort()).toEqual(demo.nodes.map((node) => [node.x, node.y]).sort());
  });

  it("imports an Argdown export sent as text into a new map with the same argument and sources", async () => {
    const { map } = await imported(await importBody(await (await exportAs("argdown")).text(), "text/plain; charset=utf-8"));
    const demo = await snapshot("demo");
    expect(argumentOf(map, true)).toEqual(argumentOf(demo, true));
    expect(map.sources.map((source) => source.title).sort()).toEqual(demo.sources.map((source) => source.title).sort());
    expect(map.nodes.filter((node) => node.quote)).toHaveLength(demo.nodes.filter((node) => node.quote).length);
  });

  it("imports AIF written by another tool, with inferred kinds and a tidy layout", async () => {
    const aif = {
      nodes: [
        { nodeID: 1, text: "Homework should be banned", type: "I" },
        { nodeID: 2, text: "Children need time to play", type: "I" },
        { nodeID: 3, text: "Default Inference", type: "RA" },
      ],
      edges: [
        { edgeID: 1, fromID: 2, toID: 3 },
        { edgeID: 2, fromID: 3, toID: 1 },
      ],
      locutions: [],
    };
    const { map } = await imported(await importBody(JSON.stringify(aif), "application/json"));
    expect(argumentOf(map)).toEqual({ nodes: ["claim: Homework should be banned ()", "support: Children need time to play ()"], links: ["Children need time to play supports Homework should be banned"] });
    const [claim, support] = map.nodes;
    expect(support!.y).toBeGreaterThan(claim!.y);
  });

  it("refuses Argdown with nothing readable with 400 naming the line, and creates nothing", async () => {
    const before = await mapCount();
    const response = await importBody("\n  + [Reason]: with nothing above it", "text/plain");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toEqual({ code: "invalid_input", message: expect.stringMatching(/^Cannot import this map: line 2: Argdown syntax error: /) });
    expect(await mapCount()).toBe(before);
  });

  it("imports what parses of Argdown with an error, and answers with a report naming the line", async () => {
    const response = await importBody("[Claim]: A claim\n  + <Argument>: because\n\n[Other] oops text", "text/plain");
    expect(response.status).toBe(201);
    const body = (await response.json()) as { report: { created: Record<string, number>; warnings: { where: string; message: string }[] } };
    expect(body.report.created).toEqual({ claim: 2, argument: 1, supports: 1 });
    expect(body.report.warnings).toEqual([{ where: "line 4", message: expect.stringMatching(/^Argdown syntax error: /) }]);
  });

  it("refuses AIF with more statements than a map holds with 413, and creates nothing", async () => {
    const before = await mapCount();
    const nodes = Array.from({ length: LIMITS.nodesPerMap + 1 }, (_, i) => ({ nodeID: i, text: "", type: "I" }));
    const response = await importBody(JSON.stringify({ nodes, edges: [], locutions: [] }), "application/json");
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("too_large");
    expect(await mapCount()).toBe(before);
  });

  it("refuses a body over the size limit with 413, by its declared length or as it streams in, whatever its format", async () => {
    const declared = await importBody(new TextEncoder().encode(`[A]: ${"a".repeat(LIMITS.requestBody)}`), "text/plain");
    expect(declared.status).toBe(413);
    const chunk = new TextEncoder().encode("a".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > LIMITS.requestBody) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await importBody(stream, "text/plain");
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe("too_large");
  });
});
