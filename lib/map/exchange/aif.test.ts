import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits";
import type { OpError } from "../ops";
import { mapDocArb, statementsOnly } from "../testing/mapArb";
import { opSeedsArb, playSeeds } from "../testing/opSequences";
import { debate, docOf, edge, node } from "../testing/fixtures";
import { emptyDoc, type MapDoc } from "../types";
import { looksLikeAif, parseAifImport, toAif } from "./aif";
import { speakerInText } from "./aifImport";
import { structureSignature, withUniqueTexts } from "../testing/structureSignature";
import { importedDoc, importRefusal, linksByText } from "../testing/imports";

const RUNS = { numRuns: 200 };

const imported = (input: unknown) => importedDoc(parseAifImport(input));
const importError = (input: unknown) => importRefusal(parseAifImport(input));

/** A few statements as AIFdb writes them: numeric ids, timestamps, no kinds, no positions. */
const AIFDB_SAMPLE = {
  nodes: [
    { nodeID: 101, text: "Alibaba Cloud is a security risk", type: "I", timestamp: "2024-05-01 10:00:00" },
    { nodeID: 102, text: "Its data centres answer to Beijing", type: "I", timestamp: "2024-05-01 10:00:00" },
    { nodeID: 103, text: "Customer data stays in US regions", type: "I", timestamp: "2024-05-01 10:00:00" },
    { nodeID: 104, text: "Default Inference", type: "RA", timestamp: "2024-05-01 10:00:00" },
    { nodeID: 105, text: "Default Conflict", type: "CA", timestamp: "2024-05-01 10:00:00" },
    { nodeID: 106, text: "Rice : Its data centres answer to Beijing", type: "L", timestamp: "2024-05-01 10:00:00" },
    { nodeID: 107, text: "Asserting", type: "YA", timestamp: "2024-05-01 10:00:00" },
    { nodeID: 108, text: "Default Transition", type: "TA", timestamp: "2024-05-01 10:00:00" },
  ],
  edges: [
    { edgeID: 1, fromID: 102, toID: 104, formEdgeID: null },
    { edgeID: 2, fromID: 104, toID: 101, formEdgeID: null },
    { edgeID: 3, fromID: 103, toID: 105, formEdgeID: null },
    { edgeID: 4, fromID: 105, toID: 101, formEdgeID: null },
    { edgeID: 5, fromID: 106, toID: 107, formEdgeID: null },
    { edgeID: 6, fromID: 107, toID: 102, formEdgeID: null },
    { edgeID: 7, fromID: 106, toID: 108, formEdgeID: null },
  ],
  locutions: [{ nodeID: 106, personID: 1 }],
  participants: [{ participantID: 1, firstname: "Condoleezza", surname: "Rice" }],
};

describe("toAif", () => {
  it("writes each node as an I-node and each link as an RA (supports) or CA (rebuts) node between two I-nodes", () => {
    const aif = toAif(debate());
    expect(aif.nodes).toEqual([
      { nodeID: "1", text: "Alibaba Cloud in the US is a security risk", type: "I" },
      { nodeID: "2", text: "Its data centres answer to Beijing", type: "I" },
      { nodeID: "3", text: "US customer data stays in US regions", type: "I" },
      { nodeID: "4", text: "Default Inference", type: "RA" },
      { nodeID: "5", text: "Default Conflict", type: "CA" },
    ]);
    expect(aif.edges.map((e) => `${e.fromID}→${e.toID}`)).toEqual(["2→4", "4→1", "3→5", "5→1"]);
    expect(aif.locutions).toEqual([]);
    expect(aif.argumap).toEqual({
      version: 2,
      title: "Alibaba in the US",
      description: "",
      nodes: {
        1: { kind: "claim", x: 0, y: 0 },
        2: { kind: "support", x: -100, y: 200, sourceId: "s1", quote: "answer to Beijing" },
        3: { kind: "rebuttal", x: 100, y: 200 },
      },
      arguments: {},
      schemes: {},
      sources: [debate().sources.s1],
    });
  });

  it("names speakers the AIF way: a locution (L) asserting the I-node through a YA node, by a participant", () => {
    const doc = docOf({
      nodes: [node("a", { text: "A", speaker: "Condoleezza Rice" }), node("b", { text: "B", speaker: "Condoleezza Rice" }), node("c", { text: "C", speaker: "Huawei" })],
    });
    const aif = toAif(doc);
    expect(aif.participants).toEqual([
      { participantID: 1, firstname: "Condoleezza", surname: "Rice" },
      { participantID: 2, firstname: "Huawei", surname: "" },
    ]);
    expect(aif.nodes.filter((n) => n.type === "L").map((n) => n.text)).toEqual(["Condoleezza Rice : A", "Condoleezza Rice : B", "Huawei : C"]);
    expect(aif.locutions.map((l) => l.personID)).toEqual([1, 1, 2]);
    const [locution] = aif.nodes.filter((n) => n.type === "L");
    const ya = aif.edges.find((e) => e.fromID === locution!.nodeID)!.toID;
    expect(aif.nodes.find((n) => n.nodeID === ya)?.type).toBe("YA");
    expect(aif.edges.find((e) => e.fromID === ya)?.toID).toBe("1");
  });

  it("writes an empty map as empty lists", () => {
    expect(toAif(emptyDoc())).toMatchObject({ nodes: [], edges: [], locutions: [], participants: [] });
  });
});

describe("parseAifImport", () => {
  it("reads AIFdb's JSON: I-nodes become nodes, RA supports, CA rebuts, speakers from locutions; dialogue nodes are not map nodes", () => {
    const doc = imported(AIFDB_SAMPLE);
    expect(Object.values(doc.nodes).map((n) => [n.text, n.kind, n.speaker])).toEqual([
      ["Alibaba Cloud is a security risk", "claim", ""],
      ["Its data centres answer to Beijing", "support", "Condoleezza Rice"],
      ["Customer data stays in US regions", "rebuttal", ""],
    ]);
    expect(linksByText(doc)).toEqual([
      "Customer data stays in US regions rebuts Alibaba Cloud is a security risk",
      "Its data centres answer to Beijing supports Alibaba Cloud is a security risk",
    ]);
    expect(doc.meta.title).toBe("Untitled map");
  });

  it("lays out a file without positions with reasons below what they answer", () => {
    const doc = imported(AIFDB_SAMPLE);
    const [claim, support, rebuttal] = Object.values(doc.nodes);
    expect(support!.y).toBeGreaterThan(claim!.y);
    expect(rebuttal!.y).toBeGreaterThan(claim!.y);
    expect(support!.x).not.toBe(rebuttal!.x);
  });

  it("takes positions from OVA's wrapper, and the speaker from the locution text when no participant is named", () => {
    const { locutions: _locutions, participants: _participants, ...plain } = AIFDB_SAMPLE;
    const positions = [101, 102, 103].map((nodeID, i) => ({ nodeID: String(nodeID), visible: true, x: i * 300, y: i * 10, timestamp: "" }));
    const doc = imported({ AIF: plain, OVA: { firstname: "", surname: "", nodes: positions, edges: [] }, text: { txt: "" } });
    expect(Object.values(doc.nodes).map((n) => [n.x, n.y])).toEqual([[0, 0], [300, 10], [600, 20]]);
    expect(Object.values(doc.nodes)[1]!.speaker).toBe("Rice");
  });

  it("infers kinds: a node that rebuts anything is a rebuttal, one that only supports a support, the rest claims", () => {
    const aif = {
      nodes: [
        { nodeID: "a", text: "A", type: "I" },
        { nodeID: "b", text: "B", type: "I" },
        { nodeID: "c", text: "C", type: "I" },
        { nodeID: "ra", text: "", type: "RA" },
        { nodeID: "ca", text: "", type: "CA" },
      ],
      edges: [
        { fromID: "b", toID: "ra" },
        { fromID: "ra", toID: "a" },
        { fromID: "c", toID: "ca" },
        { fromID: "ca", toID: "b" },
      ],
      locutions: [],
    };
    expect(Object.values(imported(aif).nodes).map((n) => n.kind)).toEqual(["claim", "support", "rebuttal"]);
  });

  it("reads linked premises as an argument, a CA aimed at an RA as an undercut of its link, and an MA as a support, with a warning", () => {
    const aif = {
      nodes: [
        { nodeID: "1", text: "Conclusion", type: "I" },
        { nodeID: "2", text: "Premise one", type: "I" },
        { nodeID: "3", text: "Premise two", type: "I" },
        { nodeID: "4", text: "Undercutter", type: "I" },
        { nodeID: "5", text: "Argument From Expert Opinion", type: "RA" },
        { nodeID: "6", text: "Default Conflict", type: "CA" },
        { nodeID: "7", text: "Default Rephrase", type: "MA" },
      ],
      edges: [
        { edgeID: "1", fromID: "2", toID: "5" },
        { edgeID: "2", fromID: "3", toID: "5" },
        { edgeID: "3", fromID: "5", toID: "1" },
        { edgeID: "4", fromID: "4", toID: "6" },
        { edgeID: "5", fromID: "6", toID: "5" },
        { edgeID: "6", fromID: "2", toID: "7" },
        { edgeID: "7", fromID: "7", toID: "3" },
      ],
      locutions: [],
    };
    const result = parseAifImport(aif);
    const doc = importedDoc(result);
    expect(structureSignature(doc)).toEqual({
      nodes: ["argument: Argument From Expert Opinion", "claim: Conclusion", "rebuttal: Undercutter", "support: Premise one", "support: Premise two"],
      links: [
        "Argument From Expert Opinion supports Conclusion",
        "Premise one premise Argument From Expert Opinion",
        "Premise one supports Premise two",
        "Premise two premise Argument From Expert Opinion",
      ],
      undercuts: ["Undercutter undercuts (Argument From Expert Opinion supports Conclusion)"],
    });
    expect(result.ok && result.report).toEqual({
      created: { argument: 1, claim: 1, rebuttal: 1, support: 2, premise: 2, supports: 2, undercuts: 1 },
      warnings: [{ where: 'AIF MA-node "7"', message: "a rephrase (MA) has no place of its own in the map: imported as a support of what it rephrases" }],
    });
  });

  it("reads OVA's files: the {AIF, OVA} wrapper, layout as an object or a list, numeric ids, \"Name: text\" locutions; it keeps the dialogue layer and warns only about what has no place", () => {
    const aif = {
      nodes: [
        { nodeID: 1, text: "Tax sugar", type: "I" },
        { nodeID: 2, text: "Sugar harms teeth", type: "I" },
        { nodeID: 3, text: "Default Inference", type: "RA" },
        { nodeID: 4, text: "Ada: Sugar harms teeth", type: "L" },
        { nodeID: 5, text: "Asserting", type: "YA" },
        { nodeID: 6, text: "Default Transition", type: "TA" },
        { nodeID: 7, text: "Bob : Tax sugar", type: "L" },
        { nodeID: 8, text: "Asserting", type: "YA" },
        { nodeID: 9, text: "Preferring", type: "PA" },
      ],
      edges: [
        { edgeID: 1, fromID: 2, toID: 3 },
        { edgeID: 2, fromID: 3, toID: 1 },
        { edgeID: 3, fromID: 4, toID: 5 },
        { edgeID: 4, fromID: 5, toID: 2 },
        { edgeID: 5, fromID: 7, toID: 8 },
        { edgeID: 6, fromID: 8, toID: 1 },
        { edgeID: 7, fromID: 7, toID: 6 },
        { edgeID: 8, fromID: 6, toID: 4 },
      ],
      locutions: [{ nodeID: 4 }, { nodeID: 7 }],
      participants: [],
    };
    const layout = [
      { nodeID: 1, x: 10, y: 20 },
      { nodeID: 2, x: 30, y: 40 },
    ];
    for (const ova of [{ nodes: layout }, layout, { nodes: { 1: { x: 10, y: 20 }, 2: { x: 30, y: 40 } } }]) {
      const result = parseAifImport({ AIF: aif, OVA: ova });
      const doc = importedDoc(result);
      expect(Object.values(doc.nodes).map((n) => [n.text, n.speaker, n.x, n.y])).toEqual([
        ["Tax sugar", "Bob", 10, 20],
        ["Sugar harms teeth", "Ada", 30, 40],
      ]);
      expect(result.ok && result.report.warnings).toEqual([{ where: 'AIF PA-nodes "9"', message: "1 node of type PA have no place in the map; left out" }]);
      expect(result.ok && result.dialogue?.nodes.map((n) => n.type)).toEqual(["L", "YA", "TA", "L", "YA"]);
      expect(result.ok && result.report.created.dialogue).toBe(5);
    }
  });

  it("reads a speaker from \"Name : text\" and \"Name: text\", and no name from text without a colon and a space", () => {
    expect(["Condoleezza Rice : We must act", "Rice: We must act", "We must act", "Note:no space", "Time 10:30 now"].map(speakerInText)).toEqual([
      "Condoleezza Rice",
      "Rice",
      "",
      "",
      "",
    ]);
  });

  it("warns about a scheme node without a premise or a conclusion instead of dropping it silently", () => {
    const result = parseAifImport({
      nodes: [
        { nodeID: "a", text: "A", type: "I" },
        { nodeID: "r1", text: "Default Inference", type: "RA" },
        { nodeID: "r2", text: "Default Inference", type: "RA" },
      ],
      edges: [
        { fromID: "r1", toID: "a" },
        { fromID: "a", toID: "r2" },
      ],
    });
    expect(result.ok && result.report.warnings.map((w) => w.where)).toEqual(['AIF RA-node "r1"', 'AIF RA-node "r2"']);
  });

  it("keeps the first of two links between the same pair, and drops a link from a node to itself", () => {
    const aif = {
      nodes: [
        { nodeID: "1", text: "A", type: "I" },
        { nodeID: "2", text: "B", type: "I" },
        { nodeID: "3", text: "", type: "RA" },
        { nodeID: "4", text: "", type: "CA" },
        { nodeID: "5", text: "", type: "RA" },
      ],
      edges: [
        { fromID: "2", toID: "3" },
        { fromID: "3", toID: "1" },
        { fromID: "2", toID: "4" },
        { fromID: "4", toID: "1" },
        { fromID: "1", toID: "5" },
        { fromID: "5", toID: "1" },
      ],
      locutions: [],
    };
    const result = parseAifImport(aif);
    expect(linksByText(importedDoc(result))).toEqual(["B supports A"]);
    expect(result.ok && result.report.warnings).toEqual([
      { where: 'AIF CA-node "4"', message: "a second link between the same two nodes (rebuts, the first is supports) is left out: the map holds one link per pair" },
      { where: 'AIF RA-node "5"', message: 'I-node "1" supports itself: left out' },
    ]);
  });

  // [what is wrong, input, code, message]
  const refusals: [string, unknown, OpError["code"], string | RegExp][] = [
    ["not JSON", "{nope", "invalid_op", "this is not valid JSON"],
    ["a list", [], "invalid_op", /expected AIF JSON/],
    ["nodes that are not a list", { nodes: {}, edges: [], locutions: [] }, "invalid_op", /^AIF: nodes: /],
    ["a node without a type", { nodes: [{ nodeID: "9", text: "x" }], edges: [], locutions: [] }, "invalid_op", /^AIF node 1 \("9"\): type: /],
    ["a node without an id", { nodes: [{ text: "x", type: "I" }], edges: [], locutions: [] }, "invalid_op", /^AIF node 1: nodeID: /],
    ["two nodes with one id", { nodes: [{ nodeID: 1, text: "", type: "I" }, { nodeID: "1", text: "", type: "RA" }], edges: [], locutions: [] }, "conflict", 'two AIF nodes have the nodeID "1"'],
    ["an edge to a missing node", { nodes: [{ nodeID: "1", text: "", type: "I" }], edges: [{ fromID: "1", toID: "2" }], locutions: [] }, "not_found", 'AIF edge 1 points to node "2", which is not in the file'],
    ["a dialogue without statements", { nodes: [{ nodeID: "1", text: "Bob : hi", type: "L" }], edges: [], locutions: [] }, "invalid_op", /no I-nodes/],
    ["a statement over the text limit", { nodes: [{ nodeID: "7", text: "x".repeat(LIMITS.nodeTextLength + 1), type: "I" }], edges: [], locutions: [] }, "too_large", /^I-node "7": the text is 2001 characters long/],
    ["more statements than a map holds", { nodes: Array.from({ length: LIMITS.nodesPerMap + 1 }, (_, i) => ({ nodeID: i, text: "", type: "I" })), edges: [], locutions: [] }, "too_large", /at most 5000 nodes/],
    ["a kind Argumap does not know", { ...toAif(debate()), argumap: { version: 1, nodes: { 1: { kind: "premise" } } } }, "invalid_op", /^AIF: argumap\.nodes\.1\.kind: /],
  ];
  it.each(refusals)("refuses %s, saying what is wrong", (_what, input, code, message) => {
    const error = importError(input);
    expect(error.code).toBe(code);
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it("round-trips any map: texts, kinds, speakers (trimmed), positions, links and the title come back", () => {
    // Statements and their links; arguments and undercuts in AIF come with issue 15, part 2.
    const anyMap = fc.oneof(
      opSeedsArb.map((seeds) => statementsOnly(playSeeds(emptyDoc(), seeds).end)),
      mapDocArb(fc.string({ unit: "binary", maxLength: 24 }), { structure: false }),
    );
    fc.assert(
      fc.property(anyMap, (doc) => {
        const original = Object.values(doc.nodes);
        const back = imported(JSON.parse(JSON.stringify(toAif(doc))));
        expect(Object.values(back.nodes).map((n) => [n.text, n.kind, n.speaker, n.x, n.y])).toEqual(
          original.map((n) => [n.text, n.kind, n.speaker.trim(), n.x, n.y]),
        );
        // Imported nodes are n1, n2, … in the order the export wrote them.
        const position = new Map(original.map((n, i) => [n.id, i]));
        const linkKeys = (edges: MapDoc["edges"], index: (id: string) => number | undefined) =>
          Object.values(edges).map((e) => `${index(e.from)} ${e.relation} ${index(e.to)}`).sort();
        expect(linkKeys(back.edges, (id) => Number(id.slice(1)) - 1)).toEqual(linkKeys(doc.edges, (id) => position.get(id)));
        expect(back.meta).toEqual({ title: doc.meta.title, description: doc.meta.description, presentation: null });
      }),
      RUNS,
    );
  });

  it("round-trips arguments, premises, undercuts, sources and quotes of any map: every node, premise group, relation and undercut", () => {
    fc.assert(
      fc.property(mapDocArb(), (map) => {
        const doc = withUniqueTexts(map);
        const result = parseAifImport(JSON.parse(JSON.stringify(toAif(doc))));
        const back = importedDoc(result);
        expect(result.ok && result.report.warnings).toEqual([]);
        expect(structureSignature(back)).toEqual(structureSignature(doc));
        const details = (d: MapDoc) =>
          Object.values(d.nodes)
            .map((n) => [n.text, n.speaker.trim(), n.quote, n.quotePrefix, n.quoteSuffix, n.x, n.y, n.sourceId === null ? null : d.sources[n.sourceId]] as const)
            .sort((a, b) => a[0].localeCompare(b[0]));
        expect(details(back)).toEqual(details(doc));
        expect(Object.values(back.sources)).toEqual(Object.values(doc.sources));
      }),
      RUNS,
    );
  });

  it("round-trips a file from another tool: AIFdb's sample and a linked argument with an undercut come back the same after export and import", () => {
    const linked = {
      nodes: [
        { nodeID: 1, text: "Conclusion", type: "I" },
        { nodeID: 2, text: "Premise one", type: "I" },
        { nodeID: 3, text: "Premise two", type: "I" },
        { nodeID: 4, text: "Undercutter", type: "I" },
        { nodeID: 5, text: "Argument From Example", type: "RA" },
        { nodeID: 6, text: "Default Conflict", type: "CA" },
      ],
      edges: [
        { fromID: 2, toID: 5 },
        { fromID: 3, toID: 5 },
        { fromID: 5, toID: 1 },
        { fromID: 4, toID: 6 },
        { fromID: 6, toID: 5 },
      ],
    };
    for (const file of [AIFDB_SAMPLE, { AIF: linked, OVA: { nodes: [{ nodeID: 1, x: 5, y: 6 }] } }]) {
      const first = imported(file);
      const again = imported(JSON.parse(JSON.stringify(toAif(first))));
      expect(structureSignature(again)).toEqual(structureSignature(first));
      expect(Object.values(again.nodes).map((n) => [n.text, n.speaker]).sort()).toEqual(Object.values(first.nodes).map((n) => [n.text, n.speaker]).sort());
    }
  });

  it("keeps AIF's argument layer whole in every export: each RA, CA and MA has a premise and a conclusion among I, RA, CA and MA nodes", () => {
    fc.assert(
      fc.property(mapDocArb(), (doc) => {
        const aif = toAif(doc);
        const type = new Map(aif.nodes.map((n) => [n.nodeID, n.type]));
        const layer = new Set(["I", "RA", "CA", "MA"]);
        for (const scheme of aif.nodes.filter((n) => n.type !== "I" && layer.has(n.type))) {
          expect(aif.edges.some((e) => e.toID === scheme.nodeID && layer.has(type.get(e.fromID)!))).toBe(true);
          expect(aif.edges.some((e) => e.fromID === scheme.nodeID && layer.has(type.get(e.toID)!))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("never throws on any JSON value or on AIF with random damage", () => {
    const item = fc.oneof(fc.jsonValue(), fc.record({ nodeID: fc.oneof(fc.string(), fc.integer()), type: fc.constantFrom("I", "RA", "CA", "L", "YA", "TA"), text: fc.string() }));
    const edgeItem = fc.oneof(fc.jsonValue(), fc.record({ fromID: fc.constantFrom("1", "2", "3"), toID: fc.constantFrom("1", "2", "3") }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ nodes: fc.array(item), edges: fc.array(edgeItem), locutions: fc.jsonValue() })), (input) => {
        const result = parseAifImport(input);
        if (!result.ok) expect(["invalid_op", "not_found", "conflict", "too_large"]).toContain(result.error.code);
      }),
      RUNS,
    );
  });
});

describe("looksLikeAif", () => {
  it.each([
    [toAif(debate()), true],
    [AIFDB_SAMPLE, true],
    [{ AIF: { nodes: [] }, OVA: {} }, true],
    [{ nodes: [], edges: [], locutions: [] }, true],
    [{ format: "argumap", version: 1, nodes: [node("a")], edges: [edge("e", "a", "b")] }, false],
    [{ map: { title: "snapshot" }, nodes: [node("a")], edges: [] }, false],
    [{ nodes: [] }, false],
    ["text", false],
    [null, false],
  ])("%j → %s", (value, expected) => {
    expect(looksLikeAif(value)).toBe(expected);
  });
});
