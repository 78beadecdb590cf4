/**
 * One entry point for an uploaded map in any format we read, told apart by its content:
 * - JSON (the body starts with "{", or is sent as JSON): AIF when it looks like AIF (nodeIDs,
 *   fromIDs, locutions, or OVA's {AIF: …} wrapper), else Argumap's own format, exactly as before;
 *   `{format: "argdown" | "aif" | "argumap", content}` names the format outright (for Markdown
 *   with several ```argdown blocks, `block: n` picks one);
 * - anything else is Argdown text.
 * A JSON body always starts with "{" and an Argdown file never does, so clients that send JSON
 * with the wrong content type (fetch's default is text/plain) still import what they meant.
 */
import { looksLikeAif, parseAifImport } from "./aif";
import { parseArgdownImport } from "./argdownImport";
import type { ImportResult } from "./importedDoc";
import { reportFor } from "./importReport";
import { parseJsonImport } from "./json";

export const IMPORT_FORMATS = ["argumap", "aif", "argdown"] as const;

export async function parseMapImport(body: string, contentType: string | null): Promise<ImportResult> {
  const text = body.replace(/^\uFEFF/, "");
  const declaredJson = /^application\/([\w.+-]*\+)?json\b/i.test(contentType?.trim() ?? "");
  if (!declaredJson && !text.trimStart().startsWith("{")) return parseArgdownImport(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: "invalid_op", message: "this is not valid JSON" } };
  }
  return parseJsonValue(value);
}

/** An already parsed JSON body: wrapped with its format named, AIF, or Argumap JSON. */
export async function parseJsonValue(value: unknown): Promise<ImportResult> {
  const wrapper = value as { format?: unknown; content?: unknown } | null;
  if (typeof wrapper === "object" && wrapper !== null && "content" in wrapper && !("nodes" in wrapper)) {
    const { format, content } = wrapper;
    if (format === "argdown") {
      const block = (wrapper as { block?: unknown }).block;
      if (block !== undefined && !(Number.isSafeInteger(block) && (block as number) >= 1)) return refuse("block: the number of an argdown block, 1 or more");
      return typeof content === "string" ? parseArgdownImport(content, { block: block as number | undefined }) : refuse("content: an Argdown import's content is its text, as a string");
    }
    if (format === "aif") return parseAifImport(content);
    if (format === "argumap") return ownJson(content);
    return refuse(`format is ${JSON.stringify(format)}; expected one of ${IMPORT_FORMATS.join(", ")}`);
  }
  return looksLikeAif(value) ? parseAifImport(value) : ownJson(value);
}

/** Argumap's own JSON holds everything the map has: its report is the counts, never a warning. */
function ownJson(value: unknown): ImportResult {
  const parsed = parseJsonImport(value);
  if (!parsed.ok) return parsed;
  const report = reportFor(parsed.doc);
  if (parsed.dialogue) report.created.dialogue = parsed.dialogue.nodes.length;
  return { ...parsed, report };
}

function refuse(message: string): ImportResult {
  return { ok: false, error: { code: "invalid_op", message } };
}
