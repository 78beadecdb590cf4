/**
 * What a PNG export rasterizes: the SVG drawing at a scale that keeps the picture within a pixel
 * budget. Pure (the server does it in a worker thread, then libvips rasterizes the result).
 */
import type { MapDoc } from "../types";
import { drawMap, svgDocument } from "./svg";
import type { VerdictMarks } from "./svgVerdict";

/** Twice the natural size, for sharp text on high-density screens, when the map is small enough. */
const PREFERRED_SCALE = 2;
export const MAX_SIDE = 8_000;
/**
 * About 48 MB of pixels while encoding (4 bytes each); a map spread wider than this is drawn
 * smaller. At 25 million the demo's PNG alone grew the server by 130 MB (the abuse bench).
 */
export const MAX_PIXELS = 12_000_000;
/**
 * Below this scale 14px text is under 5px, a blur: the PNG is then drawn without words, which
 * also spares librsvg shaping thousands of texts (most of its time: ~9 ms a node).
 */
const MIN_TEXT_SCALE = 0.35;

/** The scale at which a drawing of this size becomes a PNG within the limits. */
export function pngScale(width: number, height: number): number {
  return Math.min(PREFERRED_SCALE, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
}

/**
 * The SVG to rasterize: the drawing at pngScale (without words when they would be a blur), with
 * which claims stand when `evaluation` is given (as the SVG export draws it).
 */
export function pngSource(doc: MapDoc, evaluation?: VerdictMarks): string {
  let drawing = drawMap(doc, { evaluation });
  const scale = pngScale(drawing.width, drawing.height);
  if (scale < MIN_TEXT_SCALE) drawing = drawMap(doc, { text: false, evaluation });
  return svgDocument(drawing, scale);
}
