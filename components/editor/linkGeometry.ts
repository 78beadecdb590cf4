"use client";
/**
 * Where links are drawn. React Flow joins nodes only; an undercut aims at a link, so it is drawn
 * to the middle of that link (where the link's label sits), worked out here from the link's two
 * nodes exactly as React Flow places a link between their handles. Premises are drawn as a
 * bracket: every premise of an argument runs into the same point below its box.
 */
import { getBezierPath, getSmoothStepPath, Position, useInternalNode, type InternalNode } from "@xyflow/react";
import type { ArgEdge } from "@/lib/map/types";

/** Half the size of a link's label chip: an undercut's arrow stops at its edge, not under it. */
const LABEL_HALF = { width: 44, height: 13 };

/** A handle's attachment point, as React Flow computes it for a link (top of "out", bottom of "in"). */
function handlePoint(node: InternalNode, id: "out" | "in"): { x: number; y: number } {
  const { x, y } = node.internals.positionAbsolute;
  const handles = id === "out" ? node.internals.handleBounds?.source : node.internals.handleBounds?.target;
  const handle = handles?.find((bounds) => bounds.id === id) ?? handles?.[0];
  if (handle) return { x: x + handle.x + handle.width / 2, y: y + handle.y + (id === "out" ? 0 : handle.height) };
  const width = node.measured.width ?? 0;
  const height = node.measured.height ?? 0;
  return { x: x + width / 2, y: id === "out" ? y : y + height };
}

/** Where an undercut drawn from (sourceX, sourceY) ends on `link`, and from which side it arrives; null while either end is unknown. */
export function useUndercutEnd(link: ArgEdge | undefined, sourceX: number, sourceY: number): { x: number; y: number; position: Position } | null {
  const reason = useInternalNode(link?.from ?? "");
  const point = useInternalNode(link?.to ?? "");
  if (!link || !reason || !point) return null;
  const start = handlePoint(reason, "out");
  const end = handlePoint(point, "in");
  const [, x, y] = getBezierPath({ sourceX: start.x, sourceY: start.y, sourcePosition: Position.Top, targetX: end.x, targetY: end.y, targetPosition: Position.Bottom });
  const dx = sourceX - x;
  const dy = sourceY - y;
  if (Math.abs(dx) > Math.abs(dy)) {
    return dx > 0 ? { x: x + LABEL_HALF.width, y, position: Position.Right } : { x: x - LABEL_HALF.width, y, position: Position.Left };
  }
  return dy > 0 ? { x, y: y + LABEL_HALF.height, position: Position.Bottom } : { x, y: y - LABEL_HALF.height, position: Position.Top };
}

/** The path of an undercut from its node's top handle to where it ends on the link. */
export function undercutPath(sourceX: number, sourceY: number, end: { x: number; y: number; position: Position }): [path: string, labelX: number, labelY: number] {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition: Position.Top, targetX: end.x, targetY: end.y, targetPosition: end.position });
  return [path, labelX, labelY];
}

/** A premise's line: up from the premise, across, and into the middle of its argument's bottom edge. */
export function premisePath(sourceX: number, sourceY: number, targetX: number, targetY: number): string {
  const [path] = getSmoothStepPath({ sourceX, sourceY, sourcePosition: Position.Top, targetX, targetY, targetPosition: Position.Bottom, borderRadius: 10, offset: 14 });
  return path;
}
