/**
 * The evaluation bench's map: 10,000 nodes and 12,000 links, seeded. Debates of 100 nodes under a
 * claim, each reason answering an earlier node of its debate (supports 60%, rebuts 40%), plus
 * 2,000 more links from a later node to an earlier one anywhere, so the map is acyclic (DF-QuAD is
 * exact on it) and every op's region is what an edit in a real map reaches.
 */
import type { ArgEdge, ArgNode, MapDoc, NodeKind } from "../../lib/map/types";
import { seededRandom } from "../seeded-random";

export function evaluationBenchMap(nodeCount = 10_000, linkCount = 12_000, seed = 16): MapDoc {
  const next = seededRandom(seed);
  const perDebate = 100;
  const nodes: Record<string, ArgNode> = {};
  const edges: Record<string, ArgEdge> = {};
  const pairs = new Set<string>();
  const kinds: NodeKind[] = [];
  let links = 0;
  const link = (from: number, to: number, relation: ArgEdge["relation"]) => {
    const pair = `${from} ${to}`;
    if (from <= to || pairs.has(pair)) return;
    pairs.add(pair);
    const id = `e${links++}`;
    edges[id] = { id, from: `n${from}`, to: `n${to}`, relation };
  };
  for (let i = 0; i < nodeCount; i++) {
    const first = i - (i % perDebate);
    const kind: NodeKind = i === first ? "claim" : next() < 0.6 ? "support" : "rebuttal";
    kinds.push(kind);
    nodes[`n${i}`] = { id: `n${i}`, kind, text: `Reason ${i} in debate ${first / perDebate}`, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 };
    if (i > first) link(i, first + Math.floor(next() * (i - first)), kind === "rebuttal" ? "rebuts" : "supports");
  }
  while (links < linkCount) {
    const from = 1 + Math.floor(next() * (nodeCount - 1));
    link(from, Math.floor(next() * from), kinds[from] === "rebuttal" ? "rebuts" : "supports");
  }
  return { meta: { title: "evaluation bench", description: "", presentation: null }, nodes, edges, sources: {} };
}
