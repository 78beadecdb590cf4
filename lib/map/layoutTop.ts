/**
 * After the layered layout: each top claim's direct reasons drawn together right under it.
 *
 * A layered layout centres every node over its own reasons, so a claim whose reasons have wide
 * threads of their own gets its direct reasons spread far apart, and no readable view shows a
 * claim with its reasons. Gathering the second layer under the first keeps "a claim and why"
 * on one screen; the links from deeper layers then run at a slant, still between the layers.
 */

export interface LaidOutNode {
  /** Centre, as dagre gives it. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * New centres for the nodes of the second layer (the reasons of the nodes on top), packed side
 * by side under what they answer, in their left-to-right order, `gap` apart and never overlapping.
 * `reasonsOf(i)` lists the nodes giving a reason for node i.
 */
export function gatherUnderTops(nodes: ReadonlyMap<number, LaidOutNode>, reasonsOf: (i: number) => readonly number[], gap: number): Map<number, number> {
  const topOf = (i: number) => Math.round(nodes.get(i)!.y - nodes.get(i)!.height / 2);
  const levels = [...new Set([...nodes.keys()].map(topOf))].sort((a, b) => a - b);
  const moved = new Map<number, number>();
  if (levels.length < 2) return moved;
  const tops = [...nodes.keys()].filter((i) => topOf(i) === levels[0]).sort((a, b) => nodes.get(a)!.x - nodes.get(b)!.x);
  const second = new Set([...nodes.keys()].filter((i) => topOf(i) === levels[1]));
  const owned = new Set<number>();
  const desired = new Map<number, number>();
  for (const top of tops) {
    const block = reasonsOf(top).filter((i) => second.has(i) && !owned.has(i)).sort((a, b) => nodes.get(a)!.x - nodes.get(b)!.x);
    block.forEach((i) => owned.add(i));
    const width = block.reduce((sum, i) => sum + nodes.get(i)!.width, 0) + gap * Math.max(0, block.length - 1);
    let left = nodes.get(top)!.x - width / 2;
    for (const i of block) {
      desired.set(i, left + nodes.get(i)!.width / 2);
      left += nodes.get(i)!.width + gap;
    }
  }
  // In the layer's own order; a node no top claims (none, with layers from the top) stays put.
  const layer = [...second].sort((a, b) => nodes.get(a)!.x - nodes.get(b)!.x);
  let rightEdge = -Infinity;
  for (const i of layer) {
    const { width } = nodes.get(i)!;
    const x = Math.max(desired.get(i) ?? nodes.get(i)!.x, rightEdge + gap + width / 2);
    moved.set(i, x);
    rightEdge = x + width / 2;
  }
  return moved;
}
