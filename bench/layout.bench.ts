/**
 * Tidy layout vs elkjs's layered algorithm with its defaults, on generated argument maps
 * (trees of reasons under a few claims, plus cross links that make it a graph with cycles).
 * Budget (design.md): 1,000 nodes ≤ 300 ms and ≤ 1.0× elkjs on the same graph.
 *
 *   npx tsx bench/layout.bench.ts      prints a table, writes bench/results/layout.json
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Graph, layout } from "@dagrejs/dagre";
import ELK from "elkjs/lib/elk.bundled.js";
import { estimateNodeSize, tidyLayout, type LayoutInput } from "../lib/map/layout";
import type { BenchResult, BenchRow } from "./types";
import { seededRandom } from "./seeded-random";

const BUDGET_MS = 300;
const BUDGET_RATIO = 1.0;
const HEADLINE_NODES = 1000;
const SIZES = [
  { nodes: 250, runs: 9 },
  { nodes: HEADLINE_NODES, runs: 7 },
  { nodes: 2000, runs: 5 },
];
const RESULT_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results", "layout.json");

/** One claim per 100 nodes; every other node answers an earlier one; 10% more links anywhere. */
export function argumentMap(nodeCount: number, seed = 1): LayoutInput {
  const next = seededRandom(seed);
  const claims = Math.max(1, Math.round(nodeCount / 100));
  const nodes: LayoutInput["nodes"] = [];
  const edges: LayoutInput["edges"] = [];
  for (let i = 0; i < nodeCount; i++) {
    const kind = i < claims ? "claim" : next() < 0.6 ? "support" : "rebuttal";
    const text = "x".repeat(30 + Math.floor(next() * 250));
    nodes.push({ id: `node-${i}`, ...estimateNodeSize({ kind, text }) });
    if (i >= claims) edges.push({ from: `node-${i}`, to: `node-${Math.floor(next() * i)}` });
  }
  for (let k = 0; k < nodeCount / 10; k++) {
    const from = Math.floor(next() * nodeCount);
    const to = Math.floor(next() * nodeCount);
    if (from !== to) edges.push({ from: `node-${from}`, to: `node-${to}` });
  }
  return { nodes, edges };
}

const elk = new ELK();

/** The baseline: elkjs layered, every option at its default; reasons laid out after what they answer. */
async function elkLayered(input: LayoutInput): Promise<void> {
  await elk.layout({
    id: "root",
    layoutOptions: { "elk.algorithm": "layered" },
    children: input.nodes.map((node) => ({ id: node.id, width: node.width, height: node.height })),
    edges: input.edges.map((edge, i) => ({ id: `e${i}`, sources: [edge.to], targets: [edge.from] })),
  });
}

/** dagre with its defaults (network-simplex ranking, its own ordering): what tidyLayout replaces. */
function dagreDefaults(input: LayoutInput): void {
  const graph = new Graph();
  graph.setGraph({ rankdir: "TB" });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of input.nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  for (const edge of input.edges) if (edge.from !== edge.to) graph.setEdge(edge.to, edge.from);
  layout(graph);
}

async function milliseconds(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function row(metric: string, value: number, baseline: number, budget?: string, pass?: boolean): BenchRow {
  const round = (n: number) => Math.round(n * 10) / 10;
  return { metric, value: round(value), baseline: round(baseline), ratio: Math.round((value / baseline) * 100) / 100, unit: "ms", budget, pass };
}

export async function runLayoutBench(): Promise<BenchResult> {
  const rows: BenchRow[] = [];
  const headline = argumentMap(HEADLINE_NODES);
  const size = (input: LayoutInput) => `${input.nodes.length} nodes / ${input.edges.length} edges`;

  // Each library's first call in this process: what the first "Tidy" in a fresh worker pays.
  const coldOurs = await milliseconds(() => tidyLayout(headline));
  const coldElk = await milliseconds(() => elkLayered(headline));
  rows.push(row(`first run (cold), ${size(headline)}`, coldOurs, coldElk));

  for (const { nodes, runs } of SIZES) {
    const input = argumentMap(nodes);
    const ours: number[] = [];
    const baseline: number[] = [];
    await elkLayered(input);
    tidyLayout(input);
    // Interleaved, so that a noisy neighbour slows both sides alike.
    for (let run = 0; run < runs; run++) {
      ours.push(await milliseconds(() => tidyLayout(input)));
      baseline.push(await milliseconds(() => elkLayered(input)));
    }
    const value = median(ours);
    const reference = median(baseline);
    const isHeadline = nodes === HEADLINE_NODES;
    rows.push(
      row(
        `tidy layout p50, ${size(input)}`,
        value,
        reference,
        isHeadline ? `≤ ${BUDGET_MS} ms and ≤ ${BUDGET_RATIO.toFixed(1)}× elkjs` : undefined,
        isHeadline ? value <= BUDGET_MS && value / reference <= BUDGET_RATIO : undefined,
      ),
    );
    if (isHeadline) {
      const dagre: number[] = [];
      for (let run = 0; run < 3; run++) dagre.push(await milliseconds(() => dagreDefaults(input)));
      rows.push(row(`dagre defaults p50 (not used), ${size(input)}`, median(dagre), reference));
    }
  }

  const result: BenchResult = { name: "layout", nodes: headline.nodes.length, edges: headline.edges.length, rows };
  mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

function printTable(result: BenchResult): void {
  // Absolute times on a shared machine move with its load; the ratios much less.
  console.log(`layout: load average ${loadavg().map((n) => n.toFixed(2)).join(" ")}`);
  const header = ["metric", "ours ms", "elkjs layered ms", "ratio", "budget", "pass"];
  const lines = result.rows.map((r) => [
    r.metric,
    r.value.toFixed(1),
    r.baseline.toFixed(1),
    `${r.ratio.toFixed(2)}×`,
    r.budget ?? "",
    r.pass === undefined ? "" : r.pass ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  for (const line of [header, ...lines]) console.log(line.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runLayoutBench().then(printTable, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
