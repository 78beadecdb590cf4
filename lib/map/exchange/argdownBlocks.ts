/**
 * Markdown with Argdown in fenced code blocks (```argdown or ~~~argdown, as the Argdown
 * extensions for Markdown write them): the block to import, and the line where it starts, so the
 * parser's line numbers can be told in the file's own numbering. A plain Argdown file is its own
 * one block.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`~]*)/;
const ARGDOWN_LANGUAGES = new Set(["argdown", "argdown-map"]);

export interface ArgdownBlock {
  text: string;
  /** Lines before the block's first line in the whole file. */
  lineOffset: number;
  /** How many argdown blocks the file has (0: a plain Argdown file). */
  count: number;
  /** 1-based number of the block taken. */
  taken: number;
}

/** The chosen block (1-based), the last one when none is chosen; a plain Argdown file as it is. */
export function argdownBlock(text: string, chosen?: number): ArgdownBlock | { error: string } {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: { start: number; end: number }[] = [];
  let open: { fence: string; start: number; argdown: boolean } | null = null;
  lines.forEach((line, index) => {
    const match = FENCE.exec(line);
    if (!open) {
      if (match) open = { fence: match[1]!, start: index + 1, argdown: ARGDOWN_LANGUAGES.has(match[2]!.toLowerCase()) };
      return;
    }
    // A fence closes with the same character, at least as long, and nothing after it.
    if (match && match[1]![0] === open.fence[0] && match[1]!.length >= open.fence.length && line.trim() === match[1]) {
      if (open.argdown) blocks.push({ start: open.start, end: index });
      open = null;
    }
  });
  if (open !== null && (open as { argdown: boolean }).argdown) blocks.push({ start: (open as { start: number }).start, end: lines.length });
  if (blocks.length === 0) return { text, lineOffset: 0, count: 0, taken: 0 };
  const taken = chosen ?? blocks.length;
  const block = blocks[taken - 1];
  if (!block) return { error: `this file has ${blocks.length} argdown blocks; there is no block ${chosen}` };
  return { text: lines.slice(block.start, block.end).join("\n"), lineOffset: block.start, count: blocks.length, taken };
}
