/**
 * A path around boxes: the shortest route with few bends along horizontal and vertical lines,
 * found by A* on a sparse grid (the lines along the boxes' sides, a margin away, and the lines
 * midway between them), so a link that cannot go straight runs through the gaps between nodes.
 * The cost favours the middle of a gap over hugging a box, and penalises each bend.
 */
import { inflate, pointInBox, right, bottom, type Box, type Point } from "./boxes";

const BEND_COST = 36;
/** Running along a box's side costs this much more per pixel than running down the middle of a gap. */
const HUGGING_COST = 1.3;
/** Above this many boxes in the way, the search would be slow: give up (the caller draws it straight). */
const MAX_OBSTACLES = 90;
/**
 * The distance still to go counts this much more than the way come (weighted A*): the search
 * heads for the end instead of trying every equally short way, at the price of a route at most
 * this factor longer than the best; in practice the same route.
 */
const GREED = 2;

interface Line {
  at: number;
  cost: number;
}

/** Grid lines on one axis: the ends, each box side (a margin out) and the midpoints between them. */
function linesOf(ends: number[], sides: number[], low: number, high: number): Line[] {
  const sorted = [...new Set(sides)].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  const add = (at: number, cost: number) => {
    if (at < low || at > high) return;
    const key = Math.round(at * 10) / 10;
    lines.set(key, Math.min(lines.get(key) ?? Infinity, cost));
  };
  for (const at of ends) add(at, 1);
  add(low, 1);
  add(high, 1);
  for (const at of sorted) add(at, HUGGING_COST);
  for (let i = 0; i + 1 < sorted.length; i++) add((sorted[i]! + sorted[i + 1]!) / 2, 1);
  return [...lines].sort((a, b) => a[0] - b[0]).map(([at, cost]) => ({ at, cost }));
}

/** A binary min-heap of states by priority, in typed arrays (the search pushes thousands). */
class Heap {
  private priorities = new Float64Array(64);
  private states = new Int32Array(64);
  size = 0;
  push(priority: number, state: number): void {
    if (this.size === this.states.length) {
      const [priorities, states] = [new Float64Array(this.size * 2), new Int32Array(this.size * 2)];
      priorities.set(this.priorities);
      states.set(this.states);
      [this.priorities, this.states] = [priorities, states];
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.priorities[parent]! <= priority) break;
      this.priorities[i] = this.priorities[parent]!;
      this.states[i] = this.states[parent]!;
      i = parent;
    }
    this.priorities[i] = priority;
    this.states[i] = state;
  }
  pop(): number {
    const top = this.states[0]!;
    const last = --this.size;
    const [priority, state] = [this.priorities[last]!, this.states[last]!];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.priorities[child + 1]! < this.priorities[child]!) child++;
      if (this.priorities[child]! >= priority) break;
      this.priorities[i] = this.priorities[child]!;
      this.states[i] = this.states[child]!;
      i = child;
    }
    this.priorities[i] = priority;
    this.states[i] = state;
    return top;
  }
}

/**
 * Corner points of a route from `start` to `end` (both included) that keeps `margin` away from
 * every box, leaving `start` and arriving at `end` vertically where it can; null when there is
 * none within `area` (or too many boxes to search quickly).
 */
export function findDetour(start: Point, end: Point, boxes: readonly Box[], area: Box, margin: number): Point[] | null {
  if (boxes.length > MAX_OBSTACLES) return null;
  const blocks = boxes.map((box) => inflate(box, margin));
  if (blocks.some((block) => pointInBox(start, block) || pointInBox(end, block))) return null;
  const xs = linesOf([start.x, end.x], blocks.flatMap((b) => [b.x, right(b)]), area.x, right(area));
  const ys = linesOf([start.y, end.y], blocks.flatMap((b) => [b.y, bottom(b)]), area.y, bottom(area));
  const [nx, ny] = [xs.length, ys.length];
  const xIndex = xs.findIndex((line) => line.at === Math.round(start.x * 10) / 10);
  const yIndex = ys.findIndex((line) => line.at === Math.round(start.y * 10) / 10);
  const goalX = xs.findIndex((line) => line.at === Math.round(end.x * 10) / 10);
  const goalY = ys.findIndex((line) => line.at === Math.round(end.y * 10) / 10);
  if (xIndex < 0 || yIndex < 0 || goalX < 0 || goalY < 0) return null;

  // Which grid points, and which steps between neighbouring points, lie inside a box: each box's
  // sides are grid lines, so a box covers a block of index ranges.
  const indexOf = (lines: Line[], at: number) => {
    let [low, high] = [0, lines.length - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (lines[middle]!.at < at - 1e-6) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const pointBlocked = new Uint8Array(nx * ny);
  const stepRightBlocked = new Uint8Array(nx * ny);
  const stepDownBlocked = new Uint8Array(nx * ny);
  for (const block of blocks) {
    const [i0, i1, j0, j1] = [indexOf(xs, block.x), indexOf(xs, right(block)), indexOf(ys, block.y), indexOf(ys, bottom(block))];
    for (let j = j0; j <= j1 && j < ny; j++) {
      const innerY = ys[j]!.at > block.y + 1e-6 && ys[j]!.at < bottom(block) - 1e-6;
      for (let i = i0; i <= i1 && i < nx; i++) {
        const innerX = xs[i]!.at > block.x + 1e-6 && xs[i]!.at < right(block) - 1e-6;
        if (innerX && innerY) pointBlocked[j * nx + i] = 1;
        if (innerY && i < i1) stepRightBlocked[j * nx + i] = 1;
        if (innerX && j < j1) stepDownBlocked[j * nx + i] = 1;
      }
    }
  }
  const stepBlocked = (i: number, j: number, ni: number, nj: number) =>
    ni !== i ? stepRightBlocked[j * nx + Math.min(i, ni)]! === 1 : stepDownBlocked[Math.min(j, nj) * nx + i]! === 1;
  // States: grid point × how it was reached (0 horizontally, 1 vertically).
  const states = nx * ny * 2;
  const cost = new Float64Array(states).fill(Infinity);
  const previous = new Int32Array(states).fill(-1);
  const closed = new Uint8Array(states);
  const heap = new Heap();
  const state = (i: number, j: number, vertical: number) => ((j * nx + i) << 1) | vertical;
  const guess = (i: number, j: number) => Math.abs(xs[i]!.at - end.x) + Math.abs(ys[j]!.at - end.y);
  const first = state(xIndex, yIndex, 1);
  cost[first] = 0;
  heap.push(guess(xIndex, yIndex), first);
  let reached = -1;
  while (heap.size > 0) {
    const current = heap.pop();
    if (closed[current]) continue;
    closed[current] = 1;
    const vertical = current & 1;
    const point = current >> 1;
    const [i, j] = [point % nx, Math.floor(point / nx)];
    if (i === goalX && j === goalY) {
      reached = current;
      break;
    }
    for (let move = 0; move < 4; move++) {
      const ni = move === 0 ? i - 1 : move === 1 ? i + 1 : i;
      const nj = move === 2 ? j - 1 : move === 3 ? j + 1 : j;
      const movesVertically = move >= 2 ? 1 : 0;
      if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
      const [x, y] = [xs[ni]!.at, ys[nj]!.at];
      if (pointBlocked[nj * nx + ni] || stepBlocked(i, j, ni, nj)) continue;
      const length = movesVertically ? Math.abs(y - ys[j]!.at) * xs[i]!.cost : Math.abs(x - xs[i]!.at) * ys[j]!.cost;
      let step = length + (movesVertically === vertical ? 0 : BEND_COST);
      // Arriving at the end sideways means one more bend (the link enters its node vertically).
      if (ni === goalX && nj === goalY && !movesVertically) step += BEND_COST;
      const next = state(ni, nj, movesVertically);
      if (cost[current]! + step < cost[next]!) {
        cost[next] = cost[current]! + step;
        previous[next] = current;
        heap.push(cost[next]! + GREED * guess(ni, nj), next);
      }
    }
  }
  if (reached < 0) return null;
  const points: Point[] = [];
  for (let at = reached; at >= 0; at = previous[at]!) {
    const point = at >> 1;
    points.push({ x: xs[point % nx]!.at, y: ys[Math.floor(point / nx)]!.at });
  }
  return withoutStraightRuns(points.reverse());
}

/** Only the corners: points in the middle of a straight run are dropped. */
export function withoutStraightRuns(points: readonly Point[]): Point[] {
  const kept: Point[] = [];
  for (const point of points) {
    const [a, b] = [kept[kept.length - 2], kept[kept.length - 1]];
    if (b && point.x === b.x && point.y === b.y) continue;
    if (a && b && ((a.x === b.x && b.x === point.x) || (a.y === b.y && b.y === point.y))) kept[kept.length - 1] = point;
    else kept.push(point);
  }
  return kept;
}
