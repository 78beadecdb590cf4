/**
 * Finds runs of consecutive words that a text shares with published articles, so the repository
 * can prove it carries the seed articles' facts and short attributed quotes but not their sentences.
 *
 * Pure (no I/O): the caller reads the articles and the files. Words are compared after folding
 * case, accents, apostrophes, dashes and punctuation, and after decoding the escapes a source file
 * may write text with (`\u2019`, `\"`, `&rsquo;`), so re-typing quotes or escaping a character
 * does not hide a copy. The articles are indexed once by their `minRun`-word shingles; each file
 * is then scanned in one pass, and only the spots that hit the index are extended.
 */

/** A word as compared, with the line it starts on. */
interface Word {
  word: string;
  line: number;
}

export interface Article {
  name: string;
  text: string;
}

export interface ArticleIndex {
  minRun: number;
  articles: { name: string; words: string[] }[];
  /** shingle of `minRun` words → every place it starts, as [article, word position]. */
  shingles: Map<string, [number, number][]>;
}

export interface CopiedRun {
  /** The article the words come from. */
  article: string;
  /** 1-based line of the text where the run starts. */
  line: number;
  words: number;
  /** The run as normalised words, e.g. "nobody trusts huawei because of cybersecurity issues". */
  text: string;
  /** The allowed phrase (a node's quote, a headline) that contains the whole run, if any. */
  allowedBy: string | null;
}

const APOSTROPHES = /['\u2018\u2019\u201A\u201B\u02BC\u02B9\u2032\u0060\u00B4\uFF07]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Turns the escapes a code or markup file may use back into the characters they stand for. */
function decodeEscapes(text: string): string {
  return text
    .replace(/\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g, (_, braced, four, two) =>
      safeCodePoint(parseInt(braced ?? four ?? two, 16)),
    )
    .replace(/&#(\d{1,7});/g, (_, decimal) => safeCodePoint(parseInt(decimal, 10)))
    .replace(/&#x([0-9a-fA-F]{1,6});/g, (_, hex) => safeCodePoint(parseInt(hex, 16)))
    .replace(/&(?:rsquo|lsquo|apos);/gi, "'")
    .replace(/&[a-z]+;/gi, " ")
    // `\n`, `\t` inside a string literal separate words; `\"` and `\'` are just the quote.
    .replace(/\\[nrtfv]/g, " ");
}

function safeCodePoint(code: number): string {
  // Lone surrogates and out-of-range values become a separator, never a thrown RangeError.
  if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return " ";
  return String.fromCodePoint(code);
}

/**
 * Lower case, accents stripped, apostrophes dropped ("it’s" = "it's" = "its"), and every other
 * character that is not a letter or digit (dashes, quotes, brackets, `$`) separating words.
 * Folding keeps line breaks where they were, so line numbers stay true to the file.
 */
export function normalisedWords(text: string): Word[] {
  const folded = decodeEscapes(text).normalize("NFKD").replace(COMBINING_MARKS, "").replace(APOSTROPHES, "").toLowerCase();
  const words: Word[] = [];
  let line = 1;
  let scanned = 0;
  for (const match of folded.matchAll(WORD)) {
    for (let i = scanned; i < match.index; i++) if (folded.charCodeAt(i) === 10) line++;
    scanned = match.index;
    words.push({ word: match[0], line });
  }
  return words;
}

export function wordList(text: string): string[] {
  return normalisedWords(text).map((entry) => entry.word);
}

function shingle(words: readonly string[], start: number, size: number): string {
  return words.slice(start, start + size).join(" ");
}

export function indexArticles(articles: readonly Article[], minRun: number): ArticleIndex {
  if (!Number.isInteger(minRun) || minRun < 1) throw new RangeError(`minRun must be a positive integer, got ${minRun}`);
  const indexed = articles.map((article) => ({ name: article.name, words: wordList(article.text) }));
  const shingles = new Map<string, [number, number][]>();
  indexed.forEach(({ words }, articleIndex) => {
    for (let i = 0; i + minRun <= words.length; i++) {
      const key = shingle(words, i, minRun);
      const places = shingles.get(key);
      if (places) places.push([articleIndex, i]);
      else shingles.set(key, [[articleIndex, i]]);
    }
  });
  return { minRun, articles: indexed, shingles };
}

/**
 * Every maximal run of at least `index.minRun` words that `text` shares with an article, longest
 * first. A run is allowed when its words all fall inside one allowed phrase (a node's exact quote,
 * an article's headline): quoting is fine, carrying on past the quote is not.
 */
export function copiedRuns(index: ArticleIndex, text: string, allowedPhrases: readonly string[] = []): CopiedRun[] {
  const words = normalisedWords(text);
  const plain = words.map((entry) => entry.word);
  const allowed = allowedPhrases.map((phrase) => ({ phrase, padded: ` ${wordList(phrase).join(" ")} ` }));
  const runs: CopiedRun[] = [];
  const seen = new Set<string>();
  for (let start = 0; start + index.minRun <= plain.length; start++) {
    const places = index.shingles.get(shingle(plain, start, index.minRun));
    if (!places) continue;
    for (const [articleIndex, position] of places) {
      const article = index.articles[articleIndex]!;
      // Extend only from the start of a run, so a run of n words costs n comparisons once.
      if (start > 0 && position > 0 && plain[start - 1] === article.words[position - 1]) continue;
      let length = index.minRun;
      while (start + length < plain.length && plain[start + length] === article.words[position + length]) length++;
      const runText = plain.slice(start, start + length).join(" ");
      const key = `${start}:${length}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const inside = allowed.find(({ padded }) => padded.includes(` ${runText} `));
      runs.push({ article: article.name, line: words[start]!.line, words: length, text: runText, allowedBy: inside?.phrase ?? null });
    }
  }
  return runs.sort((a, b) => b.words - a.words || a.line - b.line);
}

export interface CopyRules {
  /** A run this long is refused everywhere, even inside a quote. */
  maxAnywhere: number;
  /** A run this long is refused unless an allowed phrase contains it. */
  maxOutsideQuotes: number;
}

/** The rule: nothing of 30 words or more, nothing of 12 or more outside a node's quote. */
export const COPY_RULES: CopyRules = { maxAnywhere: 30, maxOutsideQuotes: 12 };

/** The runs that break the rules, as messages a developer can act on. */
export function ruleBreaks(file: string, runs: readonly CopiedRun[], rules: CopyRules = COPY_RULES): string[] {
  const problems: string[] = [];
  for (const run of runs) {
    if (run.words >= rules.maxAnywhere) {
      problems.push(`${file}:${run.line}: ${run.words} consecutive words of ${run.article} (${rules.maxAnywhere} or more are never allowed): "${run.text}"`);
    } else if (run.words >= rules.maxOutsideQuotes && run.allowedBy === null) {
      problems.push(`${file}:${run.line}: ${run.words} consecutive words of ${run.article} outside any node's quote: "${run.text}"`);
    }
  }
  return problems;
}
