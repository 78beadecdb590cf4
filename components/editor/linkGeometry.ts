"use client";
/**
 * Where undercuts and premises are drawn. React Flow joins nodes only; an undercut aims at a link,
 * so it is drawn to that link's label, where the shared link geometry (LinkGeometry.tsx) placed it,
 * arriving at the side of the label that faces it. Premises are drawn as a bracket: every premise of
 * an argument runs into the same point below its box.
 */
import { getBezierPath, getSmoothStepPath, Position } from "@xyflow/react";
import type { ArgEdge } from "@/lib/map/types";
import { useRouteOf } from "./LinkGeometry";

/** Where an undercut drawn from (sourceX, sourceY) ends on `link`, and from which side it arrives; null while the link is not drawn. */
export function useUndercutEnd(link: ArgEdge | undefined, sourceX: number, sourceY: number): { x: number; y: number; position: Position } | null {
  const route = useRouteOf(link);
  if (!route) return null;
  const { anchor, label } = route;
  const dx = sourceX - anchor.x;
  const dy = sourceY - anchor.y;
  if (Math.abs(dx) * label.height > Math.abs(dy) * label.width) {
    return dx > 0 ? { x: label.x + label.width, y: anchor.y, position: Position.Right } : { x: label.x, y: anchor.y, position: Position.Left };
  }
  return dy > 0 ? { x: anchor.x, y: label.y + label.height, position: Position.Bottom } : { x: anchor.x, y: label.y, position: Position.Top };
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
