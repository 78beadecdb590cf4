/**
 * The map the ui bench opens: 2,000 nodes (claims, supports, rebuttals with sentence-like text),
 * each reason answering an earlier node, plus cross links, laid out by tidyLayout. Seeded, so every
 * run opens the same map. Written in Argumap's JSON format, for `POST /api/maps/import` and for the
 * bare React Flow page alike.
 */
import { JSON_FORMAT, JSON_VERSION, type ArgumapJson } from "../../lib/map/exchange/json";
import { estimateNodeSize, tidyLayout } from "../../lib/map/layout";
import type { ArgEdge, ArgNode, NodeKind } from "../../lib/map/types";
import { seededRandom } from "../seeded-random";

const WORDS = (
  "the policy would reduce costs for most households because energy prices fall when supply grows " +
  "but evidence from three regions shows that demand rises faster than expected and several studies " +
  "disagree about how long the effect lasts while critics point to earlier reforms that failed"
).split(" ");

function sentence(next: () => number): string {
  const words: string[] = [];
  const length = 6 + Math.floor(next() * 28);
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const text = words.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/**
 * Debates of 50 nodes: a claim, each other node supporting or rebutting an earlier node of its
 * debate, plus 10% more links within a debate (a reason bearing on two others). Debates are
 * separate parts, so the layout packs them in rows rather than one 100,000-px-wide strip.
 */
export function benchMap(nodeCount = 2000, seed = 7): ArgumapJson {
  const next = seededRandom(seed);
  const perDebate = 50;
  const nodes: ArgNode[] = [];
  const edges: ArgEdge[] = [];
  const pairs = new Set<string>();
  const link = (from: ArgNode, to: ArgNode) => {
    const pair = `${from.id} ${to.id}`;
    if (from === to || pairs.has(pair) || pairs.has(`${to.id} ${from.id}`)) return;
    pairs.add(pair);
    edges.push({ id: `e${edges.length}`, from: from.id, to: to.id, relation: from.kind === "rebuttal" ? "rebuts" : "supports" });
  };
  for (let i = 0; i < nodeCount; i++) {
    const first = i - (i % perDebate);
    const kind: NodeKind = i === first ? "claim" : next() < 0.6 ? "support" : "rebuttal";
    const node: ArgNode = { id: `n${i}`, kind, text: sentence(next), speaker: next() < 0.2 ? "A. Speaker" : "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 };
    nodes.push(node);
    if (i > first) link(node, nodes[first + Math.floor(next() * (i - first))]!);
  }
  const target = Math.round(nodeCount * 1.1);
  while (edges.length < target) {
    const from = 1 + Math.floor(next() * (nodeCount - 1));
    const first = from - (from % perDebate);
    if (from !== first) link(nodes[from]!, nodes[first + Math.floor(next() * Math.min(perDebate, nodeCount - first))]!);
  }
  const positions = tidyLayout({
    nodes: nodes.map((node) => ({ id: node.id, ...estimateNodeSize(node) })),
    edges: edges.map(({ from, to, relation }) => ({ from, to, relation })),
  });
  for (const node of nodes) Object.assign(node, positions[node.id]);
  return {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    map: { title: `ui bench, ${nodeCount} nodes`, description: "", presentation: null },
    nodes,
    edges,
    sources: [],
  };
}
