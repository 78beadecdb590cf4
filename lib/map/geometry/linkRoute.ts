/**
 * Where a link runs and where its label sits, the same on the canvas, the presentation stage and
 * in the SVG/PNG export, so that nothing is hidden: a link never passes under a node that is not
 * one of its ends, and its label never covers a node.
 *
 * A link leaves the top of the reason and arrives at the bottom of what it is about (a claim sits
 * above its reasons). Where the smooth S-curve between the two (React Flow's bezier) is clear of
 * every other node it is kept; where it is not, the link goes around them (detour.ts) with
 * rounded corners. The label goes on the first spot along the path, from the middle outwards,
 * where its box meets no node.
 *
 * Pure: the canvas calls `routeLink` per link it draws (a dragged node's links with its live
 * place), the export calls `routeLinks` for all. Anything that must point at a link (an undercut)
 * can aim at `anchor`, the centre of its label.
 */
import { BoxIndex, bottom, boundsOfPoints, boxesOverlap, inflate, overlapArea, segmentCrossesBox, type Box, type Point } from "./boxes";
import { findDetour, withoutStraightRuns } from "./detour";

/** How far a detour keeps from a node, and how far it runs straight out of its ends first. */
const CLEARANCE = 10;
const STUB = 18;
/** How far beyond the straight box between its ends a detour may search. */
const SEARCH_MARGINS = [220, 700];
const CORNER_RADIUS = 14;
const CURVE_SAMPLES = 24;
/** Room kept between a label and any node. */
const LABEL_CLEARANCE = 3;

export interface Size {
  width: number;
  height: number;
}

/** The label box for each relation: the canvas draws its labels at exactly this size. */
export const LINK_LABEL_SIZE: Readonly<Record<string, Size>> = {
  supports: { width: 90, height: 24 },
  rebuts: { width: 76, height: 24 },
};
const DEFAULT_LABEL_SIZE: Size = { width: 90, height: 24 };

export function linkLabelSize(relation: string): Size {
  return Object.hasOwn(LINK_LABEL_SIZE, relation) ? LINK_LABEL_SIZE[relation]! : DEFAULT_LABEL_SIZE;
}

export interface LinkRef {
  id: string;
  /** The reason... */
  from: string;
  /** ...and what it is a reason for or against. */
  to: string;
  relation: string;
}

export interface LinkRoute {
  /** "curve": one smooth S-curve; "detour": around nodes in the way, with rounded corners. */
  shape: "curve" | "detour";
  /** SVG path data, from the reason's top edge to the target's bottom edge (where the arrow points). */
  path: string;
  /** The path as a polyline (curves sampled): for hit tests and measures. */
  polyline: Point[];
  /** The label's box. */
  label: Box;
  /** The centre of the label: where something pointing at this link should aim. */
  anchor: Point;
}

/** Where on a node's top (outgoing) and bottom (incoming) edge each link attaches, as an offset from the centre. */
export interface LinkPorts {
  from: number;
  to: number;
}

/** What routing needs to know about the whole map, built once per change of the nodes or links. */
export interface MapGeometry {
  boxes: ReadonlyMap<string, Box>;
  index: BoxIndex;
  ports: ReadonlyMap<string, LinkPorts>;
  links: ReadonlyMap<string, LinkRef>;
  /** Each link's box from end to end (grown by a label's size): which links' labels may meet. */
  linkIndex: BoxIndex;
}

export function mapGeometry(boxes: ReadonlyMap<string, Box>, links: Iterable<LinkRef>): MapGeometry {
  const known = new Map<string, LinkRef>();
  for (const link of links) if (boxes.has(link.from) && boxes.has(link.to)) known.set(link.id, link);
  const ports = spreadPorts(boxes, known.values());
  const spans = new Map<string, Box>();
  for (const link of known.values()) {
    const [from, to] = [boxes.get(link.from)!, boxes.get(link.to)!];
    const size = linkLabelSize(link.relation);
    spans.set(link.id, inflate(boundsOfPoints([{ x: from.x + from.width / 2, y: from.y }, { x: to.x + to.width / 2, y: bottom(to) }]), Math.max(size.width, size.height)));
  }
  return { boxes, index: new BoxIndex(boxes), ports, links: known, linkIndex: new BoxIndex(spans) };
}

/** Routes already worked out for a geometry: links are routed once per change of the map, not per render. */
const plainRoutes = new WeakMap<MapGeometry, Map<string, LinkRoute | null>>();
const finalRoutes = new WeakMap<MapGeometry, Map<string, LinkRoute | null>>();

function cached(store: WeakMap<MapGeometry, Map<string, LinkRoute | null>>, geometry: MapGeometry, id: string, compute: () => LinkRoute | null): LinkRoute | null {
  let routes = store.get(geometry);
  if (!routes) store.set(geometry, (routes = new Map()));
  if (!routes.has(id)) routes.set(id, compute());
  return routes.get(id)!;
}

/**
 * Several links meeting one edge of a node attach side by side, ordered by where their other end
 * is, so they neither overlap nor cross on the way in; a lone link attaches at the middle.
 */
function spreadPorts(boxes: ReadonlyMap<string, Box>, links: Iterable<LinkRef>): Map<string, LinkPorts> {
  const incoming = new Map<string, LinkRef[]>();
  const outgoing = new Map<string, LinkRef[]>();
  const all: LinkRef[] = [];
  for (const link of links) {
    if (!boxes.has(link.from) || !boxes.has(link.to)) continue;
    all.push(link);
    (incoming.get(link.to) ?? incoming.set(link.to, []).get(link.to)!).push(link);
    (outgoing.get(link.from) ?? outgoing.set(link.from, []).get(link.from)!).push(link);
  }
  const centreX = (id: string) => {
    const box = boxes.get(id)!;
    return box.x + box.width / 2;
  };
  const offsets = (group: LinkRef[], nodeId: string, otherEnd: (link: LinkRef) => string) => {
    const result = new Map<string, number>();
    const sorted = [...group].sort((a, b) => centreX(otherEnd(a)) - centreX(otherEnd(b)) || (a.id < b.id ? -1 : 1));
    const width = boxes.get(nodeId)!.width;
    const spacing = Math.min(26, (width * 0.6) / Math.max(1, sorted.length - 1));
    sorted.forEach((link, i) => result.set(link.id, (i - (sorted.length - 1) / 2) * spacing));
    return result;
  };
  const toOffsets = new Map<string, number>();
  const fromOffsets = new Map<string, number>();
  for (const [nodeId, group] of incoming) for (const [id, offset] of offsets(group, nodeId, (link) => link.from)) toOffsets.set(id, offset);
  for (const [nodeId, group] of outgoing) for (const [id, offset] of offsets(group, nodeId, (link) => link.to)) fromOffsets.set(id, offset);
  return new Map(all.map((link) => [link.id, { from: fromOffsets.get(link.id) ?? 0, to: toOffsets.get(link.id) ?? 0 }]));
}

/** Where the link's ends are right now, when one of them is being dragged (else the geometry's boxes). */
export interface LiveEnds {
  from?: Box;
  to?: Box;
}

/** The route of one link, or null when one of its ends is not in the geometry. */
export function routeLink(geometry: MapGeometry, link: LinkRef, live: LiveEnds = {}): LinkRoute | null {
  if (live.from || live.to || geometry.links.get(link.id) !== link) return route(geometry, link, live, true);
  return cached(finalRoutes, geometry, link.id, () => route(geometry, link, live, true));
}

/**
 * The route itself. With `besideLabels`, the label also keeps off the labels that nearby links
 * (those with a smaller id, where each would put it by the nodes alone) have: one order for all,
 * so every client and the export agree, without working out the whole map first.
 */
function route(geometry: MapGeometry, link: LinkRef, live: LiveEnds, besideLabels: boolean): LinkRoute | null {
  const from = live.from ?? geometry.boxes.get(link.from);
  const to = live.to ?? geometry.boxes.get(link.to);
  if (!from || !to) return null;
  const ports = geometry.ports.get(link.id) ?? { from: 0, to: 0 };
  const start = { x: from.x + from.width / 2 + ports.from, y: from.y };
  const end = { x: to.x + to.width / 2 + ports.to, y: bottom(to) };
  // The boxes a link must keep clear of: every node but its own two ends (where they are now).
  const others = (area: Box) =>
    geometry.index
      .query(area)
      .filter((id) => id !== link.from && id !== link.to)
      .map((id) => geometry.boxes.get(id)!);

  let shape: LinkRoute["shape"] = "curve";
  let polyline = curvePolyline(start, end);
  let path = curvePath(start, end);
  const curveArea = inflate(boundsOfPoints(polyline), CLEARANCE);
  const curveClear = end.y < start.y - 2 * STUB && !others(curveArea).some((box) => crossesPolyline(polyline, inflate(box, CLEARANCE / 2)));
  if (!curveClear) {
    const detour = detourBetween(start, end, from, to, others);
    if (detour) {
      shape = "detour";
      polyline = detour;
      path = roundedPath(detour, CORNER_RADIUS);
    }
  }
  const size = linkLabelSize(link.relation);
  const labels: Box[] = [];
  if (besideLabels) {
    for (const id of geometry.linkIndex.query(inflate(boundsOfPoints(polyline), Math.max(size.width, size.height)))) {
      const other = geometry.links.get(id)!;
      if (id >= link.id || other === link) continue;
      const placed = cached(plainRoutes, geometry, id, () => route(geometry, other, {}, false));
      if (placed) labels.push(placed.label);
    }
  }
  const label = placeLabel(polyline, size, (area) => geometry.index.query(area).map((id) => geometry.boxes.get(id)!), live, labels);
  return { shape, path, polyline, label, anchor: { x: label.x + label.width / 2, y: label.y + label.height / 2 } };
}

/** Every link's route (links whose ends are missing are left out). */
export function routeLinks(geometry: MapGeometry, links: Iterable<LinkRef>): Map<string, LinkRoute> {
  const routes = new Map<string, LinkRoute>();
  for (const link of links) {
    const route = routeLink(geometry, link);
    if (route) routes.set(link.id, route);
  }
  return routes;
}

/** React Flow's bezier between a bottom and a top handle: vertical at both ends. */
function curveControls(start: Point, end: Point): [Point, Point] {
  const distance = start.y - end.y;
  const offset = distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
  return [
    { x: start.x, y: start.y - offset },
    { x: end.x, y: end.y + offset },
  ];
}

function curvePath(start: Point, end: Point): string {
  const [c1, c2] = curveControls(start, end);
  return `M${num(start.x)} ${num(start.y)}C${num(c1.x)} ${num(c1.y)} ${num(c2.x)} ${num(c2.y)} ${num(end.x)} ${num(end.y)}`;
}

function curvePolyline(start: Point, end: Point): Point[] {
  const [c1, c2] = curveControls(start, end);
  const points: Point[] = [];
  for (let i = 0; i <= CURVE_SAMPLES; i++) {
    const t = i / CURVE_SAMPLES;
    const u = 1 - t;
    const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    points.push({ x: a * start.x + b * c1.x + c * c2.x + d * end.x, y: a * start.y + b * c1.y + c * c2.y + d * end.y });
  }
  return points;
}

/** Out of the reason's top, around whatever is in the way, into the target's bottom. */
function detourBetween(start: Point, end: Point, from: Box, to: Box, others: (area: Box) => Box[]): Point[] | null {
  const out = { x: start.x, y: start.y - STUB };
  const into = { x: end.x, y: end.y + STUB };
  const simple = zigzag(start, end, out, into, [from, to, ...others(inflate(boundsOfPoints([out, into]), CLEARANCE))]);
  if (simple) return simple;
  for (const margin of SEARCH_MARGINS) {
    const area = inflate(boundsOfPoints([out, into]), margin);
    // Its own ends are in the way too: a link never runs through the nodes it joins.
    const corners = findDetour(out, into, [from, to, ...others(area)], area, CLEARANCE);
    if (corners) return [start, ...corners, end].filter((point, i, all) => i === 0 || point.x !== all[i - 1]!.x || point.y !== all[i - 1]!.y);
  }
  return null;
}

/**
 * The cheap case first: up (or down) from the reason, across at one height, and on to the target,
 * at the first height where none of the three runs meets a node (with room to spare).
 */
function zigzag(start: Point, end: Point, out: Point, into: Point, boxes: Box[]): Point[] | null {
  const blocks = boxes.map((box) => inflate(box, CLEARANCE - 1));
  const clear = (a: Point, b: Point) => !blocks.some((block) => segmentCrossesBox(a, b, block));
  const heights = [out.y, into.y, (out.y + into.y) / 2];
  for (const y of heights) {
    const corners = [start, out, { x: out.x, y }, { x: into.x, y }, into, end];
    let ok = true;
    for (let i = 1; i < corners.length && ok; i++) ok = clear(corners[i - 1]!, corners[i]!);
    if (ok) return withoutStraightRuns(corners);
  }
  return null;
}

/** A polyline with its corners rounded off (each radius at most half of the shorter leg). */
export function roundedPath(points: readonly Point[], radius: number): string {
  if (points.length === 0) return "";
  const parts = [`M${num(points[0]!.x)} ${num(points[0]!.y)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1]!, points[i]!, points[i + 1]!];
    const r = Math.min(radius, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const before = towards(b, a, r);
    const after = towards(b, c, r);
    parts.push(`L${num(before.x)} ${num(before.y)}Q${num(b.x)} ${num(b.y)} ${num(after.x)} ${num(after.y)}`);
  }
  const last = points[points.length - 1]!;
  parts.push(`L${num(last.x)} ${num(last.y)}`);
  return parts.join("");
}

function towards(from: Point, to: Point, distance: number): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: from.x + ((to.x - from.x) / length) * distance, y: from.y + ((to.y - from.y) / length) * distance };
}

/**
 * The label on the path: the first spot, from the middle of the path outwards, where its box
 * meets no node and no other label; else the first that meets no node; failing that, the spot
 * where it covers the least of the nodes.
 */
function placeLabel(polyline: readonly Point[], size: Size, nodesNear: (area: Box) => Box[], live: LiveEnds, labels: readonly Box[]): Box {
  const lengths = [0];
  for (let i = 1; i < polyline.length; i++) lengths.push(lengths[i - 1]! + Math.hypot(polyline[i]!.x - polyline[i - 1]!.x, polyline[i]!.y - polyline[i - 1]!.y));
  const total = lengths[lengths.length - 1]!;
  const pointAt = (distance: number): Point => {
    let i = 1;
    while (i < lengths.length - 1 && lengths[i]! < distance) i++;
    const [a, b] = [polyline[i - 1]!, polyline[i]!];
    const span = lengths[i]! - lengths[i - 1]! || 1;
    const t = Math.max(0, Math.min(1, (distance - lengths[i - 1]!) / span));
    return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
  };
  const boxAt = (centre: Point): Box => ({ x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height });
  const nodes = nodesNear(inflate(boundsOfPoints(polyline), Math.max(size.width, size.height)));
  // A node being dragged is where it is now, not where the geometry has it.
  for (const box of [live.from, live.to]) if (box) nodes.push(box);
  const covered = (label: Box) => {
    const padded = inflate(label, LABEL_CLEARANCE);
    let area = 0;
    for (const node of nodes) if (boxesOverlap(padded, node)) area += overlapArea(padded, node);
    return area;
  };
  const crowded = (label: Box) => labels.reduce((sum, other) => sum + overlapArea(label, other), 0);
  // Every 4 to 12 px along the path, and never more than a few hundred tries on a very long one.
  const step = Math.max(4, Math.min(12, total / 40), total / 400);
  let best: Box | null = null;
  let bestCovered = Infinity;
  let firstClear: Box | null = null;
  let firstClearCrowd = Infinity;
  for (let k = 0; k * step <= total / 2; k++) {
    for (const distance of k === 0 ? [total / 2] : [total / 2 - k * step, total / 2 + k * step]) {
      const label = boxAt(pointAt(distance));
      const area = covered(label);
      if (area === 0) {
        const crowd = crowded(label);
        if (crowd === 0) return label;
        if (crowd < firstClearCrowd) [firstClear, firstClearCrowd] = [label, crowd];
      } else if (area < bestCovered) [best, bestCovered] = [label, area];
    }
  }
  return firstClear ?? best ?? boxAt(pointAt(total / 2));
}

function crossesPolyline(polyline: readonly Point[], box: Box): boolean {
  for (let i = 1; i < polyline.length; i++) if (segmentCrossesBox(polyline[i - 1]!, polyline[i]!, box)) return true;
  return false;
}

/** Coordinates with at most one decimal: enough for a picture, and a smaller file. */
function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}
