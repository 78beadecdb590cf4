/**
 * Quotes anchored in their source's text, in the spirit of the W3C Web Annotation
 * TextQuoteSelector: the exact words plus a little of the text before (prefix) and after
 * (suffix). Finding a quote again tries, in order: the exact words where the context matches best,
 * the exact words alone, and a fuzzy search (fuzzy.ts) for a passage that was edited since.
 * Every step is linear in the text's length.
 */
import { fuzzyLocate } from "./fuzzy";
import { occurrences } from "./occurrences";

/** Characters of context kept on each side when a quote is anchored. */
export const QUOTE_CONTEXT = 32;

/** The node fields that anchor a quote (named as on ArgNode, so an anchor is also a patch). */
export interface TextQuote {
  quote: string;
  quotePrefix: string;
  quoteSuffix: string;
}

/**
 * Where a quote is in a text now. `found`: the exact words, at start..end. `changed`: the words are
 * no longer there exactly, but start..end is where they most likely were (an edited passage).
 * `missing`: nothing like them.
 */
export type QuoteMatch = { status: "found"; start: number; end: number } | { status: "changed"; start: number; end: number } | { status: "missing" };

/** The anchor of the passage text[start..end): its words and the context around them. */
export function anchorAt(text: string, start: number, end: number): TextQuote {
  let prefixStart = Math.max(0, start - QUOTE_CONTEXT);
  // Never keep half of a character written as two UTF-16 units (an emoji, a rare CJK character).
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + QUOTE_CONTEXT);
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd--;
  return { quote: text.slice(start, end), quotePrefix: text.slice(prefixStart, start), quoteSuffix: text.slice(end, suffixEnd) };
}

/** The range without the white space at either end (a selection often takes a space or a line break with it). */
export function trimmedRange(text: string, start: number, end: number): { start: number; end: number } {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  return { start: from, end: to };
}

/** Finds the quote in the text: exact words with the best-matching context, else an edited passage, else missing. */
export function locateQuote(text: string, anchor: TextQuote): QuoteMatch {
  const { quote } = anchor;
  if (!quote) return { status: "missing" };
  const start = bestOccurrence(text, anchor);
  if (start !== null) return { status: "found", start, end: start + quote.length };
  const near = fuzzyLocate(text, anchor);
  return near ? { status: "changed", start: near.start, end: near.end } : { status: "missing" };
}

/**
 * The anchor for `quote` in `text`: its words with the context of the occurrence that best fits
 * `hint` (an earlier anchor of the same words), or of the first. No context when it is not there.
 */
export function anchorQuote(text: string, quote: string, hint: Partial<TextQuote> = {}): TextQuote {
  const start = quote ? bestOccurrence(text, { quote, quotePrefix: hint.quotePrefix ?? "", quoteSuffix: hint.quoteSuffix ?? "" }) : null;
  return start === null ? { quote, quotePrefix: "", quoteSuffix: "" } : anchorAt(text, start, start + quote.length);
}

/** The start of the occurrence of the exact words whose surroundings agree most with the context; ties go to the first. */
function bestOccurrence(text: string, { quote, quotePrefix, quoteSuffix }: TextQuote): number | null {
  const starts = occurrences(text, quote);
  if (starts.length <= 1) return starts[0] ?? null;
  let best = starts[0]!;
  let bestScore = -1;
  for (const start of starts) {
    const score = sharedBefore(text, start, quotePrefix) + sharedAfter(text, start + quote.length, quoteSuffix);
    if (score > bestScore) {
      best = start;
      bestScore = score;
      if (score === quotePrefix.length + quoteSuffix.length) break; // the context matches in full
    }
  }
  return best;
}

/** How many characters just before `at` equal the end of `prefix`. */
function sharedBefore(text: string, at: number, prefix: string): number {
  let count = 0;
  while (count < prefix.length && count < at && text.charCodeAt(at - 1 - count) === prefix.charCodeAt(prefix.length - 1 - count)) count++;
  return count;
}

/** How many characters from `at` on equal the start of `suffix`. */
function sharedAfter(text: string, at: number, suffix: string): number {
  let count = 0;
  while (count < suffix.length && at + count < text.length && text.charCodeAt(at + count) === suffix.charCodeAt(count)) count++;
  return count;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
