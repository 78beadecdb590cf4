/**
 * "Tidy layout": arranges a map in layers, each claim above the reasons for and against it.
 *
 * Pure (no DOM, no React), so it runs in a Web Worker, on the server and in tests.
 * Built on dagre (measured against elkjs in bench/layout.bench.ts), with two of its stages
 * replaced through its own extension points, because on 1,000-node maps they cost seconds:
 * - ranking: dagre's network simplex takes ~3 s; a reason is instead placed one layer below
 *   the deepest node it answers (longest path from the top), which for argument maps is also
 *   what a reader expects (a reply sits right under what it replies to);
 * - ordering: a depth-first order (no crossings at all on a tree) improved by a few barycenter
 *   sweeps, keeping the order with the fewest crossings.
 * Connected parts are laid out one by one and packed in rows, so unrelated threads never mix.
 */
import { gatherUnderTops, type LaidOutNode } from "./layoutTop";
import { Graph, layout, type EdgeLabel, type GraphLabel, type NodeLabel, type RankerFunction } from "@dagrejs/dagre";
import { isTangle, layersInRows, layersOf, placeholderCount } from "./layoutTangle";

export interface LayoutInput {
  nodes: { id: string; width: number; height: number }[];
  /**
   * `from` is the reason, `to` the node it supports or rebuts (as in ArgEdge). With a relation,
   * supports go to the left of what they support and rebuttals to the right.
   */
  edges: { from: string; to: string; relation?: string }[];
}
export interface Position {
  x: number;
  y: number;
}
/** Top-left corner of each node, React Flow's convention. */
export type LayoutPositions = Record<string, Position>;

/** A reason's width on the canvas; a claim is wider (see nodeWidth). */
export const NODE_WIDTH = 260;
export const CLAIM_WIDTH = 320;
const NODE_GAP = 40;
const LAYER_GAP = 80;
const PART_GAP = 120;
const SWEEPS = 8;
/** How far (in places) a support or rebuttal leans to its side when layers are reordered. */
const SIDE_BIAS = 0.35;

/** Claims are the top level of a debate: wider, in larger and heavier type (canvas.css draws them so). */
export function nodeWidth(kind: string): number {
  return kind === "claim" ? CLAIM_WIDTH : NODE_WIDTH;
}

/**
 * The size of a node the canvas has not measured yet, as canvas.css lays it out: the kind and
 * speaker line, the text (12 lines at most), and the source and quote chips when there are any.
 * Lines are counted a little short, so a node is rather estimated too tall than too short.
 */
export function estimateNodeSize(node: { text: string; kind: string; sourceId?: string | null; quote?: string }): { width: number; height: number } {
  const claim = node.kind === "claim";
  const charsPerLine = 27;
  const lines = node.text
    .split("\n")
    .reduce((total, line) => total + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
  const frame = claim ? 53 : 52;
  const lineHeight = claim ? 24 : 20;
  const footer = node.sourceId || node.quote?.trim() ? 28 : 0;
  return { width: nodeWidth(node.kind), height: frame + Math.min(lines, 12) * lineHeight + footer };
}

interface Part {
  nodes: number[];
  edges: [number, number][];
}

/** Which side of what it answers a reason goes: supports left (-1), rebuttals right (+1). */
// An undercut (an objection to a link) sits on the objections' side, like a rebuttal.
const SIDE: Record<string, number> = { supports: -1, rebuts: 1, undercuts: 1 };

export function tidyLayout(input: LayoutInput): LayoutPositions {
  const index = new Map<string, number>();
  input.nodes.forEach((node, i) => {
    if (!index.has(node.id)) index.set(node.id, i);
  });
  const parts = connectedParts(input, index);
  const side = sidesOf(input, index);
  const laidOut = parts.map((part) => layOutPart(input, part, side));
  return packInRows(input, parts, laidOut);
}

/** Each reason's side, by its first link (a reason for one node and against another keeps one place). */
function sidesOf(input: LayoutInput, index: Map<string, number>): Int8Array {
  const side = new Int8Array(input.nodes.length);
  const decided = new Uint8Array(input.nodes.length);
  for (const edge of input.edges) {
    const reason = index.get(edge.from);
    if (reason === undefined || decided[reason]) continue;
    decided[reason] = 1;
    side[reason] = (edge.relation !== undefined && Object.hasOwn(SIDE, edge.relation) ? SIDE[edge.relation] : 0) ?? 0;
  }
  return side;
}

/** Undirected connected components, in order of their first node in the input (deterministic). */
function connectedParts(input: LayoutInput, index: Map<string, number>): Part[] {
  const parent = input.nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const seen = new Set<string>();
  const edges: [number, number][] = [];
  for (const edge of input.edges) {
    const reason = index.get(edge.from);
    const target = index.get(edge.to);
    if (reason === undefined || target === undefined || reason === target) continue;
    const key = `${target} ${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push([target, reason]);
    parent[find(reason)] = find(target);
  }
  const partOf = new Map<number, Part>();
  const parts: Part[] = [];
  for (const i of index.values()) {
    const root = find(i);
    let part = partOf.get(root);
    if (!part) {
      part = { nodes: [], edges: [] };
      partOf.set(root, part);
      parts.push(part);
    }
    part.nodes.push(i);
  }
  for (const edge of edges) partOf.get(find(edge[0]))!.edges.push(edge);
  return parts;
}

/** Centre positions of one connected part, relative to its own top-left corner. */
interface PartLayout {
  centres: Map<number, Position>;
  width: number;
  height: number;
}

function layOutPart(input: LayoutInput, part: Part, side: Int8Array): PartLayout {
  if (part.nodes.length === 1) {
    const node = input.nodes[part.nodes[0]!]!;
    return { centres: new Map([[part.nodes[0]!, { x: node.width / 2, y: node.height / 2 }]]), width: node.width, height: node.height };
  }
  const tangle = tangledPart(input, part);
  if (tangle) return tangle;
  // Keys are "n<index>": graphlib stores nodes in plain objects, where ids such as "__proto__"
  // or integer-like strings would misbehave or reorder.
  const graph: LayoutGraph = new Graph();
  // dagre accepts a function as `ranker` (it calls it instead of a built-in one); its type does not say so.
  const ranker = rankFromTop satisfies RankerFunction as unknown as GraphLabel["ranker"];
  graph.setGraph({ rankdir: "TB", nodesep: NODE_GAP, ranksep: LAYER_GAP * 2, rankalign: "top", ranker });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const i of part.nodes) {
    const node = input.nodes[i]!;
    graph.setNode(`n${i}`, { width: node.width, height: node.height });
  }
  // Supports first, so that the depth-first order puts them left of the rebuttals.
  const edges = [...part.edges].sort((a, b) => side[a[1]]! - side[b[1]]!);
  for (const [target, reason] of edges) graph.setEdge(`n${target}`, `n${reason}`);
  layout(graph, {
    customOrder: (layoutGraph) => {
      orderLayers(layoutGraph, (name) => (name.startsWith("n") ? (side[Number(name.slice(1))] ?? 0) : 0));
      givePlaceholderRoutes(layoutGraph);
    },
  });
  const placed = new Map<number, LaidOutNode>();
  for (const i of part.nodes) {
    const { x = 0, y = 0 } = graph.node(`n${i}`);
    placed.set(i, { x, y, width: input.nodes[i]!.width, height: input.nodes[i]!.height });
  }
  const reasons = new Map<number, number[]>();
  for (const [target, reason] of edges) (reasons.get(target) ?? reasons.set(target, []).get(target)!).push(reason);
  for (const [i, x] of gatherUnderTops(placed, (i) => reasons.get(i) ?? [], NODE_GAP)) placed.get(i)!.x = x;
  // Gathering may have moved nodes out past the part's left edge, or in from its right one.
  const left = Math.min(...[...placed.values()].map((node) => node.x - node.width / 2));
  const centres = new Map<number, Position>([...placed].map(([i, node]) => [i, { x: node.x - left, y: node.y }]));
  const width = Math.max(...[...placed.values()].map((node) => node.x - left + node.width / 2));
  return { centres, width, height: graph.graph().height ?? 0 };
}

type LayoutGraph = Graph<GraphLabel, NodeLabel, EdgeLabel>;

/** A part too tangled for a layered layout in reasonable time (layoutTangle.ts), laid out in rows instead; null otherwise. */
function tangledPart(input: LayoutInput, part: Part): PartLayout | null {
  const local = new Map(part.nodes.map((node, i) => [node, i]));
  const edges = part.edges.map(([target, reason]) => [local.get(target)!, local.get(reason)!] as const);
  const layer = layersOf(part.nodes.length, edges);
  if (!isTangle(part.nodes.length, placeholderCount(layer, edges))) return null;
  const rows = layersInRows(part.nodes.map((node) => input.nodes[node]!), layer, { node: NODE_GAP, layer: LAYER_GAP });
  return { centres: new Map(part.nodes.map((node, i) => [node, rows.centres[i]!])), width: rows.width, height: rows.height };
}

/**
 * Longest path from the top: every node one layer below the lowest of its predecessors.
 * dagre has already made the graph acyclic by reversing some edges. Each step is one layer,
 * not the edge's `minlen`: dagre doubles every `minlen` to leave a layer for edge labels
 * (and halves `ranksep` to match), which would put a dummy node on every edge and double
 * the work of the positioning stage, for labels we never draw.
 */
function rankFromTop(graph: LayoutGraph): void {
  const nodes = graph.nodes();
  const waiting = new Map<string, number>(nodes.map((v) => [v, 0]));
  const edges = graph.edges();
  for (const edge of edges) waiting.set(edge.w, waiting.get(edge.w)! + 1);
  const queue = nodes.filter((v) => waiting.get(v) === 0);
  for (const v of nodes) graph.node(v).rank = 0;
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    const rank = graph.node(v).rank! + 1;
    for (const { w } of graph.outEdges(v) ?? []) {
      const below = graph.node(w);
      if (below.rank! < rank) below.rank = rank;
      const left = waiting.get(w)! - 1;
      waiting.set(w, left);
      if (left === 0) queue.push(w);
    }
  }
}

/**
 * Sets `order` (left to right) on every node of every layer; dagre calls it through its
 * `customOrder` hook after splitting long edges with dummy nodes, so all edges join adjacent layers.
 */
function orderLayers(graph: LayoutGraph, sideOf: (name: string) => number): void {
  const names = graph.nodes();
  const side = names.map((name) => SIDE_BIAS * sideOf(name));
  const id = new Map(names.map((name, i) => [name, i]));
  const rank = names.map((name) => graph.node(name).rank ?? 0);
  const below: number[][] = names.map((name) => (graph.successors(name) ?? []).map((w) => id.get(w)!));
  const above: number[][] = names.map(() => []);
  below.forEach((successors, v) => successors.forEach((w) => above[w]!.push(v)));

  let layers = depthFirstLayers(rank, below);
  let best = layers.map((layer) => layer.slice());
  let bestCrossings = countCrossings(layers, below);
  for (let sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
    layers = sweepLayers(layers, sweep % 2 === 0 ? above : below, sweep % 2 === 0, side);
    const crossings = countCrossings(layers, below);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((layer) => layer.slice());
    }
  }
  for (const layer of best) layer.forEach((v, order) => (graph.node(names[v]!).order = order));
}

/**
 * dagre 3.1.3 shifts every edge's route (`points`) after positioning, and only edges split by
 * dummy nodes have one; with `minlen` doubled that is every edge, with our one-layer ranks it is
 * not. We never read routes (React Flow draws its own edges), so a placeholder far from every
 * node keeps dagre going.
 */
function givePlaceholderRoutes(graph: LayoutGraph): void {
  for (const edge of graph.edges()) graph.edge(edge).points ??= [{ x: -1e9, y: -1e9 }];
}

/** Depth-first from the top layers down: a tree comes out with no crossings. */
function depthFirstLayers(rank: number[], below: number[][]): number[][] {
  const layers: number[][] = [];
  const visited = new Uint8Array(rank.length);
  const starts = rank.map((_, v) => v).sort((a, b) => rank[a]! - rank[b]! || a - b);
  for (const start of starts) {
    const stack = [start];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (visited[v]) continue;
      visited[v] = 1;
      (layers[rank[v]!] ??= []).push(v);
      for (let k = below[v]!.length - 1; k >= 0; k--) stack.push(below[v]![k]!);
    }
  }
  return layers.filter((layer) => layer !== undefined);
}

/**
 * One barycenter sweep: each node moves to the mean position of its neighbours in the layer fixed
 * before it; going down, a support leans left of that and a rebuttal right (`side`).
 */
function sweepLayers(layers: number[][], neighbours: number[][], downwards: boolean, side: number[]): number[][] {
  const position = new Int32Array(neighbours.length).fill(-1);
  const result = layers.map((layer) => layer.slice());
  for (let step = 0; step < result.length; step++) {
    const layer = result[downwards ? step : result.length - 1 - step]!;
    if (step > 0) {
      const weighted = layer.map((v, i) => {
        let sum = 0;
        let count = 0;
        for (const w of neighbours[v]!) {
          if (position[w]! >= 0) {
            sum += position[w]!;
            count++;
          }
        }
        return { v, i, weight: count === 0 ? i : sum / count + (downwards ? side[v]! : 0) };
      });
      weighted.sort((a, b) => a.weight - b.weight || a.i - b.i);
      weighted.forEach((entry, i) => (layer[i] = entry.v));
    }
    const before = result[downwards ? step - 1 : result.length - step];
    if (before) for (const v of before) position[v] = -1;
    layer.forEach((v, i) => (position[v] = i));
  }
  return result;
}

/** Crossings between consecutive layers (edges only join consecutive layers after dagre's normalisation). */
function countCrossings(layers: number[][], below: number[][]): number {
  let crossings = 0;
  const position = new Int32Array(below.length);
  for (let r = 0; r + 1 < layers.length; r++) {
    layers[r + 1]!.forEach((v, i) => (position[v] = i));
    const ends: number[] = [];
    for (const v of layers[r]!) {
      const start = ends.length;
      for (const w of below[v]!) ends.push(position[w]!);
      if (ends.length - start > 1) sortTail(ends, start);
    }
    crossings += countInversions(ends);
  }
  return crossings;
}

function sortTail(values: number[], start: number): void {
  const tail = values.splice(start).sort((a, b) => a - b);
  values.push(...tail);
}

function countInversions(values: number[]): number {
  if (values.length < 2) return 0;
  const max = values.reduce((a, b) => Math.max(a, b), 0) + 1;
  const tree = new Int32Array(max + 1);
  let inversions = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    for (let k = values[i]!; k > 0; k -= k & -k) inversions += tree[k]!;
    for (let k = values[i]! + 1; k <= max; k += k & -k) tree[k]!++;
  }
  return inversions;
}

/**
 * Parts side by side, left to right, in input order; a new row starts once a row would grow
 * wider than the widest part or 1.5× the square root of the total area, whichever is wider.
 */
function packInRows(input: LayoutInput, parts: Part[], laidOut: PartLayout[]): LayoutPositions {
  const area = laidOut.reduce((sum, part) => sum + (part.width + PART_GAP) * (part.height + PART_GAP), 0);
  const rowWidth = laidOut.reduce((widest, part) => Math.max(widest, part.width), Math.sqrt(area) * 1.5);
  // Collected as entries: assigning `positions["__proto__"]` would set the prototype instead.
  const positions: [string, Position][] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  laidOut.forEach((part, p) => {
    if (x > 0 && x + part.width > rowWidth) {
      x = 0;
      y += rowHeight + PART_GAP;
      rowHeight = 0;
    }
    for (const i of parts[p]!.nodes) {
      const node = input.nodes[i]!;
      const centre = part.centres.get(i)!;
      positions.push([node.id, { x: Math.round(x + centre.x - node.width / 2), y: Math.round(y + centre.y - node.height / 2) }]);
    }
    x += part.width + PART_GAP;
    rowHeight = Math.max(rowHeight, part.height);
  });
  return Object.fromEntries(positions);
}
