/**
 * An HTML page reduced to its readable text, for a source people save from the web. Nothing of
 * the page is executed or rendered: htmlparser2 is a streaming tokenizer (linear in the input,
 * no DOM, no network), and only text comes out. Scripts, styles, navigation and other non-prose
 * elements are dropped; block elements become line breaks and blank lines, as a reader would see them.
 */
import { Parser } from "htmlparser2";

/** Elements whose content is not prose (or not text at all). */
const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "nav", "svg", "math", "iframe", "object", "canvas", "select", "button", "form"]);
/** Elements that stand as paragraphs of their own. */
const PARAGRAPHS = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "figure", "figcaption",
  "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "address", "hr", "details", "summary",
]);
/** Elements that start a new line. */
const LINES = new Set(["br", "li", "dt", "dd", "tr", "caption"]);

type Break = "none" | "space" | "line" | "paragraph";

export interface HtmlText {
  /** The page's `<title>`, or its first heading; "" when it has neither. */
  title: string;
  text: string;
}

export function htmlToText(html: string): HtmlText {
  const out: string[] = [];
  let pending: Break = "none";
  let skipping = 0;
  let preformatted = 0;
  let titleDepth = 0;
  let title = "";
  let headingDepth = 0;
  let heading = "";

  const breakBefore = (kind: Break) => {
    const rank = { none: 0, space: 1, line: 2, paragraph: 3 } as const;
    if (out.length > 0 && rank[kind] > rank[pending]) pending = kind;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "title") titleDepth++;
        if (skipping > 0 || SKIPPED.has(name)) {
          if (SKIPPED.has(name)) skipping++;
          return;
        }
        if (/^h[1-6]$/.test(name)) headingDepth++;
        if (name === "pre") preformatted++;
        if (PARAGRAPHS.has(name)) breakBefore("paragraph");
        else if (LINES.has(name)) breakBefore("line");
        else if (name === "td" || name === "th") breakBefore("space");
      },
      onclosetag(name) {
        if (name === "title") titleDepth = Math.max(0, titleDepth - 1);
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping > 0) return;
        if (/^h[1-6]$/.test(name)) headingDepth = Math.max(0, headingDepth - 1);
        if (name === "pre") preformatted = Math.max(0, preformatted - 1);
        if (PARAGRAPHS.has(name)) breakBefore("paragraph");
        else if (LINES.has(name) && name !== "br") breakBefore("line");
      },
      ontext(raw) {
        if (titleDepth > 0 && title.length < 500) title += raw;
        if (skipping > 0) return;
        if (headingDepth > 0 && heading.length < 500) heading += raw;
        if (preformatted > 0) {
          write(raw);
          return;
        }
        const collapsed = raw.replace(/[ \t\n\r\f]+/g, " ");
        if (collapsed === " ") {
          breakBefore("space");
          return;
        }
        if (collapsed.startsWith(" ")) breakBefore("space");
        write(collapsed.replace(/^ | $/g, "")); // not trim(): a no-break space is the page's own
        if (collapsed.endsWith(" ")) breakBefore("space");
      },
    },
    { decodeEntities: true },
  );

  function write(text: string) {
    if (!text) return;
    if (out.length > 0) out.push(pending === "paragraph" ? "\n\n" : pending === "line" ? "\n" : pending === "space" ? " " : "");
    out.push(text);
    pending = "none";
  }

  parser.write(html);
  parser.end();
  const clean = (value: string) => value.replace(/\s+/g, " ").trim();
  return { title: clean(title) || clean(heading), text: out.join("") };
}
