/**
 * Argdown's reference lexer (@argdown/core) matches some tokens with regular expressions that scan
 * ahead from every opening character: a `[` or `<` to the end of its line, a `{` (data) or an
 * unclosed comment to the end of the file. On ordinary files each scan stops within a few
 * characters, but a file of 80,000 "[" keeps it busy for minutes (quadratic). So before the
 * lexer runs, one linear pass adds up how far each of those scans can go at most, and a file
 * whose total is out of proportion to its length is refused, naming the line that costs most.
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
