/**
 * The lexical pieces of Argdown that the importer needs: comments, escapes, YAML scalars and the
 * `{key: value}` data after a statement. Only the subset Argumap writes and its close cousins.
 */

export interface CommentState {
  /** A `/* … *\/` comment opened on an earlier line and not yet closed. */
  inBlock: boolean;
}

/**
 * The line without its comments: `//` to the end of the line and `/* … *\/`, which may span
 * lines. A backslash escapes the next character, and a `[title]` and a `{…}` data block (with
 * its quoted strings, where "https://…" is common) are kept whole.
 */
export function stripComments(line: string, state: CommentState): string {
  let kept = "";
  let i = 0;
  // Where the next "]" is (line.length: there is none), looked up again only once passed: a line
  // of 80,000 "[" and no "]" must not be searched to its end from every "[".
  let closing = -1;
  const closingFrom = (from: number) => {
    if (closing < from) closing = line.indexOf("]", from);
    if (closing < 0) closing = line.length;
    return closing;
  };
  while (i < line.length) {
    if (state.inBlock) {
      const end = line.indexOf("*/", i);
      if (end < 0) return kept;
      state.inBlock = false;
      i = end + 2;
      continue;
    }
    const char = line[i]!;
    if (char === "\\") {
      kept += line.slice(i, i + 2);
      i += 2;
    } else if (char === "{") {
      const end = dataBlockEnd(line, i);
      kept += line.slice(i, end);
      i = end;
    } else if (char === "[" && closingFrom(i) < line.length) {
      const end = closing + 1;
      kept += line.slice(i, end);
      i = end;
    } else if (char === "/" && line[i + 1] === "/") {
      return kept;
    } else if (char === "/" && line[i + 1] === "*") {
      state.inBlock = true;
      i += 2;
    } else {
      kept += char;
      i++;
    }
  }
  return kept;
}

/** The index just past the `}` that closes the data block opening at `start` (or the line's end). */
function dataBlockEnd(line: string, start: number): number {
  let depth = 0;
  for (let i = start; i < line.length; i++) {
    const char = line[i];
    if (char === '"' || char === "'") i = quotedEnd(line, i) - 1;
    else if (char === "{" || char === "[") depth++;
    else if ((char === "}" || char === "]") && --depth === 0) return i + 1;
  }
  return line.length;
}

/** The index just past the closing quote of the quoted scalar at `start`. */
function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

/** Argdown text with its backslash escapes undone: `\[` is "[", `\\` is "\". */
export function unescapeText(text: string): string {
  return text.replace(/\\(.)/gsu, "$1");
}

const YAML_ESCAPES: Record<string, string> = {
  0: "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029",
};

/** A YAML scalar as written after `key:`: double-quoted (JSON's escapes and YAML's), single-quoted or plain. */
export function yamlScalar(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    return value.slice(1, -1).replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gsu, (_, code: string) => {
      if (code.length > 1) return String.fromCodePoint(Number.parseInt(code.slice(1), 16));
      return YAML_ESCAPES[code] ?? code;
    });
  }
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) return value.slice(1, -1).replace(/''/g, "'");
  // A plain scalar ends where a " #" comment starts. (Found without a `\s+#` regex, which is
  // quadratic on a long run of spaces with no "#" after it.)
  const comment = /\s#/u.exec(value);
  return comment ? value.slice(0, comment.index).trimEnd() : value;
}

/** `{speaker: "Rice", quote: 'it''s'}` as key → value; nested lists and maps are skipped. Null when it cannot be read. */
export function readDataBlock(block: string): Map<string, string> | null {
  const data = new Map<string, string>();
  const key = /\s*([A-Za-z_][\w-]*)\s*:\s*/y;
  let i = 1;
  for (;;) {
    while (block[i] === " " || block[i] === "\t") i++;
    if (block[i] === "}") return data;
    key.lastIndex = i;
    const match = key.exec(block);
    if (!match) return null;
    i = key.lastIndex;
    const start = i;
    const first = block[i];
    if (first === '"' || first === "'") i = quotedEnd(block, i);
    else if (first === "[" || first === "{") i = dataBlockEnd(block, i);
    else while (i < block.length && block[i] !== "," && block[i] !== "}") i++;
    if (first !== "[" && first !== "{") data.set(match[1]!, yamlScalar(block.slice(start, i)));
    while (block[i] === " " || block[i] === "\t") i++;
    if (block[i] === ",") i++;
    else if (block[i] !== "}") return null;
  }
}
