/**
 * Import from Argdown: what toArgdown writes, read back, plus the nearby syntax a hand-written
 * file is likely to use. It reads
 * - YAML front matter between `===` lines: title, description and a `sources:` list;
 * - `# headings` (the first is the title when the front matter has none);
 * - statements `[Title]: text {data}`, `[Title]` (a reference, or a statement with no text) and
 *   untitled `text`; data may give speaker, source (by title), quote (with its anchor: quotePrefix
 *   and quoteSuffix) and kind;
 * - reasons indented under a statement: `+`/`<+` supports it, `-`/`<-` rebuts it, `+>`/`->` the
 *   other way round, `><` rebuts in both directions;
 * - comments (`//`, `/* *\/`) and backslash escapes.
 * Arguments (`<Title>`), undercuts and other Argdown constructs are refused with the line number:
 * importing them as something else would quietly change the argument.
 */
import { sourceSchema, describeZodError, type OpError } from "../ops";
import { NODE_KINDS, type NodeKind, type Relation, type Source } from "../types";
import { readDataBlock, stripComments, unescapeText, yamlScalar, type CommentState } from "./argdownText";
import { buildImportedDoc, type ImportedLink, type ImportedStatement, type ImportResult } from "./importedDoc";

/** [relation, true when the reason is the statement below (it points up to the one above)]. */
const RELATION_MARKERS: Record<string, [Relation, boolean][]> = {
  "+": [["supports", true]],
  "<+": [["supports", true]],
  "-": [["rebuts", true]],
  "<-": [["rebuts", true]],
  "+>": [["supports", false]],
  "->": [["rebuts", false]],
  "><": [["rebuts", true], ["rebuts", false]],
};
const MARKER = /^(<\+|<-|\+>|->|><|_>|<_|\+|-)[ \t]+/;

interface Statement extends ImportedStatement {
  sourceTitle?: string;
}

class ArgdownError extends Error {
  constructor(readonly error: OpError) {
    super(error.message);
  }
}
const refuse = (line: number, message: string) => new ArgdownError({ code: "invalid_op", message: `line ${line}: ${message}` });

export function parseArgdownImport(text: string): ImportResult {
  try {
    return readArgdown(text);
  } catch (error) {
    if (error instanceof ArgdownError) return { ok: false, error: error.error };
    throw error;
  }
}

function readArgdown(text: string): ImportResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (lines.every((line) => !line.trim())) return { ok: false, error: { code: "invalid_op", message: "the file is empty" } };
  const front = readFrontMatter(lines);
  const statements: Statement[] = [];
  const byTitle = new Map<string, number>();
  const links: ImportedLink[] = [];
  const comments: CommentState = { inBlock: false };
  let heading = "";
  /** The statements above the current line, each with its indentation. */
  let stack: { indent: number; index: number }[] = [];

  for (let i = front.bodyStart; i < lines.length; i++) {
    const lineNumber = i + 1;
    const code = stripComments(lines[i]!, comments).trimEnd();
    if (!code.trim()) continue;
    const headingMatch = /^#+[ \t]+(.*)$/u.exec(code);
    if (headingMatch) {
      heading ||= unescapeText(headingMatch[1]!).trim();
      stack = [];
      continue;
    }
    const indent = indentationOf(code);
    let rest = code.trimStart();
    const marker = MARKER.exec(rest)?.[1];
    if (marker === "_>" || marker === "<_") throw refuse(lineNumber, "undercuts (_> and <_) are not supported yet");
    if (marker) {
      rest = rest.slice(MARKER.exec(rest)![0].length);
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
      if (stack.length === 0) throw refuse(lineNumber, `a reason (${marker}) needs a statement above it, indented less`);
    } else if (indent > 0 && stack.length > 0) {
      throw refuse(lineNumber, "an indented line must start with + or - (a reason for or against the statement above)");
    } else {
      stack = [];
    }
    const index = readStatement(rest, lineNumber, { statements, byTitle });
    const parent = stack[stack.length - 1];
    if (marker && parent) {
      for (const [relation, upward] of RELATION_MARKERS[marker]!) {
        links.push(upward ? { from: index, to: parent.index, relation } : { from: parent.index, to: index, relation });
      }
    }
    stack.push({ indent, index });
  }

  const sources = [...front.sources];
  for (const statement of statements) {
    if (statement.sourceTitle === undefined) continue;
    let source = sources.find((candidate) => candidate.title === statement.sourceTitle);
    if (!source) {
      source = checkedSource({ title: statement.sourceTitle }, sources.length, statement.label);
      sources.push(source);
    }
    statement.sourceId = source.id;
  }
  return buildImportedDoc({ title: front.title ?? heading, description: front.description, statements, links, sources });
}

function indentationOf(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === " ") width += 1;
    else if (char === "\t") width += 4;
    else break;
  }
  return width;
}

interface Statements {
  statements: Statement[];
  byTitle: Map<string, number>;
}

/**
 * The statement a line names, created the first time its title appears; returns its index. A
 * later mention may fill in what the first left out (Argdown lets a statement be defined once
 * and referred to, or given its text, anywhere).
 */
function readStatement(rest: string, line: number, known: Statements): number {
  if (rest.startsWith("<")) throw refuse(line, "arguments (<Title>) are not supported; write statements ([Title]: text) with + and - reasons");
  let title: string | undefined;
  let body = rest;
  if (rest.startsWith("[")) {
    const end = rest.indexOf("]");
    if (end < 0) throw refuse(line, "the title opened with [ is never closed with ]");
    title = rest.slice(1, end).trim();
    body = rest.slice(end + 1);
    if (body.startsWith(":")) body = body.slice(1);
    else if (body.trim() && !body.trimStart().startsWith("{")) throw refuse(line, `expected ":" and the text after [${title}]`);
  }
  const { text, data } = splitData(body, line);
  const fields = statementFields(data, line);
  const existing = title ? known.byTitle.get(title) : undefined;
  if (existing !== undefined) {
    const statement = known.statements[existing]!;
    if (!statement.text && text) statement.text = text;
    for (const [field, value] of Object.entries(fields)) {
      const key = field as keyof typeof fields;
      if (statement[key] === undefined) Object.assign(statement, { [key]: value });
    }
    return existing;
  }
  known.statements.push({ label: `line ${line}`, text, ...fields });
  if (title) known.byTitle.set(title, known.statements.length - 1);
  return known.statements.length - 1;
}

/** The statement's text (escapes undone) and its data block, which must end the line. */
function splitData(body: string, line: number): { text: string; data: Map<string, string> } {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\") {
      i++;
      continue;
    }
    if (body[i] !== "{") continue;
    const data = readDataBlock(body.slice(i).trimEnd());
    if (!data) throw refuse(line, "cannot read the data block { … }: expected key: value pairs ending with }");
    return { text: unescapeText(body.slice(0, i)).trim(), data };
  }
  return { text: unescapeText(body).trim(), data: new Map() };
}

type StatementFields = Pick<Statement, "speaker" | "quote" | "quotePrefix" | "quoteSuffix" | "kind" | "sourceTitle">;

function statementFields(data: Map<string, string>, line: number): StatementFields {
  const kind = data.get("kind");
  if (kind !== undefined && !(NODE_KINDS as readonly string[]).includes(kind)) {
    throw refuse(line, `kind ${JSON.stringify(kind)} is not one of ${NODE_KINDS.join(", ")}`);
  }
  return {
    ...(data.has("speaker") ? { speaker: data.get("speaker") } : {}),
    ...(data.has("quote") ? { quote: data.get("quote") } : {}),
    ...(data.has("quotePrefix") ? { quotePrefix: data.get("quotePrefix") } : {}),
    ...(data.has("quoteSuffix") ? { quoteSuffix: data.get("quoteSuffix") } : {}),
    ...(kind !== undefined ? { kind: kind as NodeKind } : {}),
    ...(data.has("source") ? { sourceTitle: data.get("source") } : {}),
  };
}

interface FrontMatter {
  title?: string;
  description: string;
  sources: Source[];
  /** The index of the first line after the front matter. */
  bodyStart: number;
}

/** `===`, then `key: value` lines and a `sources:` list of `- title: …` items, then `===`. */
function readFrontMatter(lines: readonly string[]): FrontMatter {
  const first = lines.findIndex((line) => line.trim() !== "");
  if (lines[first]?.trim() !== "===") return { description: "", sources: [], bodyStart: 0 };
  const close = lines.findIndex((line, index) => index > first && line.trim() === "===");
  if (close < 0) throw refuse(first + 1, "the front matter opened here with === is never closed with ===");
  const top = new Map<string, string>();
  const items: Record<string, string>[] = [];
  let listKey = "";
  for (const line of lines.slice(first + 1, close)) {
    const entry = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:\s*(.*)$/u.exec(line);
    if (!entry) continue;
    const [, indent, dash, key, value] = entry as unknown as [string, string, string | undefined, string, string];
    if (!indent && !dash) {
      listKey = value.trim() ? "" : key;
      if (value.trim()) top.set(key, yamlScalar(value));
    } else if (listKey === "sources") {
      if (dash || items.length === 0) items.push({});
      items[items.length - 1]![key] = yamlScalar(value);
    }
  }
  const sources: Source[] = [];
  for (const item of items) sources.push(checkedSource(item, sources.length, `source ${sources.length + 1} of the front matter`));
  return { title: top.get("title"), description: top.get("description") ?? "", sources, bodyStart: close + 1 };
}

function checkedSource(fields: Record<string, string>, count: number, label: string): Source {
  const { title, publisher, author, date, url, text } = fields;
  const parsed = sourceSchema.safeParse({ id: `s${count + 1}`, title, publisher, author, date, url, text });
  if (parsed.success) return parsed.data;
  const { tooLarge, message } = describeZodError(parsed.error);
  throw new ArgdownError({ code: tooLarge ? "too_large" : "invalid_op", message: `${label}: ${message}` });
}
