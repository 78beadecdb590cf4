/**
 * How a map opens: on its main claim and the reasons given directly for and against it, at a
 * zoom where the text can be read. The rest of the map is one scroll or one key away.
 *
 * Pure: the canvas gives the boxes and its own size, and gets a viewport back.
 */
import { right, bottom, type Box } from "./geometry/boxes";
import { nodeLinks } from "./graph";
import type { MapDoc } from "./types";

/** React Flow's viewport: a map point p is drawn at p × zoom + (x, y) on the canvas. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The main claims: nodes that are a reason for nothing, claims first, then the one with the most
 * of the map beneath it (its reasons, their reasons…), then document order.
 */
export function mainClaims(doc: MapDoc): string[] {
  const reasonsOf = new Map<string, string[]>();
  const answers = new Set<string>();
  for (const edge of nodeLinks(doc)) {
    (reasonsOf.get(edge.to) ?? reasonsOf.set(edge.to, []).get(edge.to)!).push(edge.from);
    answers.add(edge.from);
  }
  const beneath = (id: string) => {
    const seen = new Set([id]);
    const stack = [id];
    while (stack.length > 0) for (const reason of reasonsOf.get(stack.pop()!) ?? []) if (!seen.has(reason)) stack.push(reason), seen.add(reason);
    return seen.size - 1;
  };
  const tops = Object.values(doc.nodes).filter((node) => !answers.has(node.id));
  const size = new Map(tops.map((node) => [node.id, beneath(node.id)]));
  const order = new Map(tops.map((node, i) => [node.id, i]));
  return tops
    .sort((a, b) => Number(b.kind === "claim") - Number(a.kind === "claim") || size.get(b.id)! - size.get(a.id)! || order.get(a.id)! - order.get(b.id)!)
    .map((node) => node.id);
}

/** The nodes giving a reason directly for or against `id`. */
export function directReasons(doc: MapDoc, id: string): string[] {
  return nodeLinks(doc)
    .filter((edge) => edge.to === id)
    .map((edge) => edge.from);
}

export interface FrameOptions {
  /** The canvas, in screen pixels. */
  width: number;
  height: number;
  /** The smallest zoom at which the body text is still readable. */
  readableZoom: number;
  maxZoom: number;
  /** Room kept free along the canvas's edges, in screen pixels. */
  padding: number;
}

/**
 * A viewport on `main` and its `reasons`: all of them if they fit at a readable zoom (never
 * above `maxZoom`); else, at the readable zoom, the main claim whole, near the top, and as many
 * of its reasons as fit beside and below it. The main claim is always whole, even if that takes
 * a smaller zoom (a claim taller or wider than the canvas).
 */
export function frameOn(main: Box, reasons: readonly Box[], options: FrameOptions): Viewport {
  const { width, height, padding } = options;
  const room = { width: Math.max(1, width - 2 * padding), height: Math.max(1, height - 2 * padding) };
  const all = reasons.reduce<Box>((bounds, box) => union(bounds, box), main);
  const fit = Math.min(room.width / all.width, room.height / all.height);
  const mainFit = Math.min(room.width / main.width, room.height / main.height);
  const zoom = Math.min(Math.max(Math.min(fit, options.maxZoom), options.readableZoom), options.maxZoom, mainFit);
  const seen = { width: room.width / zoom, height: room.height / zoom };
  let left: number;
  let top: number;
  if (all.width <= seen.width + 0.5) left = all.x - (seen.width - all.width) / 2;
  else left = bestWindow(main, reasons, seen.width);
  if (all.height <= seen.height + 0.5) top = all.y - (seen.height - all.height) / 2;
  else top = Math.min(main.y, all.y);
  return { x: padding - left * zoom, y: padding - top * zoom, zoom };
}

/** The left edge of a window `span` wide that holds `main` whole and the most reasons whole (then: main most central). */
function bestWindow(main: Box, reasons: readonly Box[], span: number): number {
  const lowest = right(main) - span;
  const highest = main.x;
  const centred = main.x + main.width / 2 - span / 2;
  const candidates = [centred, ...reasons.flatMap((box) => [box.x, right(box) - span])].map((left) => Math.min(highest, Math.max(lowest, left)));
  let best = centred;
  let bestCount = -1;
  for (const left of candidates) {
    const count = reasons.filter((box) => box.x >= left - 0.5 && right(box) <= left + span + 0.5).length;
    if (count > bestCount || (count === bestCount && Math.abs(left - centred) < Math.abs(best - centred))) [best, bestCount] = [left, count];
  }
  return best;
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(right(a), right(b)) - x, height: Math.max(bottom(a), bottom(b)) - y };
}
