/**
 * PNG export: the SVG drawing (lib/map/exchange/pngDrawing.ts) rasterized by sharp (libvips,
 * which renders SVG with librsvg). sharp's native parts come as npm packages per platform, with
 * no install script and nothing downloaded from elsewhere. It is loaded on first use, so a server
 * without it still starts and answers a PNG request with a clear error.
 */
import { MAX_PIXELS, MAX_SIDE, pngSource } from "../map/exchange/pngDrawing";
import type { VerdictMarks } from "../map/exchange/svgVerdict";
import type { MapDoc } from "../map/types";
import { AppError } from "./errors";

type Sharp = typeof import("sharp").default;
let loading: Promise<Sharp | null> | null = null;

function loadSharp(): Promise<Sharp | null> {
  loading ??= import("sharp").then(
    (module) => {
      // One libvips thread per image: with the render queue's one image at a time, a PNG export
      // takes one core at most, and the other stays with the requests.
      module.default.concurrency(1);
      module.default.cache(false);
      return module.default;
    },
    (error: unknown) => {
      console.error("PNG export is unavailable: sharp could not be loaded.", error);
      return null;
    },
  );
  return loading;
}

/**
 * Rasterizes pngSource's SVG. libvips works on its own threads (through Node's thread pool),
 * never on the request thread, and gives up after `seconds`.
 */
export async function rasterize(svg: string, otherFormats: readonly string[], seconds: number): Promise<Buffer> {
  const sharp = await loadSharp();
  if (!sharp) {
    throw new AppError("invalid_input", `PNG export is not available on this server. Use one of: ${otherFormats.join(", ")}.`);
  }
  try {
    // Rounding each side to whole pixels can add up to half a row and half a column.
    return await sharp(Buffer.from(svg), { limitInputPixels: MAX_PIXELS + MAX_SIDE }).timeout({ seconds: Math.max(1, Math.ceil(seconds)) }).png().toBuffer();
  } catch (error) {
    if (error instanceof Error && /timeout/i.test(error.message)) {
      throw new AppError("too_complex", `This map takes more than ${seconds} s to draw as a PNG (the server's limit, ARGUMAP_RENDER_SECONDS). Export it as SVG instead.`);
    }
    throw error;
  }
}

/** Both steps in this thread: for tests and tools, not for requests. */
export function mapToPng(doc: MapDoc, otherFormats: readonly string[], seconds = 20, evaluation?: VerdictMarks): Promise<Buffer> {
  return rasterize(pngSource(doc, evaluation), otherFormats, seconds);
}
