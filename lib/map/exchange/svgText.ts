/**
 * Text for a standalone SVG: XML escaping, and line wrapping without a browser to measure with.
 * Widths come from the real metrics of the fonts the SVG names (fontMetrics.ts: the wider of
 * DejaVu Sans and Liberation Sans for each character); a character they lack is estimated,
 * leaning wide. The export then pins each line to its measured length (`textLength`), so a viewer
 * that draws it in yet another font still keeps it inside its box.
 */
import { FONT_WIDTHS } from "./fontMetrics";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text safe inside an SVG element or attribute. Characters XML 1.0 cannot hold at all (most
 * control characters, unpaired surrogates, U+FFFE/U+FFFF) become U+FFFD, or the file would not
 * parse; tabs and line breaks become spaces.
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\t\n\r]/g, " ")
    .replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

const NARROW = new Set("ilIjft.,:;'|!()[]{}`\"/\\-");
const WIDE = new Set("mwMW@%&");

function parseWidths(runs: string): Map<number, number> {
  const widths = new Map<number, number>();
  for (const run of runs.split(";")) {
    const [start, list] = run.split(":");
    list!.split(",").forEach((width, i) => widths.set(parseInt(start!, 16) + i, Number(width) / 1000));
  }
  return widths;
}

let measured: { regular: Map<number, number>; bold: Map<number, number> } | null = null;

function metrics() {
  measured ??= { regular: parseWidths(FONT_WIDTHS.regular), bold: parseWidths(FONT_WIDTHS.bold) };
  return measured;
}

/** Width of one character, in em: from the fonts' tables, else estimated. */
function charWidth(char: string, bold = false): number {
  const code = char.codePointAt(0)!;
  const known = (bold ? metrics().bold : metrics().regular).get(code);
  if (known !== undefined) return known;
  return estimatedWidth(char, code) * (bold ? 1.07 : 1);
}

/** A character the tables lack (mostly other scripts): typical proportions, leaning wide. */
function estimatedWidth(char: string, code: number): number {
  if (char === " ") return 0.29;
  if (code >= 0x300 && code <= 0x36f) return 0; // combining marks sit on the letter before
  if (NARROW.has(char)) return 0.3;
  if (WIDE.has(char)) return 0.88;
  if (char >= "A" && char <= "Z") return 0.68;
  if (char >= "0" && char <= "9") return 0.58;
  // CJK, Hangul, full-width forms and emoji take a full em.
  if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)) return 1;
  if ((code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f000) return 1;
  return 0.54;
}

export interface Font {
  size: number;
  bold?: boolean;
  /** Extra space after each character, in em (CSS letter-spacing). */
  spacing?: number;
}

export function textWidth(text: string, font: Font): number {
  let em = 0;
  for (const char of text) em += charWidth(char, font.bold) + (font.spacing ?? 0);
  return em * font.size;
}

/**
 * Greedy word wrap into lines no wider than `width`; a paragraph break stays a line break and a
 * word wider than a line is broken between characters (never inside a surrogate pair). Stops
 * after `maxLines + 1` lines: enough to know that some were cut.
 */
export function wrapText(text: string, width: number, font: Font, maxLines = Infinity): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    if (lines.length > maxLines) return lines;
    let line = "";
    for (const word of paragraph.split(/\s+/u).filter(Boolean)) {
      if (lines.length > maxLines) return lines;
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, font) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let lineWidth = 0;
      for (const char of word) {
        const next = textWidth(char, font);
        if (line && lineWidth + next > width) {
          lines.push(line);
          line = "";
          lineWidth = 0;
        }
        line += char;
        lineWidth += next;
      }
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The text on one line, cut with "…" to fit `width`. */
export function fitLine(text: string, width: number, font: Font): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  if (textWidth(flat, font) <= width) return flat;
  const limit = width - textWidth("…", font);
  let kept = "";
  let keptWidth = 0;
  for (const char of flat) {
    keptWidth += textWidth(char, font);
    if (keptWidth > limit) break;
    kept += char;
  }
  return `${kept.trimEnd()}…`;
}

/** At most `max` lines, the last one ending in "…" when some were cut. */
export function clampLines(lines: readonly string[], max: number, width: number, font: Font): string[] {
  if (lines.length <= max) return [...lines];
  const kept = lines.slice(0, max);
  const last = fitLine(kept[max - 1]!, width - textWidth("…", font), font);
  kept[max - 1] = last.endsWith("…") ? last : `${last}…`;
  return kept;
}
