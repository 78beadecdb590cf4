/**
 * The map as a standalone SVG picture, laid out as on the canvas: each node at its position in
 * the doc (x, y is its top-left corner), claims wider and in larger type, and each link routed
 * and labelled by the same geometry as the canvas (lib/map/geometry): from the top of the reason
 * to the bottom of what it is about, never under a node, its label never on one.
 *
 * Text is measured with the metrics of the fonts the file names (svgText.ts) and every line is
 * pinned to its measured length (`textLength`), so it stays inside its box in any renderer, in
 * whatever font that renderer falls back to.
 *
 * As on the canvas, meaning never rests on colour alone: a node says its kind in words and by
 * its shape (a claim square with a heavy border, a support with a solid bar down its left side,
 * a rebuttal dashed, an argument with a double border), and a link says "supports", "rebuts" or
 * "undercuts" in words, with a symbol, on a solid, dashed or dotted line. A premise joins its
 * argument's box from below (no arrowhead, no label); an undercut ends on the label of the link it
 * undercuts, where the route put that label. Everything the user wrote is XML-escaped; nothing in the file is fetched
 * or run (no fonts, images, links or scripts), so it renders the same anywhere, offline.
 */
import { mapGeometry, routeLinks, type LinkRoute } from "../geometry/linkRoute";
import { nodeWidth } from "../layout";
import { entryOf } from "../records";
import type { ArgEdge, ArgNode, MapDoc, NodeKind, Relation } from "../types";
import { clampLines, fitLine, textWidth, wrapText, xmlEscape, type Font } from "./svgText";
import { PILL_RISE, VERDICT_ICONS, VERDICT_KEY_WIDTH, verdictCounts, verdictKey, verdictPill, type VerdictMarks } from "./svgVerdict";

const INK = { text: "#0f172a", muted: "#475569", surface: "#ffffff", chip: "#f1f5f9" };
const KIND_STYLE: Record<NodeKind, { label: string; color: string; soft: string }> = {
  claim: { label: "Claim", color: "#4338ca", soft: "#eef2ff" },
  support: { label: "Support", color: "#15803d", soft: "#f0fdf4" },
  rebuttal: { label: "Rebuttal", color: "#b91c1c", soft: "#fef2f2" },
  argument: { label: "Argument", color: "#6d28d9", soft: "#f5f3ff" },
};
const RELATION_STYLE: Record<Relation, { color: string; dash: string | null; icon: string }> = {
  supports: { color: "#15803d", dash: null, icon: "check" },
  rebuts: { color: "#b91c1c", dash: "7 5", icon: "cross" },
  premise: { color: "#475569", dash: null, icon: "premise" },
  undercuts: { color: "#b45309", dash: "2 4", icon: "undercut" },
};
// The symbols of components/icons.tsx (24×24, stroked), which lib/map cannot import.
const ICONS: Record<string, string> = {
  claim: '<path d="M5 21V4"/><path d="M5 4h11l-2 4 2 4H5"/>',
  support: '<circle cx="12" cy="12" r="9"/><path d="M12 8v8M8 12h8"/>',
  rebuttal: '<circle cx="12" cy="12" r="9"/><path d="M8 12h8"/>',
  argument: '<rect x="3" y="4" width="18" height="16" rx="2"/><path d="M7 9h10M7 14h6"/>',
  premise: '<path d="M6 20V12h12v8M12 12V4"/>',
  undercut: '<path d="M4 12h12M16 6v12"/>',
  check: '<path d="M5 12.5l4.5 4.5L19 7.5"/>',
  cross: '<path d="M6 6l12 12M18 6L6 18"/>',
  source: '<path d="M6 3h9l4 4v14H6z"/><path d="M14 3v5h5M9 13h7M9 17h5"/>',
  quote: '<path d="M7 7H4v6h4v-2c0 2-1 4-3 5M17 7h-3v6h4v-2c0 2-1 4-3 5"/>',
};
// The fonts svgText.ts has the metrics of, first; then the common ones with Arial's metrics.
const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

const TEXT_FONT: Font = { size: 14 };
const CLAIM_FONT: Font = { size: 17, bold: true };
const KIND_FONT: Font = { size: 11, bold: true, spacing: 0.06 };
const SPEAKER_FONT: Font = { size: 12, bold: true };
const CHIP_FONT: Font = { size: 12 };
const LABEL_FONT: Font = { size: 12, bold: true };
const TITLE_FONT: Font = { size: 20, bold: true };

const PAD_X = 14;
const PAD_TOP = 12;
const HEADER = 22;
const LINE = 20;
const CLAIM_LINE = 24;
/** The canvas cuts a node's text after 12 lines too; the full text is in the node's <title>. */
const MAX_LINES = 12;
const CHIP = 20;
const CHIP_GAP = 6;
const PAD_BOTTOM = 14;
const textWidthOf = (kind: NodeKind) => nodeWidth(kind) - 2 * PAD_X;
const MARGIN = 40;
const TITLE_BAND = 48;

interface Chip {
  icon: "source" | "quote";
  text: string;
  width: number;
}
interface Box {
  node: ArgNode;
  font: Font;
  lineHeight: number;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  speaker: string;
  chips: Chip[];
}

/** The picture before it is wrapped in an <svg>: its extent in map coordinates and its content. */
export interface MapDrawing {
  minX: number;
  minY: number;
  width: number;
  height: number;
  body: string;
}

export function toSvg(doc: MapDoc, options: DrawOptions = {}): string {
  return svgDocument(drawMap(doc, options));
}

/** The drawing as an SVG file, `scale` times its natural size in pixels (for rasterizing). */
export function svgDocument(drawing: MapDrawing, scale = 1): string {
  const size = (value: number) => Math.max(1, Math.round(value * scale));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size(drawing.width)}" height="${size(drawing.height)}" ` +
      `viewBox="${num(drawing.minX)} ${num(drawing.minY)} ${num(drawing.width)} ${num(drawing.height)}" ` +
      `role="img" aria-labelledby="map-title map-description" font-family="${FONT_FAMILY}">`,
    drawing.body,
    "</svg>",
    "",
  ].join("\n");
}

export interface DrawOptions {
  /**
   * False draws the same picture without any words: boxes by kind and lines by relation only.
   * For a raster so small that text would be a blur anyway, and laying it out costs the most.
   */
  text?: boolean;
  /** Which claims stand: each node's label and strength, drawn as a pill on its top edge. */
  evaluation?: VerdictMarks;
}

export function drawMap(doc: MapDoc, { text = true, evaluation }: DrawOptions = {}): MapDrawing {
  const boxes = new Map<string, Box>();
  for (const node of Object.values(doc.nodes)) boxes.set(node.id, boxOf(doc, node));
  // Links between nodes are routed; an undercut is drawn after them, to the label of its link.
  const edges = Object.values(doc.edges);
  const betweenNodes = edges.filter((edge) => edge.relation !== "undercuts");
  const geometry = mapGeometry(new Map([...boxes].map(([id, box]) => [id, { x: box.x, y: box.y, width: box.width, height: box.height }])), betweenNodes);
  const routes = routeLinks(geometry, betweenNodes);
  const links = betweenNodes.flatMap((edge) => {
    const route = routes.get(edge.id);
    return route ? [drawLink(edge, route, boxes.get(edge.from)!, describeBox(boxes.get(edge.to)!))] : [];
  });
  for (const edge of edges) {
    const target = edge.relation === "undercuts" ? entryOf(doc.edges, edge.to) : undefined;
    const route = target && routes.get(target.id);
    const from = boxes.get(edge.from);
    if (!target || !route || !from) continue;
    const ends = `${describeBox(boxes.get(target.from)!)} ${target.relation} ${describeBox(boxes.get(target.to)!)}`;
    links.push(drawLink(edge, undercutRoute(from, route), from, `the link: ${ends}`));
  }

  const extent = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const include = (x: number, y: number) => {
    extent.minX = Math.min(extent.minX, x);
    extent.minY = Math.min(extent.minY, y);
    extent.maxX = Math.max(extent.maxX, x);
    extent.maxY = Math.max(extent.maxY, y);
  };
  for (const box of boxes.values()) {
    include(box.x, box.y - (evaluation ? PILL_RISE : 0));
    include(box.x + box.width, box.y + box.height);
  }
  for (const link of links) {
    for (const { x, y } of link.route.polyline) include(x, y);
    const { label } = link.route;
    include(label.x, label.y);
    include(label.x + label.width, label.y + label.height);
  }
  if (boxes.size === 0) {
    include(0, 0);
    include(420, 60);
  }

  const contentWidth = extent.maxX - extent.minX;
  const title = fitLine(doc.meta.title || "Untitled map", Math.max(contentWidth, 600), TITLE_FONT);
  const minX = extent.minX - MARGIN;
  const minY = extent.minY - MARGIN - TITLE_BAND;
  const width = Math.max(contentWidth, textWidth(title, TITLE_FONT), evaluation ? VERDICT_KEY_WIDTH : 0) + 2 * MARGIN;
  const height = extent.maxY - extent.minY + 2 * MARGIN + TITLE_BAND;

  const body = [
    `<title id="map-title">${xmlEscape(doc.meta.title || "Untitled map")}</title>`,
    `<desc id="map-description">${xmlEscape(describeMap(doc))}${evaluation ? ` ${verdictCounts(evaluation)}` : ""}</desc>`,
    definitions(evaluation !== undefined),
    `<rect x="${num(minX)}" y="${num(minY)}" width="${num(width)}" height="${num(height)}" fill="${INK.surface}"/>`,
    `<text x="${num(minX + MARGIN)}" y="${num(minY + MARGIN + 20)}" font-size="20" font-weight="700" fill="${INK.text}"${fitted(title, TITLE_FONT)}>${xmlEscape(title)}</text>`,
    boxes.size === 0 ? `<text x="0" y="30" font-size="14" font-style="italic" fill="${INK.muted}">This map has no nodes yet.</text>` : "",
    `<g fill="none" stroke-width="2">${links.map((link) => link.path).join("")}</g>`,
    `<g>${[...boxes.values()].map((box) => (text ? drawBox(box) : shapeOf(box.node.kind, box.x, box.y, box.width, box.height))).join("")}</g>`,
    text ? `<g>${links.map((link) => link.labelMarkup).join("")}</g>` : "",
    text && evaluation ? `<g>${[...boxes.values()].map((box) => verdictPill(evaluation, box.node.id, box.x + box.width, box.y)).join("")}</g>` : "",
    text && evaluation && boxes.size > 0 ? verdictKey(minX + MARGIN, minY + MARGIN + 40) : "",
  ];
  return { minX, minY, width, height, body: body.filter(Boolean).join("\n") };
}

/**
 * `textLength` pins a line to the width it was measured at: a renderer that draws it in a wider
 * or narrower font than the measured ones squeezes or stretches it to that width, so it never
 * runs out of its box (or into the speaker's name).
 */
function fitted(text: string, font: Font): string {
  return ` textLength="${num(textWidth(text, font))}" lengthAdjust="spacingAndGlyphs"`;
}

function boxOf(doc: MapDoc, node: ArgNode): Box {
  const claim = node.kind === "claim";
  const font = claim ? CLAIM_FONT : TEXT_FONT;
  const lineHeight = claim ? CLAIM_LINE : LINE;
  const textRoom = textWidthOf(node.kind);
  const lines = clampLines(wrapText(node.text, textRoom, font, MAX_LINES), MAX_LINES, textRoom, font);
  const kindWidth = 19 + textWidth(KIND_STYLE[node.kind].label.toUpperCase(), KIND_FONT);
  const speaker = node.speaker.trim() ? fitLine(node.speaker, textRoom - kindWidth - 10, SPEAKER_FONT) : "";
  const chips = chipsOf(doc, node, textRoom);
  const footer = chips.length > 0 ? 8 + CHIP : 0;
  const height = PAD_TOP + HEADER + 4 + Math.max(1, lines.length) * lineHeight + footer + PAD_BOTTOM;
  return { node, font, lineHeight, x: node.x, y: node.y, width: nodeWidth(node.kind), height, lines, speaker, chips };
}

/**
 * The source the node cites and the quote it takes from it, as chips on one line: the source
 * keeps its name short when there is a quote to show beside it.
 */
function chipsOf(doc: MapDoc, node: ArgNode, room: number): Chip[] {
  const chips: Chip[] = [];
  const source = node.sourceId === null ? undefined : entryOf(doc.sources, node.sourceId);
  const quote = node.quote.trim();
  const chip = (icon: Chip["icon"], text: string, room: number): Chip => {
    const fitted = fitLine(text, room - 30, CHIP_FONT);
    return { icon, text: fitted, width: 30 + textWidth(fitted, CHIP_FONT) };
  };
  if (source) chips.push(chip("source", source.publisher || source.title, quote ? room * 0.45 : room));
  const used = chips[0] ? chips[0].width + CHIP_GAP : 0;
  if (quote) chips.push(chip("quote", `“${quote}”`, room - used));
  return chips;
}

function drawBox(box: Box): string {
  const { node, x, y, width, height } = box;
  const style = KIND_STYLE[node.kind];
  const parts = [`<title>${xmlEscape(`${style.label}${node.speaker.trim() ? ` by ${node.speaker.trim()}` : ""}: ${node.text.trim() || "(no text)"}`)}</title>`];
  parts.push(shapeOf(node.kind, x, y, width, height));
  const headerY = y + PAD_TOP;
  parts.push(icon(node.kind, x + PAD_X, headerY + 4, 14, style.color));
  parts.push(
    `<text x="${num(x + PAD_X + 19)}" y="${num(headerY + 15)}" class="kind" font-size="11" font-weight="700" letter-spacing="0.66" fill="${style.color}"${fitted(style.label.toUpperCase(), KIND_FONT)}>${style.label.toUpperCase()}</text>`,
  );
  if (box.speaker) {
    parts.push(
      `<text x="${num(x + width - PAD_X)}" y="${num(headerY + 15)}" class="speaker" text-anchor="end" font-size="12" font-weight="600" fill="${INK.muted}"${fitted(box.speaker, SPEAKER_FONT)}>${xmlEscape(box.speaker)}</text>`,
    );
  }
  const textTop = headerY + HEADER + 4;
  if (!node.text.trim()) {
    parts.push(`<text x="${num(x + PAD_X)}" y="${num(textTop + 15)}" font-size="14" font-style="italic" fill="${INK.muted}">(no text)</text>`);
  }
  const weight = box.font.bold ? ' font-weight="600"' : "";
  const baseline = box.lineHeight - (box.lineHeight - box.font.size) / 2 - 3;
  box.lines.forEach((line, index) => {
    if (line) {
      parts.push(
        `<text x="${num(x + PAD_X)}" y="${num(textTop + baseline + index * box.lineHeight)}" font-size="${box.font.size}"${weight} fill="${INK.text}"${fitted(line, box.font)}>${xmlEscape(line)}</text>`,
      );
    }
  });
  const chipY = textTop + Math.max(1, box.lines.length) * box.lineHeight + 8;
  let chipX = x + PAD_X;
  for (const chip of box.chips) {
    parts.push(`<rect x="${num(chipX)}" y="${num(chipY)}" width="${num(chip.width)}" height="${CHIP}" rx="10" fill="${INK.chip}"/>`);
    parts.push(icon(chip.icon, chipX + 7, chipY + 4, 12, INK.muted));
    parts.push(`<text x="${num(chipX + 23)}" y="${num(chipY + 14)}" font-size="12" fill="${INK.muted}"${fitted(chip.text, CHIP_FONT)}>${xmlEscape(chip.text)}</text>`);
    chipX += chip.width + CHIP_GAP;
  }
  return `<g class="node">${parts.join("")}</g>\n`;
}

function shapeOf(kind: NodeKind, x: number, y: number, width: number, height: number): string {
  const { color, soft } = KIND_STYLE[kind];
  const at = `x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}"`;
  if (kind === "claim") {
    // A filled band behind the label, square at the bottom, rounded with the border at the top.
    const band = `M${num(x)} ${num(y + 34)}V${num(y + 4)}Q${num(x)} ${num(y)} ${num(x + 4)} ${num(y)}H${num(x + width - 4)}Q${num(x + width)} ${num(y)} ${num(x + width)} ${num(y + 4)}V${num(y + 34)}Z`;
    return `<rect ${at} rx="4" fill="${INK.surface}"/><path d="${band}" fill="${soft}"/><rect ${at} rx="4" fill="none" stroke="${color}" stroke-width="2.5"/>`;
  }
  if (kind === "argument") {
    // A double border: the box holds a reason whole, its premises joined to it from below.
    return `<rect ${at} rx="8" fill="${soft}" stroke="${color}" stroke-width="2"/><rect x="${num(x + 4)}" y="${num(y + 4)}" width="${num(width - 8)}" height="${num(height - 8)}" rx="5" fill="none" stroke="${color}" stroke-width="1"/>`;
  }
  if (kind === "support") {
    // The border colour shows through as a 7px bar down the left and a 2px line elsewhere.
    return `<rect ${at} rx="12" fill="${color}"/><rect x="${num(x + 7)}" y="${num(y + 2)}" width="${num(width - 9)}" height="${num(height - 4)}" rx="10" fill="${INK.surface}"/>`;
  }
  return `<rect ${at} rx="12" fill="${soft}" stroke="${color}" stroke-width="2" stroke-dasharray="6 4"/>`;
}

interface DrawnLink {
  route: LinkRoute;
  path: string;
  labelMarkup: string;
}

const describeBox = (box: Box) => `${KIND_STYLE[box.node.kind].label} “${fitLine(box.node.text, 240, TEXT_FONT)}”`;

/**
 * An undercut's curve, as the canvas draws it: from the top of the objecting node to the side of
 * the undercut link's label that faces it, labelled halfway.
 */
function undercutRoute(from: Box, target: LinkRoute): LinkRoute {
  const [sx, sy] = [from.x + from.width / 2, from.y];
  const { anchor, label } = target;
  const [dx, dy] = [sx - anchor.x, sy - anchor.y];
  const sideways = Math.abs(dx) * label.height > Math.abs(dy) * label.width;
  const [tx, ty] = sideways ? [dx > 0 ? label.x + label.width : label.x, anchor.y] : [anchor.x, dy > 0 ? label.y + label.height : label.y];
  // Control points as React Flow's bezier: up out of the node, and straight into the label's side.
  const reach = Math.max(40, Math.hypot(tx - sx, ty - sy) / 3);
  const [c1x, c1y] = [sx, sy - reach];
  const [c2x, c2y] = sideways ? [tx + Math.sign(dx) * reach, ty] : [tx, ty + Math.sign(dy) * reach];
  const at = (t: number) => {
    const u = 1 - t;
    return { x: u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * tx, y: u * u * u * sy + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * ty };
  };
  const middle = at(0.5);
  const width = 34 + textWidth("undercuts", LABEL_FONT);
  return {
    shape: "curve",
    path: `M${num(sx)} ${num(sy)}C${num(c1x)} ${num(c1y)} ${num(c2x)} ${num(c2y)} ${num(tx)} ${num(ty)}`,
    polyline: [0, 0.25, 0.5, 0.75, 1].map(at),
    label: { x: middle.x - width / 2, y: middle.y - 12, width, height: 24 },
    anchor: middle,
  };
}

/**
 * A link along its route (the canvas's), with an arrowhead and its label where the route put it.
 * A premise has neither: it joins its argument's box, which names it.
 */
function drawLink(edge: ArgEdge, route: LinkRoute, from: Box, toName: string): DrawnLink {
  const style = RELATION_STYLE[edge.relation];
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : "";
  const title = `${describeBox(from)} ${edge.relation === "premise" ? "is a premise of" : edge.relation} ${toName}`;
  const marker = edge.relation === "premise" ? "" : ` marker-end="url(#arrow-${edge.relation})"`;
  const path = `<path d="${route.path}" stroke="${style.color}"${dash}${marker}><title>${xmlEscape(title)}</title></path>\n`;
  if (edge.relation === "premise") return { route, path, labelMarkup: "" };
  const { label } = route;
  const words = textWidth(edge.relation, LABEL_FONT);
  const left = label.x + (label.width - (16 + words)) / 2;
  const middle = label.y + label.height / 2;
  const labelMarkup =
    `<g><rect x="${num(label.x)}" y="${num(label.y)}" width="${num(label.width)}" height="${num(label.height)}" rx="${num(label.height / 2)}" fill="${INK.surface}" stroke="${style.color}" stroke-width="1.5"${style.dash ? ' stroke-dasharray="4 3"' : ""}/>` +
    icon(style.icon, left, middle - 6, 12, style.color) +
    `<text x="${num(left + 16)}" y="${num(middle + 4)}" font-size="12" font-weight="600" fill="${style.color}"${fitted(edge.relation, LABEL_FONT)}>${edge.relation}</text></g>\n`;
  return { route, path, labelMarkup };
}

function definitions(withVerdicts: boolean): string {
  const symbols = Object.entries(withVerdicts ? { ...ICONS, ...VERDICT_ICONS } : ICONS).map(
    ([name, paths]) => `<symbol id="icon-${name}" viewBox="0 0 24 24" fill="none" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</symbol>`,
  );
  const markers = (Object.keys(RELATION_STYLE) as Relation[]).map(
    (relation) =>
      `<marker id="arrow-${relation}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="16" markerHeight="16" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L10 5L0 10z" fill="${RELATION_STYLE[relation].color}"/></marker>`,
  );
  return `<defs>${symbols.join("")}${markers.join("")}</defs>`;
}

function icon(name: string, x: number, y: number, size: number, color: string): string {
  return `<use href="#icon-${name}" x="${num(x)}" y="${num(y)}" width="${size}" height="${size}" stroke="${color}"/>`;
}

function describeMap(doc: MapDoc): string {
  const nodes = Object.values(doc.nodes);
  const count = (kind: NodeKind) => nodes.filter((node) => node.kind === kind).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const reasons = count("argument") > 0 ? `, ${plural(count("argument"), "argument")}` : "";
  return `An argument map: ${plural(count("claim"), "claim")}, ${plural(count("support"), "support")}, ${plural(count("rebuttal"), "rebuttal")}${reasons} and ${plural(Object.keys(doc.edges).length, "link")}.`;
}

/** Coordinates with at most one decimal: enough for a picture, and a smaller file. */
function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}
