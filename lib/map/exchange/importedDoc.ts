/**
 * A doc from a format that is not ours (AIF, Argdown). Such a file has statements and links but
 * none of our guarantees, so here: a link that repeats a pair is dropped (the first one wins, as
 * the model allows one link per ordered pair), a link from a statement to itself is dropped,
 * kinds the file does not give are inferred from the links, statements without a position are
 * laid out, and every limit is checked, with the statement named as the file names it.
 */
import { findIntegrityProblem } from "../integrity";
import { estimateNodeSize, tidyLayout } from "../layout";
import { LIMITS } from "../limits";
import type { OpError } from "../ops";
import type { ArgEdge, ArgNode, MapDoc, NodeKind, Relation, Source } from "../types";
import { kindsFromLinks } from "./kinds";

export type ImportResult = { ok: true; doc: MapDoc } | { ok: false; error: OpError };

export interface ImportedStatement {
  /** How an error names it to the user, e.g. `I-node "12"` or `line 4`. */
  label: string;
  text: string;
  speaker?: string;
  kind?: NodeKind;
  position?: { x: number; y: number };
  sourceId?: string | null;
  quote?: string;
  quotePrefix?: string;
  quoteSuffix?: string;
}

/** `from` and `to` are indexes into the statements. */
export interface ImportedLink {
  from: number;
  to: number;
  relation: Relation;
}

export interface ImportedMap {
  title: string;
  description: string;
  statements: readonly ImportedStatement[];
  links: readonly ImportedLink[];
  sources?: readonly Source[];
}

export function buildImportedDoc(imported: ImportedMap): ImportResult {
  const tooMany = countProblem(imported);
  if (tooMany) return { ok: false, error: tooMany };
  for (const statement of imported.statements) {
    const problem = statementProblem(statement);
    if (problem) return { ok: false, error: problem };
  }
  const title = imported.title.trim() || "Untitled map";
  if (title.length > LIMITS.titleLength) return tooLarge(`the title is ${title.length} characters long; a map title holds at most ${LIMITS.titleLength}`);
  if (imported.description.length > LIMITS.descriptionLength) {
    return tooLarge(`the description is ${imported.description.length} characters long; it holds at most ${LIMITS.descriptionLength}`);
  }

  const ids = imported.statements.map((_, index) => `n${index + 1}`);
  const edges = distinctLinks(imported.links).map(
    (link, index): ArgEdge => ({ id: `e${index + 1}`, from: ids[link.from]!, to: ids[link.to]!, relation: link.relation }),
  );
  if (edges.length > LIMITS.edgesPerMap) return tooLarge(`a map holds at most ${LIMITS.edgesPerMap} links, this file has ${edges.length}`);
  const inferred = kindsFromLinks(ids, edges);
  const nodes = imported.statements.map(
    (statement, index): ArgNode => ({
      id: ids[index]!,
      kind: statement.kind ?? inferred.get(ids[index]!) ?? "claim",
      text: statement.text,
      speaker: statement.speaker ?? "",
      sourceId: statement.sourceId ?? null,
      quote: statement.quote ?? "",
      quotePrefix: statement.quotePrefix ?? "",
      quoteSuffix: statement.quoteSuffix ?? "",
      baseScore: null,
      x: 0,
      y: 0,
    }),
  );
  placeNodes(nodes, imported.statements, edges);

  const doc: MapDoc = {
    meta: { title, description: imported.description, presentation: null },
    nodes: Object.fromEntries(nodes.map((node) => [node.id, node])),
    edges: Object.fromEntries(edges.map((edge) => [edge.id, edge])),
    sources: Object.fromEntries((imported.sources ?? []).map((source) => [source.id, source])),
  };
  const problem = findIntegrityProblem(doc);
  return problem ? { ok: false, error: problem } : { ok: true, doc };
}

function countProblem(imported: ImportedMap): OpError | null {
  const count = imported.statements.length;
  if (count > LIMITS.nodesPerMap) return { code: "too_large", message: `a map holds at most ${LIMITS.nodesPerMap} nodes, this file has ${count} statements` };
  const sources = imported.sources?.length ?? 0;
  if (sources > LIMITS.sourcesPerMap) return { code: "too_large", message: `a map holds at most ${LIMITS.sourcesPerMap} sources, this file has ${sources}` };
  return null;
}

function statementProblem(statement: ImportedStatement): OpError | null {
  const fields = [
    ["text", statement.text, LIMITS.nodeTextLength],
    ["speaker", statement.speaker ?? "", LIMITS.speakerLength],
    ["quote", statement.quote ?? "", LIMITS.quoteLength],
    ["quotePrefix", statement.quotePrefix ?? "", LIMITS.quoteContextLength],
    ["quoteSuffix", statement.quoteSuffix ?? "", LIMITS.quoteContextLength],
  ] as const;
  for (const [field, value, limit] of fields) {
    if (value.length > limit) {
      return { code: "too_large", message: `${statement.label}: the ${field} is ${value.length} characters long; a node's ${field} holds at most ${limit}` };
    }
  }
  return null;
}

/** Self-links and repeats of an ordered pair go; the first link of a pair keeps its relation. */
function distinctLinks(links: readonly ImportedLink[]): ImportedLink[] {
  const seen = new Set<string>();
  const kept: ImportedLink[] = [];
  for (const link of links) {
    const pair = `${link.from} ${link.to}`;
    if (link.from === link.to || seen.has(pair)) continue;
    seen.add(pair);
    kept.push(link);
  }
  return kept;
}

/** The file's own positions when every statement has one inside the canvas; a tidy layout otherwise. */
function placeNodes(nodes: ArgNode[], statements: readonly ImportedStatement[], edges: readonly ArgEdge[]): void {
  const inside = (value: number) => Number.isFinite(value) && Math.abs(value) <= LIMITS.coordinate;
  const given = statements.every((statement) => statement.position && inside(statement.position.x) && inside(statement.position.y));
  if (given) {
    nodes.forEach((node, index) => {
      const position = statements[index]!.position!;
      // -0 is not a coordinate JSON can carry back.
      node.x = position.x || 0;
      node.y = position.y || 0;
    });
    return;
  }
  const positions = tidyLayout({
    nodes: nodes.map((node) => ({ id: node.id, ...estimateNodeSize(node) })),
    edges: edges.map((edge) => ({ from: edge.from, to: edge.to, relation: edge.relation })),
  });
  for (const node of nodes) {
    const position = positions[node.id];
    if (position) {
      node.x = Math.round(position.x) || 0;
      node.y = Math.round(position.y) || 0;
    }
  }
}

function tooLarge(message: string): ImportResult {
  return { ok: false, error: { code: "too_large", message } };
}
