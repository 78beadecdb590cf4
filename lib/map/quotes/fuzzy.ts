/**
 * Finding a quoted passage that was edited after it was quoted (a word changed, a typo fixed).
 * By the pigeonhole principle, a quote cut into k pieces and edited in fewer than k places keeps
 * at least one piece intact: each intact piece (and the prefix and suffix) found in the text votes
 * for where the quote starts, and the place with the most distinct votes wins. Each piece is one
 * linear scan (occurrences.ts), and a piece found in too many places is ignored, so the cost is
 * linear in the text whatever it holds.
 */
import type { TextQuote } from "./anchor";
import { occurrences } from "./occurrences";

const MAX_PIECES = 8;
/** Shorter pieces match by chance too often to say anything. */
const MIN_PIECE = 6;
/** A piece found in more places than this says nothing about where the quote is. */
const MAX_HITS = 64;

interface Vote {
  /** Where the quote would start, judging by this piece. */
  at: number;
  /** 0..pieces-1 for the quote's own pieces; PREFIX and SUFFIX for the context. */
  piece: number;
  /** Where the piece was found. */
  textStart: number;
  /** Where the piece is in the quote. */
  quoteStart: number;
  quoteEnd: number;
}

const PREFIX = -1;
const SUFFIX = -2;

/** The most likely place of an edited quote, or null when too little of it (and its context) is left. */
export function fuzzyLocate(text: string, { quote, quotePrefix, quoteSuffix }: TextQuote): { start: number; end: number } | null {
  const length = quote.length;
  const pieces = Math.min(MAX_PIECES, Math.floor(length / MIN_PIECE));
  const votes: Vote[] = [];
  for (let piece = 0; piece < pieces; piece++) {
    const quoteStart = Math.floor((piece * length) / pieces);
    const quoteEnd = Math.floor(((piece + 1) * length) / pieces);
    for (const textStart of informativeHits(text, quote.slice(quoteStart, quoteEnd))) {
      votes.push({ at: textStart - quoteStart, piece, textStart, quoteStart, quoteEnd });
    }
  }
  if (quotePrefix.length >= MIN_PIECE) {
    for (const hit of informativeHits(text, quotePrefix)) {
      const textStart = hit + quotePrefix.length;
      votes.push({ at: textStart, piece: PREFIX, textStart, quoteStart: 0, quoteEnd: 0 });
    }
  }
  if (quoteSuffix.length >= MIN_PIECE) {
    for (const textStart of informativeHits(text, quoteSuffix)) {
      votes.push({ at: textStart - length, piece: SUFFIX, textStart, quoteStart: length, quoteEnd: length });
    }
  }
  const best = bestCluster(votes, Math.max(MIN_PIECE, Math.floor(length / 4)));
  if (!best) return null;
  const own = best.filter((vote) => vote.piece >= 0);
  const distinct = new Set(own.map((vote) => vote.piece)).size;
  const hasPrefix = best.some((vote) => vote.piece === PREFIX);
  const hasSuffix = best.some((vote) => vote.piece === SUFFIX);
  // Half the quote's pieces, or its context on both sides (a short quote rewritten in place).
  const enough = (pieces > 0 && distinct * 2 >= pieces) || (hasPrefix && hasSuffix && (distinct > 0 || pieces <= 1));
  if (!enough) return null;
  return regionOf(best, length, text.length);
}

function informativeHits(text: string, piece: string): number[] {
  const hits = occurrences(text, piece, MAX_HITS + 1);
  return hits.length > MAX_HITS ? [] : hits;
}

/** The votes within `slack` of each other that name the most distinct pieces (context counts half). */
function bestCluster(votes: Vote[], slack: number): Vote[] | null {
  if (votes.length === 0) return null;
  votes.sort((a, b) => a.at - b.at);
  const counts = new Map<number, number>();
  let weight = 0;
  let bestWeight = 0;
  let bestRange: [number, number] = [0, 0];
  let from = 0;
  const add = (vote: Vote, delta: 1 | -1) => {
    const before = counts.get(vote.piece) ?? 0;
    counts.set(vote.piece, before + delta);
    const value = vote.piece >= 0 ? 1 : 0.5;
    if (delta === 1 && before === 0) weight += value;
    if (delta === -1 && before === 1) weight -= value;
  };
  for (let to = 0; to < votes.length; to++) {
    add(votes[to]!, 1);
    while (votes[to]!.at - votes[from]!.at > slack) add(votes[from++]!, -1);
    if (weight > bestWeight) {
      bestWeight = weight;
      bestRange = [from, to + 1];
    }
  }
  return votes.slice(...bestRange);
}

/** From the votes' places: where the passage starts and ends (the context, when found, marks them exactly). */
function regionOf(votes: Vote[], length: number, textLength: number): { start: number; end: number } | null {
  const prefix = votes.find((vote) => vote.piece === PREFIX);
  const suffix = votes.find((vote) => vote.piece === SUFFIX);
  const implied = votes.filter((vote) => vote.piece >= 0).map((vote) => vote.textStart - vote.quoteStart);
  const start = Math.max(0, prefix ? prefix.textStart : Math.min(...implied));
  const end = Math.min(textLength, suffix ? suffix.textStart : Math.max(...implied) + length);
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : null;
}
