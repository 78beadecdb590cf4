/**
 * A doc from a format that is not ours (AIF, Argdown). Such a file has statements, arguments and
 * links but none of our guarantees, so here every link is checked against the model's rules
 * (docs/structure.md) and one that breaks them is left out with a warning naming where the file
 * has it: a repeat of an ordered pair (the first one wins), a link from a node to itself, a
 * premise that is not a statement into an argument, an undercut that does not aim at a supports
 * or rebuts link. Kinds the file does not give are inferred from the links, statements without a
 * position are laid out, and every limit is checked, with the node named as the file names it.
 */
import { findIntegrityProblem } from "../integrity";
import { estimateNodeSize, tidyLayout } from "../layout";
import { LIMITS } from "../limits";
import type { OpError } from "../ops";
import { aimsAtNode, type ArgEdge, type ArgNode, type MapDoc, type NodeKind, type Relation, type Source } from "../types";
import { dialogueFor, isEmptyDialogue, type DialogueEnd, type DialogueLayer, type DialogueLocution, type DialogueNode } from "./dialogue";
import { reportFor, WarningList, type ImportReport, type ImportWarning } from "./importReport";
import { kindsFromLinks } from "./kinds";

/** `dialogue`: AIF's dialogue layer, kept beside the map (dialogue.ts); absent when the file has none. */
export type ImportResult = { ok: true; doc: MapDoc; report: ImportReport; dialogue?: DialogueLayer } | { ok: false; error: OpError };

/** An end of a dialogue edge before ids exist: a statement's index, or a link's index among the links. */
export type ImportedDialogueEnd = { dialogue: string } | { statement: number } | { link: number };
export interface ImportedDialogue {
  nodes: DialogueNode[];
  edges: { from: ImportedDialogueEnd; to: ImportedDialogueEnd; where: string }[];
  locutions: DialogueLocution[];
  participants: Record<string, unknown>[];
}

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

/**
 * `from` is an index into the statements, and so is `to`, except for an undercut, whose `to` is
 * the index of the link it objects to (among the links). `where` names it in a warning.
 */
export interface ImportedLink {
  from: number;
  to: number;
  relation: Relation;
  where: string;
}

export interface ImportedMap {
  title: string;
  description: string;
  /** Statements and arguments (kind "argument"). */
  statements: readonly ImportedStatement[];
  links: readonly ImportedLink[];
  sources?: readonly Source[];
  /** What the parser already could not represent. */
  warnings?: readonly ImportWarning[];
  dialogue?: ImportedDialogue;
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
  const warnings = new WarningList();
  warnings.addAll(imported.warnings ?? []);
  const edgeOfLink = new Map<number, ArgEdge>();
  const edges = modelLinks(imported, ids, warnings, edgeOfLink);
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
  if (problem) return { ok: false, error: problem };
  const dialogue = imported.dialogue ? anchoredDialogue(imported.dialogue, doc, ids, edgeOfLink, warnings) : undefined;
  const report = reportFor(doc, warnings.list());
  if (isEmptyDialogue(dialogue)) return { ok: true, doc, report };
  report.created.dialogue = dialogue!.nodes.length;
  return { ok: true, doc, report, dialogue };
}

/** The dialogue layer anchored by id; an edge whose statement or link the map did not keep is left out, with a warning. */
function anchoredDialogue(imported: ImportedDialogue, doc: MapDoc, ids: readonly string[], edgeOfLink: ReadonlyMap<number, ArgEdge>, warnings: WarningList): DialogueLayer {
  const edges: DialogueLayer["edges"] = [];
  const endOf = (end: ImportedDialogueEnd): DialogueEnd | undefined =>
    "statement" in end ? (ids[end.statement] !== undefined ? { node: ids[end.statement]! } : undefined) : "link" in end ? (edgeOfLink.has(end.link) ? { link: edgeOfLink.get(end.link)!.id } : undefined) : end;
  for (const edge of imported.edges) {
    const from = endOf(edge.from);
    const to = endOf(edge.to);
    if (from && to) edges.push({ from, to });
    else warnings.add(edge.where, "it links the dialogue layer to a link the map does not keep; left out");
  }
  return dialogueFor({ nodes: imported.nodes, edges, locutions: imported.locutions, participants: imported.participants }, doc);
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

/**
 * The links the model can hold, with ids, in the file's order; the rest warned about. Undercuts
 * come second: they need the id of the link they aim at, which may come later in the file.
 */
function modelLinks(imported: ImportedMap, ids: readonly string[], warnings: WarningList, edgeOfLink: Map<number, ArgEdge>): ArgEdge[] {
  const { statements, links } = imported;
  const isArgumentAt = (index: number) => statements[index]?.kind === "argument";
  const nameOf = (index: number) => statements[index]?.label ?? `statement ${index + 1}`;
  const edges: ArgEdge[] = [];
  const pairs = new Map<string, ArgEdge>();
  // edgeOfLink: the edge each link of the file became (a repeated pair: the edge that pair already has).
  const add = (link: ImportedLink, to: string): ArgEdge | null => {
    const pair = `${link.from} ${to}`;
    const existing = pairs.get(pair);
    if (existing) {
      if (existing.relation !== link.relation) warnings.add(link.where, `a second link between the same two nodes (${link.relation}, the first is ${existing.relation}) is left out: the map holds one link per pair`);
      return existing;
    }
    const edge: ArgEdge = { id: `e${edges.length + 1}`, from: ids[link.from]!, to, relation: link.relation };
    edges.push(edge);
    pairs.set(pair, edge);
    return edge;
  };
  links.forEach((link, index) => {
    if (link.relation === "undercuts") return;
    if (link.from === link.to) return warnings.add(link.where, `${nameOf(link.from)} ${link.relation} itself: left out`);
    if (link.relation === "premise" && (isArgumentAt(link.from) || !isArgumentAt(link.to))) {
      return warnings.add(link.where, `a premise links a statement into an argument; this one (${nameOf(link.from)} into ${nameOf(link.to)}) is left out`);
    }
    const edge = add(link, ids[link.to]!);
    if (edge) edgeOfLink.set(index, edge);
  });
  links.forEach((link, index) => {
    if (link.relation !== "undercuts") return;
    const target = edgeOfLink.get(link.to);
    if (!target || (target.relation !== "supports" && target.relation !== "rebuts")) {
      return warnings.add(link.where, `an undercut aims at a supports or rebuts link; ${nameOf(link.from)} aims at none and is left out`);
    }
    if (target.from === ids[link.from] || target.to === ids[link.from]) {
      return warnings.add(link.where, `${nameOf(link.from)} cannot undercut a link it is an end of: left out`);
    }
    const edge = add(link, target.id);
    if (edge) edgeOfLink.set(index, edge);
  });
  return edges;
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
    // An undercut's `to` is a link, not a node: the layout places nodes by the links between nodes.
    edges: edges.filter(aimsAtNode).map((edge) => ({ from: edge.from, to: edge.to, relation: edge.relation })),
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
