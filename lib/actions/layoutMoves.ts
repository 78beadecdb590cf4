/** Turns a computed layout into one moveNodes op (one undo step), moving only nodes that changed place. */
import type { Op } from "../map/ops";
import type { MapDoc } from "../map/types";
import type { Point } from "./types";
import { entryOf } from "../map/records";

export function movesFromLayout(doc: MapDoc, positions: Readonly<Record<string, Point>>): Op | null {
  const moves: { id: string; x: number; y: number }[] = [];
  for (const [id, position] of Object.entries(positions)) {
    const node = entryOf(doc.nodes, id);
    if (!node) continue;
    const x = Math.round(position.x);
    const y = Math.round(position.y);
    if (x !== node.x || y !== node.y) moves.push({ id, x, y });
  }
  return moves.length > 0 ? { type: "moveNodes", moves } : null;
}
