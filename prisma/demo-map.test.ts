/**
 * What the product relies on in the demo map. Each property is a small checker that returns the
 * problems it finds; the last block feeds the checkers deliberately broken maps, so a checker that
 * could never fail would fail the suite.
 */
import { describe, expect, it, vi } from "vitest";
import { edgeSchema, nodeSchema, sourceSchema } from "../lib/map/ops";
import { DEMO_MAP, DEMO_SOURCE_IDS, type DemoMap } from "./demo-map";

const PARAPHRASE_RUN = 8;
/** Demo nodes leave out their quotes' context: seeding anchors each quote in its source. */
const demoNodeSchema = nodeSchema.omit({ quotePrefix: true, quoteSuffix: true });
const MAX_QUOTE_CHARS = 200;

/** Lower-case words, punctuation dropped; curly and straight apostrophes split words alike. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The first run of `n` consecutive words that `text` shares with `source`, or null. */
function sharedRun(text: string, source: string, n: number): string | null {
  const sourceWords = words(source);
  const runs = new Set<string>();
  for (let i = 0; i + n <= sourceWords.length; i++) runs.add(sourceWords.slice(i, i + n).join(" "));
  const textWords = words(text);
  for (let i = 0; i + n <= textWords.length; i++) {
    const run = textWords.slice(i, i + n).join(" ");
    if (runs.has(run)) return run;
  }
  return null;
}

function clone(map: DemoMap): DemoMap {
  return structuredClone(map);
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const value of values) (seen.has(value) ? dup : seen).add(value);
  return [...dup];
}

// ── Checkers: each returns a list of problems (empty = fine) ─────────────────────────────

function nodeFieldProblems(map: DemoMap): string[] {
  const sources = new Map(map.sources.map((source) => [source.id, source]));
  const problems: string[] = [];
  for (const node of map.nodes) {
    if (node.text.trim() === "") problems.push(`${node.id}: empty text`);
    if (node.speaker.trim() === "") problems.push(`${node.id}: empty speaker`);
    const source = node.sourceId === null ? undefined : sources.get(node.sourceId);
    if (!source) {
      problems.push(`${node.id}: sourceId ${String(node.sourceId)} is not a source of the map`);
      continue;
    }
    if (node.quote.trim() === "") problems.push(`${node.id}: empty quote`);
    else if (!source.text.includes(node.quote)) problems.push(`${node.id}: quote not found verbatim in ${source.id}`);
    if (node.quote.length > MAX_QUOTE_CHARS) problems.push(`${node.id}: quote is ${node.quote.length} chars`);
  }
  return problems;
}

function edgeProblems(map: DemoMap): string[] {
  const nodeIds = new Set(map.nodes.map((node) => node.id));
  const problems: string[] = [];
  const pairs = new Set<string>();
  for (const edge of map.edges) {
    if (!nodeIds.has(edge.from)) problems.push(`${edge.id}: unknown from ${edge.from}`);
    if (!nodeIds.has(edge.to)) problems.push(`${edge.id}: unknown to ${edge.to}`);
    if (edge.from === edge.to) problems.push(`${edge.id}: self-link`);
    const pair = `${edge.from} -> ${edge.to}`;
    if (pairs.has(pair)) problems.push(`${edge.id}: duplicate link ${pair}`);
    pairs.add(pair);
  }
  return problems;
}

/** Nodes with no link at all, and nodes not reachable (ignoring direction) from the first node. */
function connectivityProblems(map: DemoMap): string[] {
  const neighbours = new Map<string, string[]>(map.nodes.map((node) => [node.id, []]));
  for (const edge of map.edges) {
    neighbours.get(edge.from)?.push(edge.to);
    neighbours.get(edge.to)?.push(edge.from);
  }
  const problems: string[] = [];
  for (const [id, list] of neighbours) if (list.length === 0) problems.push(`${id}: no links`);
  const start = map.nodes[0]?.id;
  if (start === undefined) return ["the map has no nodes"];
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of neighbours.get(queue.shift()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  for (const node of map.nodes) if (!seen.has(node.id)) problems.push(`${node.id}: not connected to ${start}`);
  return problems;
}

function unusedSources(map: DemoMap): string[] {
  const used = new Set(map.nodes.map((node) => node.sourceId));
  return map.sources.filter((source) => !used.has(source.id)).map((source) => source.id);
}

function idProblems(map: DemoMap): string[] {
  const all = [...map.sources, ...map.nodes, ...map.edges].map((record) => record.id);
  return duplicates(all).map((id) => `duplicate id ${id}`);
}

function schemaProblems(map: DemoMap): string[] {
  const problems: string[] = [];
  const check = (kind: string, schema: typeof demoNodeSchema | typeof edgeSchema | typeof sourceSchema, record: { id: string }) => {
    const result = schema.safeParse(record);
    if (!result.success) problems.push(`${kind} ${record.id}: ${result.error.issues.map((i) => i.message).join("; ")}`);
    // No field may be missing and silently defaulted: the record must already be in final form.
    else if (JSON.stringify(result.data) !== JSON.stringify(record)) problems.push(`${kind} ${record.id}: parse changed it`);
  };
  for (const source of map.sources) check("source", sourceSchema, source);
  for (const node of map.nodes) check("node", demoNodeSchema, node);
  for (const edge of map.edges) check("edge", edgeSchema, edge);
  return problems;
}

/** Node texts that copy a run of PARAPHRASE_RUN words from any source of the map. */
function copiedRuns(map: DemoMap): string[] {
  const problems: string[] = [];
  for (const node of map.nodes) {
    for (const source of map.sources) {
      const run = sharedRun(node.text, source.text, PARAPHRASE_RUN);
      if (run) problems.push(`${node.id} copies "${run}" from ${source.id}`);
    }
  }
  return problems;
}

/** A support gives at least one "supports" link, a rebuttal at least one "rebuts" link. */
function kindProblems(map: DemoMap): string[] {
  const problems: string[] = [];
  for (const node of map.nodes) {
    const out = map.edges.filter((edge) => edge.from === node.id).map((edge) => edge.relation);
    if (node.kind === "support" && !out.includes("supports")) problems.push(`${node.id}: a support that supports nothing`);
    if (node.kind === "rebuttal" && !out.includes("rebuts")) problems.push(`${node.id}: a rebuttal that rebuts nothing`);
  }
  return problems;
}

/** As stored, a reason sits below what it argues about, and no two nodes on a row overlap. */
function layoutProblems(map: DemoMap, minGap = 300): string[] {
  const byId = new Map(map.nodes.map((node) => [node.id, node]));
  const problems: string[] = [];
  for (const edge of map.edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (from && to && from.y <= to.y) problems.push(`${edge.id}: the reason is not below its target`);
  }
  for (const a of map.nodes) {
    for (const b of map.nodes) {
      if (a.id < b.id && a.y === b.y && Math.abs(a.x - b.x) < minGap) problems.push(`${a.id} overlaps ${b.id}`);
    }
  }
  return problems;
}

// ── The demo map ─────────────────────────────────────────────────────────────────────────

describe("DEMO_MAP", () => {
  it("has a title, a description and at least 15 nodes", () => {
    expect(DEMO_MAP.title.trim()).not.toBe("");
    expect(DEMO_MAP.description.trim()).not.toBe("");
    expect(DEMO_MAP.nodes.length).toBeGreaterThanOrEqual(15);
  });

  it("gives every node text, a speaker, an existing source and a short verbatim quote", () => {
    expect(nodeFieldProblems(DEMO_MAP)).toEqual([]);
  });

  it("links only existing nodes, never a node to itself, and never the same pair twice", () => {
    expect(edgeProblems(DEMO_MAP)).toEqual([]);
  });

  it("connects every node into one graph", () => {
    expect(connectivityProblems(DEMO_MAP)).toEqual([]);
  });

  it("draws on both seed articles", () => {
    expect(DEMO_MAP.sources.map((source) => source.id).sort()).toEqual(
      [DEMO_SOURCE_IDS.zdnet, DEMO_SOURCE_IDS.globalTimes].sort(),
    );
    expect(unusedSources(DEMO_MAP)).toEqual([]);
  });

  it("uses unique ids across sources, nodes and edges", () => {
    expect(idProblems(DEMO_MAP)).toEqual([]);
  });

  it("passes the op schemas unchanged", () => {
    expect(schemaProblems(DEMO_MAP)).toEqual([]);
  });

  it("paraphrases: no node text shares a run of 8 words with a source", () => {
    expect(copiedRuns(DEMO_MAP)).toEqual([]);
  });

  it("gives each support and rebuttal a link of its own kind", () => {
    expect(kindProblems(DEMO_MAP)).toEqual([]);
  });

  it("is laid out top-down without overlaps", () => {
    expect(layoutProblems(DEMO_MAP)).toEqual([]);
  });

  it("is the same data on every fresh import (fixed ids, nothing generated)", async () => {
    vi.resetModules();
    const again = await import("./demo-map");
    expect(again.DEMO_MAP).not.toBe(DEMO_MAP);
    expect(again.DEMO_MAP).toEqual(DEMO_MAP);
  });
});

// ── The checkers catch what they are meant to catch ──────────────────────────────────────

describe("demo map checks", () => {
  const first = () => DEMO_MAP.nodes[0]!;

  it("sharedRun finds an 8-word copy, ignoring case and punctuation, and nothing shorter", () => {
    const source = "The trouble is, nobody trusts Huawei because of cybersecurity issues, she said.";
    expect(sharedRun("Really: NOBODY trusts Huawei because of cybersecurity issues -- she said!", source, 8)).toBe(
      "nobody trusts huawei because of cybersecurity issues she",
    );
    expect(sharedRun("nobody trusts Huawei because of cybersecurity issues", source, 8)).toBeNull();
  });

  it("flag empty text or speaker, unknown sources, and quotes that are missing or too long", () => {
    const map = clone(DEMO_MAP);
    map.nodes[0]!.text = " ";
    map.nodes[1]!.speaker = "";
    map.nodes[2]!.sourceId = "src-nowhere";
    map.nodes[3]!.quote = map.nodes[3]!.quote.replace(/'/g, "’") + " (sic)";
    const long = map.sources.find((source) => source.id === map.nodes[4]!.sourceId)!.text.slice(0, MAX_QUOTE_CHARS + 1);
    map.nodes[4]!.quote = long;
    expect(nodeFieldProblems(map)).toHaveLength(5);
  });

  it("flag dangling ends, self-links and duplicate pairs", () => {
    const map = clone(DEMO_MAP);
    const edge = map.edges[0]!;
    map.edges.push({ ...edge, id: "e-dup" });
    map.edges.push({ id: "e-self", from: first().id, to: first().id, relation: "supports" });
    map.edges.push({ id: "e-dangling", from: "n-ghost", to: first().id, relation: "rebuts" });
    expect(edgeProblems(map)).toEqual([
      `e-dup: duplicate link ${edge.from} -> ${edge.to}`,
      "e-self: self-link",
      "e-dangling: unknown from n-ghost",
    ]);
  });

  it("flag isolated nodes and separate islands", () => {
    const lone = clone(DEMO_MAP);
    lone.nodes.push({ ...first(), id: "n-lone" });
    expect(connectivityProblems(lone)).toContain("n-lone: no links");

    const islands = clone(DEMO_MAP);
    islands.nodes.push({ ...first(), id: "n-a" }, { ...first(), id: "n-b" });
    islands.edges.push({ id: "e-a-b", from: "n-a", to: "n-b", relation: "supports" });
    expect(connectivityProblems(islands)).toEqual([
      `n-a: not connected to ${first().id}`,
      `n-b: not connected to ${first().id}`,
    ]);
  });

  it("flag an unused source and a reused id", () => {
    const map = clone(DEMO_MAP);
    for (const node of map.nodes) node.sourceId = DEMO_SOURCE_IDS.zdnet;
    expect(unusedSources(map)).toEqual([DEMO_SOURCE_IDS.globalTimes]);
    map.edges[0]!.id = map.nodes[0]!.id;
    expect(idProblems(map)).toEqual([`duplicate id ${map.nodes[0]!.id}`]);
  });

  it("flag records the schemas reject or would change", () => {
    const map = clone(DEMO_MAP);
    map.sources[0]!.date = "August 2015";
    (map.nodes[0] as { kind: string }).kind = "objection";
    delete (map.nodes[1] as { quote?: string }).quote;
    map.edges[0]!.id = "e with spaces";
    expect(schemaProblems(map)).toHaveLength(4);
  });

  it("flag a node text copied from its source", () => {
    const map = clone(DEMO_MAP);
    const node = map.nodes.find((n) => n.quote.split(" ").length >= PARAPHRASE_RUN)!;
    node.text = `As reported: ${node.quote}`;
    expect(copiedRuns(map).some((problem) => problem.startsWith(`${node.id} copies`))).toBe(true);
  });

  it("flag a support that supports nothing and a rebuttal that rebuts nothing", () => {
    const map = clone(DEMO_MAP);
    const rebuttal = map.nodes.find((node) => node.kind === "rebuttal")!;
    const support = map.nodes.find((node) => node.kind === "support")!;
    for (const edge of map.edges) {
      if (edge.from === rebuttal.id) edge.relation = "supports";
      if (edge.from === support.id) edge.relation = "rebuts";
    }
    expect(kindProblems(map)).toEqual(
      expect.arrayContaining([`${rebuttal.id}: a rebuttal that rebuts nothing`, `${support.id}: a support that supports nothing`]),
    );
  });

  it("flag a reason above its target and overlapping nodes", () => {
    const map = clone(DEMO_MAP);
    const edge = map.edges[0]!;
    const from = map.nodes.find((node) => node.id === edge.from)!;
    const to = map.nodes.find((node) => node.id === edge.to)!;
    from.y = to.y - 200;
    expect(layoutProblems(map)).toContain(`${edge.id}: the reason is not below its target`);

    const crowded = clone(DEMO_MAP);
    const [a, b] = [crowded.nodes[1]!, crowded.nodes[2]!];
    b.x = a.x + 150;
    b.y = a.y;
    expect(layoutProblems(crowded)).toContain(`${[a.id, b.id].sort().join(" overlaps ")}`);
  });
});
