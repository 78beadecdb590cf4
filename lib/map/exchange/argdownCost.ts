/**
 * Argdown's reference lexer (@argdown/core) matches some tokens with regular expressions that scan
 * ahead from every opening character: a `[` or `<` to the end of its line, a `{` (data) or an
 * unclosed comment to the end of the file. On ordinary files each scan stops within a few
 * characters, but a file of 80,000 "[" keeps it busy for minutes (quadratic). So before the
 * lexer runs, one linear pass adds up how far each of those scans can go at most, and a file
 * whose total is out of proportion to its length is refused, naming the line that costs most.
 *
 * Its parser is slow on another kind of input: each of Argdown's syntax characters is a token,
 * and a paragraph of thousands of them (say "((((…") costs it time that grows faster than their
 * number (measured: 40,000 "(" 1.2 s, 80,000 "(" 5 s). Real documents have a few per sentence,
 * so the characters are counted too, per paragraph and in all. So are a paragraph's lines:
 * Argdown joins a hard-wrapped paragraph in time that grows with the square of its lines
 * (50,000 lines of "a" 2 s, 100,000 lines 17 s; 2,000 lines 60 ms), and no node's text fills
 * 2,000 lines; the squares of all paragraphs' lines are summed and capped as well.
 */

/** Characters a scan may visit per character of the file, plus a fixed allowance for short files. */
export const LEXER_WORK_PER_CHAR = 20;
export const LEXER_WORK_ALLOWANCE = 1_000_000;

export interface LexerWork {
  total: number;
  /** The 1-based line whose openers cost most, for the message. */
  worstLine: number;
}

/** Index of the next occurrence at or after each position (text.length when none), by predicate. */
function nextIndex(text: string, matches: (i: number) => boolean): Int32Array {
  const next = new Int32Array(text.length + 1);
  next[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) next[i] = matches(i) ? i : next[i + 1]!;
  return next;
}

export function lexerWork(text: string): LexerWork {
  const n = text.length;
  const eol = nextIndex(text, (i) => text[i] === "\n" || text[i] === "\r");
  const closeBracket = nextIndex(text, (i) => text[i] === "]");
  const closeParen = nextIndex(text, (i) => text[i] === ")");
  // Data: /{((?!}\s[^,}])(.|\n))*}/ runs greedily until "}", a space and anything but "," or "}".
  const dataStop = nextIndex(text, (i) => text[i] === "}" && /\s/.test(text[i + 1] ?? "") && i + 2 < n && text[i + 2] !== "," && text[i + 2] !== "}");
  const blockCommentEnd = nextIndex(text, (i) => text[i] === "*" && text[i + 1] === "/");
  const htmlCommentEnd = nextIndex(text, (i) => text[i] === "-" && text[i + 1] === "-" && text[i + 2] === ">");
  let total = 0;
  let line = 1;
  let lineWork = 0;
  let worst = { line: 1, work: -1 };
  for (let i = 0; i < n; i++) {
    const char = text[i];
    if (char === "\n" || (char === "\r" && text[i + 1] !== "\n")) {
      if (lineWork > worst.work) worst = { line, work: lineWork };
      line++;
      lineWork = 0;
      continue;
    }
    let work = 0;
    const toEol = eol[i]! - i;
    if (char === "[") {
      const close = closeBracket[i]!;
      work = 2 * toEol + Math.min(close, eol[i]!) - i + (close - i);
      if (text[close + 1] === "(") work += closeParen[close]! - close;
    } else if (char === "<") {
      work = 3 * toEol;
      if (text.startsWith("<!--", i)) work += htmlCommentEnd[i]! - i;
    } else if (char === "@") {
      work = toEol;
    } else if (char === "{") {
      work = 2 * (dataStop[i]! - i);
    } else if (char === "/" && text[i + 1] === "*") {
      work = blockCommentEnd[i]! - i;
    } else if (char === "#" && text[i + 1] === "(") {
      work = closeParen[i]! - i;
    }
    total += work;
    lineWork += work;
  }
  if (lineWork > worst.work) worst = { line, work: lineWork };
  return { total, worstLine: worst.line };
}

/** Null when the lexer may read the text; otherwise why not. */
export function lexerWorkProblem(text: string, lineOffset = 0): string | null {
  const { total, worstLine } = lexerWork(text);
  if (total <= LEXER_WORK_PER_CHAR * text.length + LEXER_WORK_ALLOWANCE) return null;
  return `line ${worstLine + lineOffset}: too many unclosed "[", "<", "{" or comments for the Argdown parser to read this file in reasonable time`;
}

/** Argdown's syntax characters: each one is a token of its own (its lexer's SpecialChar and kin). */
const SYNTAX_CHARS = new Set("@#*_[],.:</>(){};-");
/** Far above what a real map has (a 5,000-statement map with 15,000 relations has ≈ 50,000). */
export const MAX_SYNTAX_CHARS = 100_000;
export const MAX_SYNTAX_CHARS_PER_PARAGRAPH = 4_000;
export const MAX_LINES_PER_PARAGRAPH = 2_000;
/** Σ lines² over paragraphs: 5,000 statements of four lines each make 80,000; this is ≈ 0.3 s of parsing. */
export const MAX_PARAGRAPH_WORK = 20_000_000;

/** Null when the parser may read the text; otherwise why not, naming the line. */
export function paragraphProblem(text: string, lineOffset = 0): string | null {
  let total = 0;
  let inParagraph = 0;
  let paragraphLines = 0;
  let paragraphWork = 0;
  let line = 1;
  let lineHasText = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\n") {
      // A blank line ends the paragraph.
      if (!lineHasText) inParagraph = paragraphLines = 0;
      else if (++paragraphLines > MAX_LINES_PER_PARAGRAPH) {
        return `line ${line + lineOffset}: a paragraph of more than ${MAX_LINES_PER_PARAGRAPH} lines is more than the Argdown parser reads in reasonable time; split it with blank lines`;
      } else if ((paragraphWork += 2 * paragraphLines - 1) > MAX_PARAGRAPH_WORK) {
        // (n + 1)² - n² = 2n + 1: the sum of squares grows by that with each line.
        return `line ${line + lineOffset}: this file's paragraphs are too long, too many times over, for the Argdown parser to read in reasonable time; split them with blank lines`;
      }
      line++;
      lineHasText = false;
      continue;
    }
    if (char !== " " && char !== "\t" && char !== "\r") lineHasText = true;
    if (!SYNTAX_CHARS.has(char)) continue;
    total++;
    inParagraph++;
    if (inParagraph > MAX_SYNTAX_CHARS_PER_PARAGRAPH) {
      return `line ${line + lineOffset}: a paragraph with more than ${MAX_SYNTAX_CHARS_PER_PARAGRAPH} of Argdown's syntax characters (${[...SYNTAX_CHARS].join(" ")}) is more than the Argdown parser reads in reasonable time; split it with blank lines`;
    }
    if (total > MAX_SYNTAX_CHARS) {
      return `line ${line + lineOffset}: this file has more than ${MAX_SYNTAX_CHARS} of Argdown's syntax characters (${[...SYNTAX_CHARS].join(" ")}), more than the Argdown parser reads in reasonable time`;
    }
  }
  return null;
}
