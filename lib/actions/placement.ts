/** Where new nodes go: below the node they answer, beside their siblings, never on top of another node. */
import type { ActionContext, Point, Size } from "./types";
import { entryOf } from "../map/records";

const GAP_X = 40;
const GAP_Y = 90;
const MAX_TRIES = 200;

function overlapsAnyNode(context: ActionContext, at: Point, size: Size): { right: number } | null {
  for (const node of Object.values(context.doc.nodes)) {
    const other = context.sizeOf(node.id);
    const apart =
      at.x + size.width + GAP_X / 2 <= node.x ||
      node.x + other.width + GAP_X / 2 <= at.x ||
      at.y + size.height + GAP_Y / 2 <= node.y ||
      node.y + other.height + GAP_Y / 2 <= at.y;
    if (!apart) return { right: node.x + other.width };
  }
  return null;
}

/** The first spot at or to the right of `wanted` where a node of `size` overlaps nothing. */
export function findFreeSpot(context: ActionContext, wanted: Point, size: Size): Point {
  let at = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const hit = overlapsAnyNode(context, at, size);
    if (!hit) return at;
    at = { x: Math.round(hit.right + GAP_X), y: at.y };
  }
  return at;
}

/** A spot in the row below `parentId`, to the right of the reasons already given for it. */
export function placeBelow(context: ActionContext, parentId: string, size: Size): Point {
  const { doc } = context;
  const parent = entryOf(doc.nodes, parentId);
  if (!parent) return findFreeSpot(context, context.insertionPoint(), size);
  const parentSize = context.sizeOf(parentId);
  const row = parent.y + parentSize.height + GAP_Y;
  let x = parent.x;
  for (const edge of Object.values(doc.edges)) {
    if (edge.to !== parentId) continue;
    const child = entryOf(doc.nodes, edge.from);
    if (!child || child.y <= parent.y) continue;
    x = Math.max(x, child.x + context.sizeOf(child.id).width + GAP_X);
  }
  return findFreeSpot(context, { x, y: row }, size);
}

/** Centres a node of `size` on a point (a double-click, the middle of the view). */
export function centredOn(point: Point, size: Size): Point {
  return { x: point.x - size.width / 2, y: point.y - size.height / 2 };
}
