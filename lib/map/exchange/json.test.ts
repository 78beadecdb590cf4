import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits";
import type { OpError } from "../ops";
import { premisesOf } from "../graph";
import { mapDocArb } from "../testing/mapArb";
import { opSeedsArb, playSeeds } from "../testing/opSequences";
import { debate, edge, node, source } from "../testing/fixtures";
import { emptyDoc, type MapDoc } from "../types";
import { parseJsonImport, toJsonExport } from "./json";

const RUNS = { numRuns: 250 };

/** A valid export of debate() with some part replaced. */
function exportWith(change: Record<string, unknown>): Record<string, unknown> {
  return { ...toJsonExport(debate()), ...change };
}

function importError(input: unknown): OpError {
  const result = parseJsonImport(input);
  if (result.ok) throw new Error("expected the import to be refused");
  return result.error;
}

describe("toJsonExport", () => {
  it("writes a versioned document with the map's content and nothing server-side", () => {
    expect(toJsonExport(debate())).toEqual({
      format: "argumap",
      version: 1,
      map: { title: "Alibaba in the US", description: "", presentation: null },
      nodes: Object.values(debate().nodes),
      edges: Object.values(debate().edges),
      sources: Object.values(debate().sources),
    });
  });

  it("takes a snapshot too, dropping fields that are not the model's", () => {
    const snapshot = {
      map: { id: "m1", title: "T", description: "D", createdAt: "2024-01-01" },
      nodes: [{ ...node("a"), mapId: "m1" }],
      edges: [],
      sources: [],
      revision: 7,
    };
    const exported = toJsonExport(snapshot);
    expect(exported.map).toEqual({ title: "T", description: "D", presentation: null });
    expect(exported.nodes).toEqual([node("a")]);
  });
});

describe("parseJsonImport", () => {
  it("reads back what toJsonExport wrote, through JSON text", () => {
    expect(parseJsonImport(JSON.stringify(toJsonExport(debate())))).toEqual({ ok: true, doc: debate() });
  });

  it("reads a snapshot as GET /api/maps/:token gives it", () => {
    const { format: _format, version: _version, ...content } = toJsonExport(debate());
    const snapshot = { ...content, map: { id: "m1", title: "Alibaba in the US", description: "" }, revision: 12 };
    expect(parseJsonImport(snapshot)).toEqual({ ok: true, doc: debate() });
  });

  it("fills in the optional fields of nodes and sources, and a missing title", () => {
    const result = parseJsonImport({
      format: "argumap",
      version: 1,
      nodes: [{ id: "a", kind: "claim", text: "A", x: 0, y: 0 }],
      sources: [{ id: "s", title: "S" }],
    });
    expect(result).toEqual({
      ok: true,
      doc: {
        meta: { title: "Untitled map", description: "", presentation: null },
        nodes: { a: node("a", { kind: "claim", text: "A" }) },
        edges: {},
        sources: { s: source("s", { title: "S" }) },
      },
    });
  });

  // [what is wrong, input, code, message]
  const refusals: [string, unknown, OpError["code"], string | RegExp][] = [
    ["not JSON at all", "{nope", "invalid_op", "this is not valid JSON"],
    ["an array instead of an object", [], "invalid_op", /expected an Argumap JSON export/],
    ["another format", exportWith({ format: "kialo" }), "invalid_op", 'format is "kialo", expected "argumap"'],
    ["a newer version", exportWith({ version: 2 }), "invalid_op", /version 2 of the Argumap format/],
    ["a node without text", exportWith({ nodes: [{ id: "a", kind: "claim", x: 0, y: 0 }] }), "invalid_op", /^node 1 \("a"\): text: /],
    ["a node of an unknown kind", exportWith({ nodes: [{ ...node("a"), kind: "premise" }] }), "invalid_op", /^node 1 \("a"\): kind: /],
    ["a node text over the limit", exportWith({ nodes: [node("a", { text: "x".repeat(LIMITS.nodeTextLength + 1) })] }), "too_large", /^node 1 \("a"\): text: /],
    ["a link with a bad id", exportWith({ edges: [edge("a b", "c", "s")] }), "invalid_op", /^link 1 \("a b"\): id: /],
    ["two nodes with one id", exportWith({ nodes: [node("a"), node("a")], edges: [] }), "conflict", 'two nodes have the id "a"'],
    ["a link to an unknown node", exportWith({ edges: [edge("e1", "s", "zz")] }), "not_found", 'link "e1" points to node "zz", which is not in the map'],
    ["a link from a node to itself", exportWith({ edges: [edge("e1", "c", "c")] }), "invalid_op", 'link "e1" links node "c" to itself'],
    ["two links between the same nodes", exportWith({ edges: [edge("e1", "s", "c"), edge("e2", "s", "c", "rebuts")] }), "conflict", 'links "e1" and "e2" both link "s" to "c"'],
    ["a node citing an unknown source", exportWith({ sources: [] }), "not_found", 'node "s" cites source "s1", which is not in the map'],
    ["more nodes than a map holds", exportWith({ nodes: Array.from({ length: LIMITS.nodesPerMap + 1 }, () => ({})) }), "too_large", /at most 5000 nodes/],
    ["more sources than a map holds", exportWith({ sources: Array.from({ length: LIMITS.sourcesPerMap + 1 }, () => ({})) }), "too_large", /at most 200 sources/],
  ];
  it.each(refusals)("refuses %s, saying which item is wrong", (_what, input, code, message) => {
    const error = importError(input);
    expect(error.code).toBe(code);
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it("round-trips any map that ops can build: export, JSON text, import gives an equal doc", () => {
    fc.assert(
      fc.property(opSeedsArb, (seeds) => {
        const { end } = playSeeds(emptyDoc(), seeds);
        const text = JSON.stringify(toJsonExport(end));
        expect(parseJsonImport(JSON.parse(text))).toEqual({ ok: true, doc: end });
      }),
      RUNS,
    );
  });

  it("round-trips maps dense with co-premises and undercuts: every node, premise group, relation and undercut comes back", () => {
    const groups = (doc: MapDoc) =>
      Object.values(doc.nodes)
        .filter((n) => n.kind === "argument")
        .map((n) => [n.id, premisesOf(doc, n.id).map((e) => e.from).sort()])
        .sort();
    const undercuts = (doc: MapDoc) => Object.values(doc.edges).filter((e) => e.relation === "undercuts").map((e) => [e.from, e.to]).sort();
    let structured = 0;
    fc.assert(
      fc.property(mapDocArb(), (doc) => {
        if (groups(doc).some(([, premises]) => premises!.length > 1) && undercuts(doc).length > 0) structured += 1;
        const back = parseJsonImport(JSON.parse(JSON.stringify(toJsonExport(doc))));
        if (!back.ok) throw new Error(back.error.message);
        expect(back.doc).toEqual(doc);
        expect(groups(back.doc)).toEqual(groups(doc));
        expect(undercuts(back.doc)).toEqual(undercuts(doc));
      }),
      RUNS,
    );
    // The generator reaches what the property is about: reasons of several premises, and undercuts.
    expect(structured).toBeGreaterThan(RUNS.numRuns / 10);
  });

  it("refuses a link that breaks the structure rules, naming it", () => {
    const error = importError(exportWith({ edges: [edge("e1", "s", "c"), edge("e2", "r", "e1", "undercuts"), edge("e3", "c", "s", "premise")] }));
    expect(error).toEqual({ code: "invalid_op", message: expect.stringMatching(/^link "e3": a premise links a statement into an argument/) });
  });

  it("never throws on any JSON value, and refuses with a typed error", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.json()), (input) => {
        const result = parseJsonImport(input);
        if (!result.ok) expect(["invalid_op", "not_found", "conflict", "too_large"]).toContain(result.error.code);
      }),
      RUNS,
    );
  });

  it("never throws on exports with random damage to their items", () => {
    const damaged = fc.record({
      nodes: fc.array(fc.oneof(fc.constant(node("c")), fc.jsonValue(), fc.record({ id: fc.string(), kind: fc.string() }))),
      edges: fc.array(fc.oneof(fc.constant(edge("e1", "c", "c")), fc.jsonValue())),
      sources: fc.oneof(fc.jsonValue(), fc.constant([])),
    });
    fc.assert(
      fc.property(damaged, (parts) => {
        expect(() => parseJsonImport({ format: "argumap", version: 1, ...parts })).not.toThrow();
      }),
      RUNS,
    );
  });
});
