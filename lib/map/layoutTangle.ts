/**
 * Tidy layout's guard against tangles. A layered layout splits every link that spans several
 * layers into one placeholder per layer crossed, and orders and places those too: on an argument
 * map (mostly a tree) there are few, but a tangle of thousands of statements, each a reason for
 * others far away, makes millions of them (5,000 statements and 15,000 links: minutes and gigabytes).
 * `placeholderCount` estimates their number in linear time, the way the layout ranks (cycles
 * broken by a depth-first search, each node one layer below its lowest predecessor), and a part
 * over the limit is laid out by `layersInRows` instead: the same layers, each wrapped into rows.
 */

/**
 * A part is a tangle when its placeholders are more than this and more than its nodes: dagre
 * then spends about half a millisecond on each (2,700 placeholders among 100 statements: 1.5 s).
 */
const MAX_PLACEHOLDERS = 1_000;

export function isTangle(nodes: number, placeholders: number): boolean {
  return placeholders > MAX_PLACEHOLDERS && placeholders > nodes;
}

/** `edges` are [upper, lower] pairs of indexes into a part of `count` nodes. */
export function layersOf(count: number, edges: readonly (readonly [number, number])[]): number[] {
  const out: number[][] = Array.from({ length: count }, () => []);
  for (const [upper, lower] of edges) out[upper]!.push(lower);
  // Depth-first, without recursion (a long chain must not overflow the stack): an edge back to a
  // node still on the path closes a cycle and is turned around, as the layout does.
  const state = new Uint8Array(count); // 0 unseen, 1 on the path, 2 done
  const forward: number[][] = Array.from({ length: count }, () => []);
  for (let start = 0; start < count; start++) {
    if (state[start]) continue;
    const path: { node: number; next: number }[] = [{ node: start, next: 0 }];
    state[start] = 1;
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const successors = out[top.node]!;
      if (top.next === successors.length) {
        state[top.node] = 2;
        path.pop();
        continue;
      }
      const next = successors[top.next++]!;
      if (next === top.node) continue;
      if (state[next] === 1) forward[next]!.push(top.node);
      else {
        forward[top.node]!.push(next);
        if (state[next] === 0) {
          state[next] = 1;
          path.push({ node: next, next: 0 });
        }
      }
    }
  }
  // Longest path from the top, over the now acyclic links.
  const waiting = new Int32Array(count);
  for (const successors of forward) for (const next of successors) waiting[next]!++;
  const layer = new Array<number>(count).fill(0);
  const queue: number[] = [];
  for (let node = 0; node < count; node++) if (waiting[node] === 0) queue.push(node);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of forward[node]!) {
      layer[next] = Math.max(layer[next]!, layer[node]! + 1);
      if (--waiting[next]! === 0) queue.push(next);
    }
  }
  return layer;
}

/** How many placeholders a layered layout of these links needs: each link crosses |Δlayer| − 1 layers. */
export function placeholderCount(layer: readonly number[], edges: readonly (readonly [number, number])[]): number {
  let count = 0;
  for (const [upper, lower] of edges) count += Math.max(0, Math.abs(layer[lower]! - layer[upper]!) - 1);
  return count;
}

export interface RowsLayout {
  centres: { x: number; y: number }[];
  width: number;
  height: number;
}

/**
 * Each layer's nodes left to right in index order, wrapped every `perRow` nodes; layers top to
 * bottom. No link is routed: the picture is of a tangle, and nothing overlaps.
 */
export function layersInRows(sizes: readonly { width: number; height: number }[], layer: readonly number[], gaps: { node: number; layer: number }): RowsLayout {
  const perRow = Math.max(8, Math.ceil(Math.sqrt(sizes.length) * 1.5));
  const byLayer = new Map<number, number[]>();
  layer.forEach((value, node) => {
    const list = byLayer.get(value);
    if (list) list.push(node);
    else byLayer.set(value, [node]);
  });
  const centres = new Array<{ x: number; y: number }>(sizes.length);
  const columnWidth = Math.max(...sizes.map((size) => size.width)) + gaps.node;
  let y = 0;
  let width = 0;
  for (const value of [...byLayer.keys()].sort((a, b) => a - b)) {
    const nodes = byLayer.get(value)!;
    for (let start = 0; start < nodes.length; start += perRow) {
      const row = nodes.slice(start, start + perRow);
      const height = Math.max(...row.map((node) => sizes[node]!.height));
      row.forEach((node, column) => (centres[node] = { x: column * columnWidth + sizes[node]!.width / 2, y: y + height / 2 }));
      width = Math.max(width, row.length * columnWidth - gaps.node);
      y += height + gaps.node;
    }
    y += gaps.layer - gaps.node;
  }
  return { centres, width, height: Math.max(0, y - gaps.layer) };
}
