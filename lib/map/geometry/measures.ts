/**
 * Measures of "nothing hidden" on a laid-out map: labels that cover a node, and links that run
 * through a node that is not one of their ends. The tests, the export checks and the bench use
 * them on the same routes the canvas draws.
 */
import { boxesOverlap, segmentCrossesBox, inflate, type Box } from "./boxes";
import type { LinkRef, LinkRoute, MapGeometry } from "./linkRoute";

/** Ids of the links whose label box overlaps some node's box. */
export function labelsOverNodes(geometry: MapGeometry, routes: ReadonlyMap<string, LinkRoute>): string[] {
  const covering: string[] = [];
  for (const [id, route] of routes) {
    const near = geometry.index.query(route.label);
    if (near.some((nodeId) => boxesOverlap(route.label, geometry.boxes.get(nodeId)!))) covering.push(id);
  }
  return covering;
}

/**
 * Ids of the links whose path passes through the inside of a node other than their two ends
 * (a node's outline shrunk by `tolerance` pixels, so grazing a corner does not count).
 */
export function linksThroughNodes(geometry: MapGeometry, routes: ReadonlyMap<string, LinkRoute>, links: Iterable<LinkRef>, tolerance = 1): string[] {
  const crossing: string[] = [];
  for (const link of links) {
    const route = routes.get(link.id);
    if (!route) continue;
    const through = (box: Box) => {
      const inner = inflate(box, -tolerance);
      for (let i = 1; i < route.polyline.length; i++) if (segmentCrossesBox(route.polyline[i - 1]!, route.polyline[i]!, inner)) return true;
      return false;
    };
    const near = geometry.index.query(pathBounds(route));
    if (near.some((nodeId) => nodeId !== link.from && nodeId !== link.to && through(geometry.boxes.get(nodeId)!))) crossing.push(link.id);
  }
  return crossing;
}

function pathBounds(route: LinkRoute): Box {
  const xs = route.polyline.map((point) => point.x);
  const ys = route.polyline.map((point) => point.y);
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  return { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}
