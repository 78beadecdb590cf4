/**
 * PNG export: the SVG drawing rasterized by sharp (libvips, which renders SVG with librsvg).
 * sharp's native parts come as npm packages per platform, with no install script and nothing
 * downloaded from elsewhere. It is loaded on first use, so a server without it still starts and
 * answers a PNG request with a clear error.
 */
import { drawMap, svgDocument } from "../map/exchange/svg";
import type { VerdictMarks } from "../map/exchange/svgVerdict";
import type { MapDoc } from "../map/types";
import { AppError } from "./errors";

/** Twice the natural size, for sharp text on high-density screens, when the map is small enough. */
const PREFERRED_SCALE = 2;
const MAX_SIDE = 8_000;
/** About 100 MB of pixels while encoding; a map spread wider than this is drawn smaller. */
const MAX_PIXELS = 25_000_000;
/**
 * Below this scale 14px text is under 5px, a blur: the PNG is then drawn without words, which
 * also spares librsvg shaping thousands of texts (most of its time: ~9 ms a node).
 */
const MIN_TEXT_SCALE = 0.35;
/** A safety net: a drawing that takes longer than this is refused rather than hog a core. */
const RENDER_SECONDS = 20;

/** The scale at which a drawing of this size becomes a PNG within the limits. */
export function pngScale(width: number, height: number): number {
  return Math.min(PREFERRED_SCALE, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
}

type Sharp = typeof import("sharp").default;
let loading: Promise<Sharp | null> | null = null;

function loadSharp(): Promise<Sharp | null> {
  loading ??= import("sharp").then(
    (module) => module.default,
    (error: unknown) => {
      console.error("PNG export is unavailable: sharp could not be loaded.", error);
      return null;
    },
  );
  return loading;
}

export async function mapToPng(doc: MapDoc, otherFormats: readonly string[], evaluation?: VerdictMarks): Promise<Buffer> {
  const sharp = await loadSharp();
  if (!sharp) {
    throw new AppError("invalid_input", `PNG export is not available on this server. Use one of: ${otherFormats.join(", ")}.`);
  }
  let drawing = drawMap(doc, { evaluation });
  const scale = pngScale(drawing.width, drawing.height);
  if (scale < MIN_TEXT_SCALE) drawing = drawMap(doc, { text: false, evaluation });
  const svg = svgDocument(drawing, scale);
  try {
    // Rounding each side to whole pixels can add up to half a row and half a column.
    return await sharp(Buffer.from(svg), { limitInputPixels: MAX_PIXELS + MAX_SIDE }).timeout({ seconds: RENDER_SECONDS }).png().toBuffer();
  } catch (error) {
    if (error instanceof Error && /timeout/i.test(error.message)) {
      throw new AppError("too_large", "This map is too large to draw as a PNG in reasonable time. Export it as SVG instead.");
    }
    throw error;
  }
}
