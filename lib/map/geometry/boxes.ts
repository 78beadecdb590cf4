/**
 * Rectangles on the map plane (map coordinates, y downwards, x/y the top-left corner, as React
 * Flow places nodes), their tests, and a grid index to find the ones near a place quickly.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const right = (box: Box): number => box.x + box.width;
export const bottom = (box: Box): number => box.y + box.height;
export const centreOf = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** The box grown by `margin` on every side (shrunk for a negative margin). */
export function inflate(box: Box, margin: number): Box {
  return { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin };
}

/** The smallest box holding every point. */
export function boundsOfPoints(points: readonly Point[]): Box {
  let [left, top, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of points) {
    left = Math.min(left, x);
    top = Math.min(top, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { x: left, y: top, width: maxX - left, height: maxY - top };
}

/** Whether the insides of two boxes share some area (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);
}

export function overlapArea(a: Box, b: Box): number {
  const width = Math.min(right(a), right(b)) - Math.max(a.x, b.x);
  const height = Math.min(bottom(a), bottom(b)) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** Whether the point is strictly inside the box. */
export function pointInBox(point: Point, box: Box): boolean {
  return point.x > box.x && point.x < right(box) && point.y > box.y && point.y < bottom(box);
}

/**
 * Whether the segment p–q passes through the inside of the box (running along an edge or
 * touching a corner does not count). Liang–Barsky clipping against the open box.
 */
export function segmentCrossesBox(p: Point, q: Point, box: Box): boolean {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let enter = 0;
  let leave = 1;
  const sides: [number, number][] = [
    [-dx, p.x - box.x],
    [dx, right(box) - p.x],
    [-dy, p.y - box.y],
    [dy, bottom(box) - p.y],
  ];
  for (const [direction, room] of sides) {
    if (direction === 0) {
      if (room <= 0) return false;
      continue;
    }
    const t = room / direction;
    if (direction < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter >= leave) return false;
  }
  return leave - enter > 1e-9;
}

const LARGE_CELLS = 64;

/** Boxes by id in a uniform grid of square cells: "which boxes are near this area" without a scan of all. */
export class BoxIndex {
  private readonly cells = new Map<string, string[]>();
  /** Boxes spanning many cells (a link across the map): kept aside and checked on every query. */
  private readonly large: string[] = [];

  constructor(
    readonly boxes: ReadonlyMap<string, Box>,
    private readonly cell = 320,
  ) {
    for (const [id, box] of boxes) {
      if (this.cellCount(box) > LARGE_CELLS) {
        this.large.push(id);
        continue;
      }
      this.forCells(box, (key) => {
        const list = this.cells.get(key);
        if (list) list.push(id);
        else this.cells.set(key, [id]);
      });
    }
  }

  /** Ids of the boxes overlapping (or touching) the area, each once. */
  query(area: Box): string[] {
    const meets = (box: Box) => box.x <= right(area) && area.x <= right(box) && box.y <= bottom(area) && area.y <= bottom(box);
    // An area spanning more cells than there are boxes is quicker to answer by a plain scan.
    if (this.cellCount(area) > this.boxes.size) return [...this.boxes].filter(([, box]) => meets(box)).map(([id]) => id);
    const found = new Set<string>(this.large.filter((id) => meets(this.boxes.get(id)!)));
    this.forCells(area, (key) => {
      for (const id of this.cells.get(key) ?? []) if (meets(this.boxes.get(id)!)) found.add(id);
    });
    return [...found];
  }

  private span(box: Box): [number, number, number, number] {
    return [Math.floor(box.x / this.cell), Math.floor(box.y / this.cell), Math.floor(right(box) / this.cell), Math.floor(bottom(box) / this.cell)];
  }

  private cellCount(box: Box): number {
    const [left, top, last, lowest] = this.span(box);
    return (last - left + 1) * (lowest - top + 1);
  }

  private forCells(box: Box, visit: (key: string) => void): void {
    const [left, top, last, lowest] = this.span(box);
    for (let gx = left; gx <= last; gx++) for (let gy = top; gy <= lowest; gy++) visit(`${gx},${gy}`);
  }
}
