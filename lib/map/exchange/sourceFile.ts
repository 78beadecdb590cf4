/**
 * A source's text from what people have: pasted text, or a `.txt`, `.md` or `.html` file. Text is
 * cleaned to what the model accepts (plain text, well-formed UTF-16, "\n" line ends) and checked
 * against the limits with a message that says what to do.
 */
import { LIMITS } from "../limits";
import { htmlToText } from "./htmlText";

export const SOURCE_FILE_EXTENSIONS = [".txt", ".text", ".md", ".markdown", ".html", ".htm"] as const;
/** What a file picker offers. */
export const SOURCE_FILE_ACCEPT = [...SOURCE_FILE_EXTENSIONS, "text/plain", "text/markdown", "text/html"].join(",");
/** Bytes of a file read at all: a saved web page carries much markup around its text. */
export const MAX_SOURCE_FILE_BYTES = 5_000_000;

export type SourceFileResult = { ok: true; title: string; text: string } | { ok: false; message: string };

const number = (value: number) => value.toLocaleString("en-US");

/** Why a file cannot be a source, judged by its name and size before reading it; null when it can. */
export function sourceFileProblem(name: string, bytes: number): string | null {
  if (!extensionOf(name)) return `“${name}” is not a text file: pick a .txt, .md or .html file.`;
  if (bytes > MAX_SOURCE_FILE_BYTES) return `“${name}” is ${number(Math.ceil(bytes / 1_000_000))} MB; a source file can be at most ${MAX_SOURCE_FILE_BYTES / 1_000_000} MB.`;
  return null;
}

/** The title and text of a source read from a file's content (HTML reduced to its text). */
export function sourceFromFile(name: string, content: string): SourceFileResult {
  const extension = extensionOf(name);
  if (!extension) return { ok: false, message: sourceFileProblem(name, 0)! };
  // A text file holds no NUL: this is a picture, a PDF or a word-processor file renamed.
  if (content.includes("\u0000")) return { ok: false, message: `“${name}” does not look like text. Save it as plain text or HTML first.` };
  const html = extension === ".html" || extension === ".htm";
  const page = html ? htmlToText(content) : null;
  const text = cleanSourceText(page ? page.text : content);
  const problem = sourceTextProblem(text);
  if (problem) return { ok: false, message: problem };
  const heading = !html ? /^#{1,2}[ \t]+(.+)$/m.exec(text)?.[1]?.trim() : undefined;
  const title = (page?.title || heading || name.slice(0, name.length - extension.length)).slice(0, LIMITS.sourceFieldLength);
  return { ok: true, title, text };
}

/** Plain text as sources keep it: "\n" line ends, no byte-order mark or control characters, no unpaired surrogates, no blank ends. */
export function cleanSourceText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/[ \t]+$/gm, "")
    .replace(/^\n+|\s+$/g, "");
}

/** Why this text cannot be a source's text (it is too long), or null. */
export function sourceTextProblem(text: string): string | null {
  if (text.length <= LIMITS.sourceTextLength) return null;
  return (
    `This text is ${number(text.length)} characters long; a source holds at most ${number(LIMITS.sourceTextLength)}. ` +
    "Keep the part you quote from, or split it into several sources."
  );
}

function extensionOf(name: string): string | undefined {
  const lower = name.toLowerCase();
  return SOURCE_FILE_EXTENSIONS.find((extension) => lower.endsWith(extension));
}
