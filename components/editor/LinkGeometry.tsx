"use client";
/**
 * The map's geometry for routing links (lib/map/geometry), shared by every link on a canvas.
 * Built from the document's positions and the nodes' measured sizes, so it changes when the map
 * does, never while a node is dragged: a dragged node's links route themselves from their live
 * ends (see useLinkRoute), and every other link keeps its route until the drop.
 */
import { createContext, useContext, useMemo } from "react";
import { mapGeometry, routeLink, type LinkRef, type LinkRoute, type MapGeometry } from "@/lib/map/geometry/linkRoute";
import type { Box } from "@/lib/map/geometry/boxes";
import { estimateNodeSize } from "@/lib/map/layout";
import type { MapDoc } from "@/lib/map/types";

const LinkGeometryContext = createContext<MapGeometry | null>(null);
export const LinkGeometryProvider = LinkGeometryContext.Provider;

/** As canvas.css places the handles: a link leaves 6 px above a node's top and arrives 6 px below its bottom. */
const HANDLE_BEYOND = 6;

/** The geometry of the nodes shown (`shown` null: all of them), at their measured size or an estimate. */
export function useMapGeometry(doc: MapDoc, measured: ReadonlyMap<string, { width: number; height: number }>, shown: ReadonlySet<string> | null): MapGeometry {
  return useMemo(() => {
    const boxes = new Map<string, Box>();
    for (const node of Object.values(doc.nodes)) {
      if (shown && !shown.has(node.id)) continue;
      const size = measured.get(node.id) ?? estimateNodeSize(node);
      boxes.set(node.id, { x: node.x, y: node.y, width: size.width, height: size.height });
    }
    // An undercut aims at a link, not a node: it is drawn to that link's label (linkGeometry.ts), not routed.
    const links = Object.values(doc.edges).filter((edge) => edge.relation !== "undercuts" && boxes.has(edge.from) && boxes.has(edge.to));
    return mapGeometry(boxes, links);
  }, [doc.nodes, doc.edges, measured, shown]);
}

interface HandlePoints {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
}

/**
 * A link's route. Where React Flow has its ends somewhere else than the geometry (a node being
 * dragged, by this user or someone else), the route follows the live ends.
 */
export function useLinkRoute(link: LinkRef | undefined, handles: HandlePoints): LinkRoute | null {
  const geometry = useContext(LinkGeometryContext);
  const { sourceX, sourceY, targetX, targetY } = handles;
  return useMemo(() => {
    if (!geometry || !link) return null;
    const from = geometry.boxes.get(link.from);
    const to = geometry.boxes.get(link.to);
    if (!from || !to) return null;
    const liveFrom = { ...from, x: sourceX - from.width / 2, y: sourceY + HANDLE_BEYOND };
    const liveTo = { ...to, x: targetX - to.width / 2, y: targetY - HANDLE_BEYOND - to.height };
    const moved = (a: Box, b: Box) => Math.abs(a.x - b.x) > 0.5 || Math.abs(a.y - b.y) > 0.5;
    return routeLink(geometry, link, { from: moved(liveFrom, from) ? liveFrom : undefined, to: moved(liveTo, to) ? liveTo : undefined });
  }, [geometry, link, sourceX, sourceY, targetX, targetY]);
}

/**
 * The route of a link as the geometry has it (its ends where the document puts them): what an
 * undercut aims at, the centre of this link's label. Null while either end is not shown.
 */
export function useRouteOf(link: LinkRef | undefined): LinkRoute | null {
  const geometry = useContext(LinkGeometryContext);
  return useMemo(() => (geometry && link && geometry.links.has(link.id) ? routeLink(geometry, geometry.links.get(link.id)!) : null), [geometry, link]);
}
