/**
 * Export to Argdown (argdown.org), the plain-text syntax for argument maps:
 *
 *   [Alibaba is a risk]: Alibaba Cloud's US expansion is a risk. {speaker: "C. Rice"}
 *     + [Data stays local]: The data never leaves China.
 *     - [Audits exist]: Independent audits are possible.
 *
 * A claim is a statement; under it, `+` lines are its supports and `-` lines its rebuttals
 * (the relation comes from the edge, not the node's kind), each expanded once and referred to
 * by title afterwards. The map is a graph, so every node is written out somewhere, cycles
 * included, and every edge appears exactly once: under the node it points to.
 * Argdown has no node kinds; a node's kind is written as data (`{kind: "support"}`) only where
 * its links suggest another one (see kinds.ts), so the import gives every node its kind back.
 * Arguments are `<Title>`; premises, conclusions and undercuts are written as argdownPlan.ts says.
 */
import { indexEdges, roots } from "../graph";
import { entryOf } from "../records";
import type { ArgEdge, ArgNode, MapDoc, NodeKind } from "../types";
import { planArgdown, type ArgdownPlan } from "./argdownPlan";
import { kindsFromLinks } from "./kinds";

// Argdown's shortcode token: a dot or colon, no spaces, the same again.
const SHORTCODE_SPAN = /([.:])\S+?\1/y;
// Argdown 2's shortcode names (plugins/shortcodes.ts), without their dots or colons.
const ARGDOWN_SHORTCODES = new Set(
  ("A E O P -> <-> ~ ^ v v_ <> [] happy smile smiley laugh lol rofl joy heart ? question love wink " +
    "shush meh eye-roll sad disappointed scream +1 up -1 down think star y agree n disagree").split(" "),
);

const INDENT = "  ";
const TITLE_WORDS = 6;
const TITLE_LENGTH = 60;

export function toArgdown(doc: MapDoc): string {
  const titles = statementTitles(doc);
  const blocks = [frontMatter(doc), `# ${escapeText(doc.meta.title) || "Untitled map"}`];
  const plan = planArgdown(doc);
  const incoming = new Map<string, ArgEdge[]>();
  for (const [id, edges] of indexEdges(doc).incoming) incoming.set(id, edges.filter((edge) => plan.treeEdges.has(edge.id)));
  const impliedKinds = kindsFromLinks(Object.keys(doc.nodes), Object.values(doc.edges));
  const written = new Set<string>();
  const tops = [...roots(doc), ...Object.values(doc.nodes)];
  const context = { titles, incoming, impliedKinds, written, plan };
  for (const top of tops) {
    if (written.has(top.id)) continue;
    blocks.push(statementTree(doc, top, context));
  }
  blocks.push(...argumentBlocks(doc, context));
  return `${blocks.join("\n\n")}\n`;
}

interface TreeContext {
  titles: ReadonlyMap<string, string>;
  incoming: ReadonlyMap<string, readonly ArgEdge[]>;
  impliedKinds: ReadonlyMap<string, NodeKind>;
  written: Set<string>;
  plan: ArgdownPlan;
}

/** `[Title]` for a statement, `<Title>` for an argument. */
function reference(node: ArgNode, titles: ReadonlyMap<string, string>): string {
  const title = titles.get(node.id) ?? node.id;
  return node.kind === "argument" ? `<${title}>` : `[${title}]`;
}

/** Each reconstructed argument's premise–conclusion structure, then the undercuts of inferences. */
function argumentBlocks(doc: MapDoc, context: TreeContext): string[] {
  const blocks: string[] = [];
  const refer = (id: string) => reference(doc.nodes[id]!, context.titles);
  const { incoming } = indexEdges(doc);
  for (const [argumentId, conclusion] of context.plan.conclusion) {
    const premises = (incoming.get(argumentId) ?? []).filter((edge) => edge.relation === "premise");
    const lines = premises.map((edge, index) => `(${index + 1}) ${refer(edge.from)}`);
    blocks.push(`${refer(argumentId)}\n\n${lines.join("\n")}\n----\n(${premises.length + 1}) ${refer(conclusion.to)}`);
  }
  for (const [argumentId, undercuts] of context.plan.nativeUndercuts) {
    blocks.push([refer(argumentId), ...undercuts.map((edge) => `${INDENT}<_ ${refer(edge.from)}`)].join("\n"));
  }
  return blocks;
}

/** One top-level statement and the reasons under it, depth first (iterative: maps can be deep). */
function statementTree(doc: MapDoc, top: ArgNode, context: TreeContext): string {
  const lines: string[] = [];
  const stack: { node: ArgNode; depth: number; via: ArgEdge | null }[] = [{ node: top, depth: 0, via: null }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { node, depth, via } = frame;
    const marker = via ? `${INDENT.repeat(depth)}${via.relation === "rebuts" ? "-" : "+"} ` : "";
    const title = reference(node, context.titles);
    if (context.written.has(node.id)) {
      lines.push(`${marker}${title}`);
      continue;
    }
    context.written.add(node.id);
    lines.push(`${marker}${statement(doc, node, title, context)}`);
    const reasons = context.incoming.get(node.id) ?? [];
    for (let i = reasons.length - 1; i >= 0; i--) {
      const edge = reasons[i];
      const reason = edge && entryOf(doc.nodes, edge.from);
      if (edge && reason) stack.push({ node: reason, depth: depth + 1, via: edge });
    }
  }
  return lines.join("\n");
}

function statement(doc: MapDoc, node: ArgNode, title: string, context: TreeContext): string {
  const text = escapeText(node.text);
  const data: string[] = [];
  if (node.kind !== "argument" && node.kind !== context.impliedKinds.get(node.id)) data.push(`kind: ${yamlString(node.kind)}`);
  data.push(...linkData(doc, context.plan.dataLinks.get(node.id) ?? [], context.titles));
  if (node.speaker.trim()) data.push(`speaker: ${yamlString(node.speaker)}`);
  const source = node.sourceId === null ? undefined : entryOf(doc.sources, node.sourceId);
  if (source) data.push(`source: ${yamlString(source.title)}`);
  if (node.quote.trim()) {
    data.push(`quote: ${yamlString(node.quote)}`);
    // The quote's anchor in its source (lib/map/quotes), so it can be found and checked again.
    if (node.quotePrefix) data.push(`quotePrefix: ${yamlString(node.quotePrefix)}`);
    if (node.quoteSuffix) data.push(`quoteSuffix: ${yamlString(node.quoteSuffix)}`);
  }
  const head = text ? `${title}: ${text}` : title;
  return data.length > 0 ? `${head} {${data.join(", ")}}` : head;
}

/** Links Argdown has no syntax for here, as lists of titles by relation (argdownPlan.ts). */
function linkData(doc: MapDoc, edges: readonly ArgEdge[], titles: ReadonlyMap<string, string>): string[] {
  const title = (id: string) => yamlString(titles.get(id) ?? id);
  const lists: Record<string, string[]> = { premiseOf: [], supports: [], rebuts: [], undercuts: [] };
  for (const edge of edges) {
    if (edge.relation === "premise") lists.premiseOf!.push(title(edge.to));
    else if (edge.relation === "undercuts") {
      const target = entryOf(doc.edges, edge.to);
      if (target) lists.undercuts!.push(`[${title(target.from)}, ${title(target.to)}]`);
    } else lists[edge.relation]!.push(title(edge.to));
  }
  return Object.entries(lists)
    .filter(([, items]) => items.length > 0)
    .map(([key, items]) => `${key}: [${items.join(", ")}]`);
}

/** YAML front matter: the map's description and its sources, their text included (on one line, escaped). */
function frontMatter(doc: MapDoc): string {
  const lines = ["===", `title: ${yamlString(doc.meta.title)}`];
  if (doc.meta.description) lines.push(`description: ${yamlString(doc.meta.description)}`);
  const sources = Object.values(doc.sources);
  if (sources.length > 0) lines.push("sources:");
  for (const source of sources) {
    lines.push(`  - title: ${yamlString(source.title)}`);
    for (const field of ["author", "publisher", "date", "url", "text"] as const) {
      if (source[field]) lines.push(`    ${field}: ${yamlString(source[field])}`);
    }
  }
  lines.push("===");
  return lines.join("\n");
}

/**
 * Short, unique statement titles from the first words of each node's text. Argdown ends a title
 * at "]" and a line at a line break, so neither may appear (nor "\", which it would keep
 * verbatim); uniqueness ignores case.
 */
function statementTitles(doc: MapDoc): Map<string, string> {
  const titles = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of Object.values(doc.nodes)) {
    const words = node.text.replace(/[[\]\\\p{Cc}\p{Zl}\p{Zp}]/gu, " ").trim().split(/\s+/).filter(Boolean);
    // Argdown misreads a reference whose title starts with "-", so such a start is dropped.
    const firstWords = Array.from(words.slice(0, TITLE_WORDS).join(" ")); // code points: never half an emoji
    let base = firstWords.slice(0, TITLE_LENGTH).join("").replace(/^[-\s]+/, "").trim();
    if (!base) base = node.kind.charAt(0).toUpperCase() + node.kind.slice(1);
    let title = base;
    for (let n = 2; taken.has(title.toLowerCase()); n++) title = `${base} ${n}`;
    taken.add(title.toLowerCase());
    titles.set(node.id, title);
  }
  return titles;
}

/**
 * Statement text on one line, with Argdown's syntax characters escaped by a backslash:
 * [ ] (references, links), { } (data), < (arguments, comments), * _ (emphasis), # (tags),
 * \ itself, "/" where it would open a comment and "=" in a run (front matter can start at any
 * "==="). Line breaks, tabs and runs of spaces become one space: Argdown text is one line, and
 * Argdown does not keep such whitespace anyway.
 *
 * Argdown also reads `.name.` and `:name:` (no spaces inside) as one "shortcode" token: a known
 * name turns into a symbol (".A." → ∀) and an unknown one is kept as written, backslashes and
 * all. So the text is walked the way Argdown's lexer walks it, and such a span gets its opening
 * dot or colon escaped when it is a shortcode or holds something that needs escaping.
 */
export function escapeText(text: string): string {
  const line = text.replace(/\s+/gu, " ").trim();
  let escaped = "";
  let plainFrom = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char !== "." && char !== ":") continue;
    SHORTCODE_SPAN.lastIndex = i;
    const span = SHORTCODE_SPAN.exec(line)?.[0];
    if (span === undefined) continue;
    escaped += escapeSyntax(line.slice(plainFrom, i));
    if (ARGDOWN_SHORTCODES.has(span.slice(1, -1)) || /[\\[\]{}<*_#=/]/.test(span)) {
      escaped += `\\${char}`;
      plainFrom = i + 1;
    } else {
      escaped += span;
      i += span.length - 1;
      plainFrom = i + 1;
    }
  }
  return escaped + escapeSyntax(line.slice(plainFrom));
}

function escapeSyntax(text: string): string {
  return text.replace(/[\\[\]{}<*_#]|\/(?=[/*])|=(?==)|(?<==)=/g, (char) => `\\${char}`);
}

/**
 * A YAML double-quoted string. JSON's escapes are YAML's too. Braces, brackets and "=" are
 * escaped as well: Argdown ends a data block at "}" and front matter at "===", and would read
 * `[Title] {speaker: "[a]:"}` as the definition of a statement titled `Title] {speaker: "[a`.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[{}[\]=\u0085\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
