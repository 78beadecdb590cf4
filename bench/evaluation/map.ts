/**
 * The evaluation bench's map: 10,000 nodes and 12,000 links, seeded. Debates of 100 nodes under a
 * claim, each reason answering an earlier node of its debate (supports 60%, rebuts 40%), plus
 * 2,000 more links from a later node to an earlier one anywhere, so the map is acyclic (DF-QuAD is
 * exact on it) and every op's region is what an edit in a real map reaches.
 *
 * `structured` adds the structure model's shapes (docs/structure.md) in the same proportions a
 * source-built map has them: one reason in ten is an argument node, a supporting statement that
 * answers an argument is one of its co-premises, and one extra link in ten is an undercut of an
 * earlier supports/rebuts link. Still acyclic: every link points from a later node to an earlier one.
 */
import type { ArgEdge, ArgNode, MapDoc, NodeKind } from "../../lib/map/types";
import { seededRandom } from "../seeded-random";

export function evaluationBenchMap(nodeCount = 10_000, linkCount = 12_000, seed = 16, structured = false): MapDoc {
  const next = seededRandom(seed);
  const perDebate = 100;
  const nodes: Record<string, ArgNode> = {};
  const edges: Record<string, ArgEdge> = {};
  const pairs = new Set<string>();
  const reasonLinks: ArgEdge[] = [];
  const kinds: NodeKind[] = [];
  let links = 0;
  const relationOf = (from: number, to: number): ArgEdge["relation"] => {
    if (kinds[to] === "argument" && kinds[from] === "support") return "premise";
    if (kinds[from] === "argument") return next() < 0.6 ? "supports" : "rebuts";
    return kinds[from] === "rebuttal" ? "rebuts" : "supports";
  };
  const link = (from: number, to: number) => {
    const pair = `${from} ${to}`;
    if (from <= to || pairs.has(pair)) return;
    pairs.add(pair);
    const id = `e${links++}`;
    edges[id] = { id, from: `n${from}`, to: `n${to}`, relation: relationOf(from, to) };
    if (edges[id].relation !== "premise") reasonLinks.push(edges[id]);
  };
  /** An undercut from `from` of an earlier reason link it is not an end of. */
  const undercut = (from: number) => {
    const target = reasonLinks[Math.floor(next() * reasonLinks.length)];
    if (!target || Number(target.from.slice(1)) >= from || pairs.has(`${from} ${target.id}`)) return;
    pairs.add(`${from} ${target.id}`);
    const id = `e${links++}`;
    edges[id] = { id, from: `n${from}`, to: target.id, relation: "undercuts" };
  };
  for (let i = 0; i < nodeCount; i++) {
    const first = i - (i % perDebate);
    const roll = i === first ? 0 : next();
    const kind: NodeKind = i === first ? "claim" : structured && roll < 0.1 ? "argument" : roll < 0.6 ? "support" : "rebuttal";
    kinds.push(kind);
    nodes[`n${i}`] = { id: `n${i}`, kind, text: `Reason ${i} in debate ${first / perDebate}`, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 };
    if (i > first) link(i, first + Math.floor(next() * (i - first)));
  }
  while (links < linkCount) {
    const from = 1 + Math.floor(next() * (nodeCount - 1));
    if (structured && next() < 0.1) undercut(from);
    else link(from, Math.floor(next() * from));
  }
  return { meta: { title: "evaluation bench", description: "", presentation: null }, nodes, edges, sources: {} };
}
