/**
 * Reading AIF (see aif.ts for the mapping) into the structure model:
 * - I-nodes → statements (kinds, positions, sources and quotes from our `argumap` member, else
 *   inferred; positions from OVA's layout otherwise);
 * - an RA or CA with one premise → a supports or rebuts link to each conclusion; with several
 *   premises (a linked argument) → an argument node holding them as premises, linked to each
 *   conclusion; the scheme nodes our export marks as one argument become that one argument;
 * - a CA aimed at a scheme node (CA → RA, an undercut) → an undercut of that scheme's link;
 * - an MA (rephrase) → a supports link, with a warning: the map has no rephrase;
 * - the dialogue layer (L, YA, TA nodes, locutions, participants) gives the speakers ("Name :
 *   text", "Name: text", or the locution's participant), and is kept beside the map as the file
 *   has it, anchored to the statements and links its edges reach (aifDialogue.ts), so an AIF
 *   export gives it back.
 * Every scheme node that cannot be represented gets a warning naming it. Links are counted as
 * they are made, so a file that would make more than a map holds stops at the limit.
 */
import { LIMITS } from "../limits";
import type { OpError } from "../ops";
import { sourceSchema } from "../ops";
import { entryOf } from "../records";
import type { NodeKind, Relation, Source } from "../types";
import { readDialogue } from "./aifDialogue";
import { aifSchema, describeIssue, isObject, ovaPositions, type Aif, type AifExtra } from "./aifSchema";
import { DIALOGUE_TYPES as DIALOGUE, participantName, speakerInText } from "./dialogue";
import { buildImportedDoc, type ImportedLink, type ImportedStatement, type ImportResult } from "./importedDoc";
import { WarningList } from "./importReport";

// Far more than a map's limits allow (an I-node, a scheme node per link, L and YA per speaker),
// so a sound file always passes; a larger one is refused before zod reads every item.
const MAX_AIF_ITEMS = 100_000;
const SCHEMES = new Set(["RA", "CA", "MA"]);

export { speakerInText };

/** Whether a parsed JSON value is AIF rather than Argumap's own JSON (which says `format`). */
export function looksLikeAif(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isObject(value.AIF) || isObject(value.aif)) return true;
  if ("format" in value || !Array.isArray(value.nodes)) return false;
  const has = (list: unknown, key: string) => Array.isArray(list) && list.some((item) => isObject(item) && key in item);
  return "locutions" in value || has(value.nodes, "nodeID") || has(value.edges, "fromID");
}

/** Reads AIF JSON (bare, or as OVA saves it) into a doc and a report, or says what is wrong. Never throws. */
export function parseAifImport(input: unknown): ImportResult {
  if (typeof input === "string") {
    try {
      input = JSON.parse(input) as unknown;
    } catch {
      return failure("invalid_op", "this is not valid JSON");
    }
  }
  if (!isObject(input)) return failure("invalid_op", "expected AIF JSON: an object with nodes, edges and locutions");
  const wrapped = input.AIF ?? input.aif;
  const raw = isObject(wrapped) ? wrapped : input;
  for (const list of ["nodes", "edges", "locutions", "participants"] as const) {
    const items = raw[list];
    if (Array.isArray(items) && items.length > MAX_AIF_ITEMS) return failure("too_large", `this AIF file has ${items.length} ${list}; at most ${MAX_AIF_ITEMS} can be read`);
  }
  const parsed = aifSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error, raw) };
  const aif = parsed.data;
  const seen = new Set<string>();
  for (const { nodeID } of aif.nodes) {
    if (seen.has(nodeID)) return failure("conflict", `two AIF nodes have the nodeID "${nodeID}"`);
    seen.add(nodeID);
  }
  for (const [index, edge] of aif.edges.entries()) {
    for (const end of [edge.fromID, edge.toID]) {
      if (!seen.has(end)) return failure("not_found", `AIF edge ${index + 1} points to node "${end}", which is not in the file`);
    }
  }
  if (aif.nodes.length > 0 && !aif.nodes.some((node) => node.type === "I")) return failure("invalid_op", "this AIF file has no I-nodes (statements) to import");
  const positions = ovaPositions(input.OVA ?? input.ova);
  try {
    const list = (name: string) => raw[name] as Record<string, unknown>[] | undefined;
    return new AifReader(aif, positions, { nodes: list("nodes")!, locutions: list("locutions") ?? [], participants: list("participants") ?? [] }).read();
  } catch (error) {
    if (error instanceof TooManyLinks) return failure("too_large", error.message);
    throw error;
  }
}

class TooManyLinks extends Error {}

type Node = Aif["nodes"][number];

class AifReader {
  private readonly statements: (ImportedStatement & { sourceKey?: string })[] = [];
  private readonly links: ImportedLink[] = [];
  private readonly warnings = new WarningList();
  private readonly byId = new Map<string, Node>();
  private readonly into = new Map<string, string[]>();
  private readonly outOf = new Map<string, string[]>();
  private readonly indexOfNode = new Map<string, number>();
  /** The link a scheme node became (an undercut aimed at the scheme node undercuts it). */
  private readonly linkOfScheme = new Map<string, number>();
  private readonly argumentOfKey = new Map<string, number>();
  private readonly premisesOfArgument = new Map<number, Set<number>>();
  private readonly pendingUndercuts: { scheme: Node; from: number; target: string }[] = [];
  private readonly extension: NonNullable<Aif["argumap"]> | undefined;
  /** Undercuts by their CA-node too: a dialogue edge may anchor to one. */
  private readonly undercutOfScheme = new Map<string, number>();

  constructor(
    private readonly aif: Aif,
    private readonly positions: ReadonlyMap<string, { x: number; y: number }>,
    /** The file's own items, every field, for the dialogue layer (zod checked their shape, in the same order). */
    private readonly raw: Record<"nodes" | "locutions" | "participants", readonly Record<string, unknown>[]>,
  ) {
    const version = aif.argumap?.version;
    this.extension = version === undefined || version === 1 || version === 2 ? aif.argumap : undefined;
    for (const node of aif.nodes) this.byId.set(node.nodeID, node);
    for (const edge of aif.edges) {
      push(this.into, edge.toID, edge.fromID);
      push(this.outOf, edge.fromID, edge.toID);
    }
  }

  read(): ImportResult {
    const speakers = this.speakers();
    for (const node of this.aif.nodes) {
      if (node.type !== "I") continue;
      const extra = this.extension?.nodes ? entryOf(this.extension.nodes, node.nodeID) : undefined;
      this.addNode(node.nodeID, `I-node "${node.nodeID}"`, node.text ?? "", extra, speakers.get(node.nodeID), extra?.kind);
    }
    for (const node of this.aif.nodes) if (SCHEMES.has(node.type)) this.addScheme(node);
    for (const undercut of this.pendingUndercuts) this.addUndercut(undercut);
    this.noteLeftOut();
    const dialogue = readDialogue({
      rawNodes: this.raw.nodes,
      rawLocutions: this.raw.locutions,
      rawParticipants: this.raw.participants,
      edges: this.aif.edges,
      typeOf: (id) => this.byId.get(id)?.type,
      statementOf: (id) => (this.byId.get(id)?.type === "I" ? this.indexOfNode.get(id) : undefined),
      linkOfScheme: (id) => this.linkOfScheme.get(id) ?? this.undercutOfScheme.get(id),
      warn: (where, message) => this.warnings.add(where, message),
    });
    const sources = this.sources();
    return buildImportedDoc({
      title: this.extension?.title ?? "",
      description: this.extension?.description ?? "",
      statements: this.statements.map((statement) => ({ ...statement, sourceId: this.sourceIdOf(statement, sources) })),
      links: this.links,
      sources,
      warnings: this.warnings.list(),
      dialogue,
    });
  }

  private addNode(key: string, label: string, text: string, extra: AifExtra | undefined, speaker: string | undefined, kind: NodeKind | undefined): number {
    const index = this.statements.length;
    const position = extra?.x !== undefined && extra.y !== undefined ? { x: extra.x, y: extra.y } : this.positions.get(key);
    this.statements.push({
      label,
      text,
      kind,
      speaker: speaker ?? extra?.speaker,
      position,
      quote: extra?.quote,
      quotePrefix: extra?.quotePrefix,
      quoteSuffix: extra?.quoteSuffix,
      sourceKey: extra?.sourceId,
    });
    this.indexOfNode.set(key, index);
    return index;
  }

  private link(from: number, to: number, relation: Relation, scheme: Node): number {
    const index = this.links.length;
    this.links.push({ from, to, relation, where: `AIF ${scheme.type}-node "${scheme.nodeID}"` });
    if (this.links.length > LIMITS.edgesPerMap) {
      throw new TooManyLinks(`a map holds at most ${LIMITS.edgesPerMap} links; this file has more by scheme node "${scheme.nodeID}"`);
    }
    return index;
  }

  private addScheme(scheme: Node): void {
    const where = `AIF ${scheme.type}-node "${scheme.nodeID}"`;
    const ins = this.into.get(scheme.nodeID) ?? [];
    const outs = this.outOf.get(scheme.nodeID) ?? [];
    const premises = unique(ins.filter((id) => this.byId.get(id)?.type === "I").map((id) => this.indexOfNode.get(id)!));
    const conclusions = unique(outs.filter((id) => this.byId.get(id)?.type === "I").map((id) => this.indexOfNode.get(id)!));
    const aimedAt = outs.filter((id) => SCHEMES.has(this.byId.get(id)?.type ?? ""));
    if (premises.length === 0) return this.warnings.add(where, "a scheme node without a premise (an I-node into it) has no place in the map; left out");
    if (conclusions.length === 0 && aimedAt.length === 0) return this.warnings.add(where, "a scheme node without a conclusion has no place in the map; its premises are imported unconnected");
    const tag = this.extension?.schemes ? entryOf(this.extension.schemes, scheme.nodeID) : undefined;
    const relation: Relation = scheme.type === "CA" ? "rebuts" : "supports";
    if (tag?.premise) {
      for (const to of conclusions) for (const from of premises) this.link(from, to, "premise", scheme);
      return;
    }
    if (scheme.type === "MA") {
      this.warnings.add(where, "a rephrase (MA) has no place of its own in the map: imported as a support of what it rephrases");
    }
    const argument = tag?.argument !== undefined ? this.argumentFor(tag.argument, scheme) : premises.length > 1 && scheme.type !== "MA" ? this.newArgument(scheme) : undefined;
    if (argument !== undefined) {
      const held = this.premisesOfArgument.get(argument)!;
      for (const premise of premises) {
        if (held.has(premise)) continue;
        held.add(premise);
        this.link(premise, argument, "premise", scheme);
      }
    }
    const sources = argument !== undefined ? [argument] : premises;
    conclusions.forEach((to) => {
      for (const from of sources) {
        const index = this.link(from, to, relation, scheme);
        if (!this.linkOfScheme.has(scheme.nodeID)) this.linkOfScheme.set(scheme.nodeID, index);
      }
    });
    for (const target of aimedAt) for (const from of sources) this.pendingUndercuts.push({ scheme, from, target });
  }

  /** An argument our export wrote as scheme nodes, made once for all of them. */
  private argumentFor(key: string, scheme: Node): number {
    const existing = this.argumentOfKey.get(key);
    if (existing !== undefined) return existing;
    const extra = this.extension?.arguments ? entryOf(this.extension.arguments, key) : undefined;
    const index = this.addNode(scheme.nodeID, `argument of AIF node "${scheme.nodeID}"`, extra?.text ?? scheme.text ?? "", extra, undefined, "argument");
    this.argumentOfKey.set(key, index);
    this.premisesOfArgument.set(index, new Set());
    return index;
  }

  /** A linked argument from another tool: its scheme's name (e.g. "Argument From Expert Opinion") is its text. */
  private newArgument(scheme: Node): number {
    const index = this.addNode(scheme.nodeID, `AIF ${scheme.type}-node "${scheme.nodeID}"`, scheme.text?.trim() || "Linked argument", undefined, undefined, "argument");
    this.premisesOfArgument.set(index, new Set());
    return index;
  }

  private addUndercut({ scheme, from, target }: { scheme: Node; from: number; target: string }): void {
    const where = `AIF ${scheme.type}-node "${scheme.nodeID}"`;
    const targetType = this.byId.get(target)?.type;
    if (scheme.type !== "CA") {
      return this.warnings.add(where, `a ${scheme.type} aimed at the ${targetType}-node "${target}" (a reason for an inference) has no place in the map; left out`);
    }
    const link = this.linkOfScheme.get(target);
    if (link === undefined) return this.warnings.add(where, `it undercuts the ${targetType}-node "${target}", which is not imported as a link; left out`);
    if (!this.undercutOfScheme.has(scheme.nodeID)) this.undercutOfScheme.set(scheme.nodeID, this.links.length);
    this.links.push({ from, to: link, relation: "undercuts", where });
  }

  /** One line per kind of node the map does not keep. */
  private noteLeftOut(): void {
    const counts = new Map<string, number>();
    for (const node of this.aif.nodes) {
      if (node.type === "I" || SCHEMES.has(node.type) || DIALOGUE.has(node.type)) continue;
      counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
    }
    for (const [type, count] of counts) {
      const ids = this.aif.nodes.filter((node) => node.type === type).slice(0, 10).map((node) => `"${node.nodeID}"`);
      this.warnings.add(`AIF ${type}-nodes ${ids.join(", ")}${count > 10 ? ", …" : ""}`, `${count} node${count === 1 ? "" : "s"} of type ${type} have no place in the map; left out`);
    }
  }

  /** The speaker of each I-node a locution asserts (L → YA → I): its participant, or the name before ":" in its text. */
  private speakers(): Map<string, string> {
    const people = new Map(this.aif.participants.map((person) => [person.participantID, participantName(person)]));
    const personOfLocution = new Map(this.aif.locutions.map((locution) => [locution.nodeID, locution.personID]));
    const speakers = new Map<string, string>();
    for (const node of this.aif.nodes) {
      if (node.type !== "YA") continue;
      const locution = (this.into.get(node.nodeID) ?? []).map((id) => this.byId.get(id)).find((from) => from?.type === "L");
      if (!locution) continue;
      const personID = personOfLocution.get(locution.nodeID);
      const name = (personID != null ? people.get(personID) : undefined) || speakerInText(locution.text ?? "");
      if (!name) continue;
      const targets = this.outOf.get(node.nodeID) ?? [];
      for (const to of targets) {
        if (this.byId.get(to)?.type === "I" && !speakers.has(to)) speakers.set(to, name);
      }
    }
    return speakers;
  }

  private sources(): Source[] {
    const sources: Source[] = [];
    (this.extension?.sources ?? []).forEach((item, index) => {
      const parsed = sourceSchema.safeParse(item);
      if (parsed.success && !sources.some((source) => source.id === parsed.data.id)) sources.push(parsed.data);
      else this.warnings.add(`argumap source ${index + 1}`, "not a source this map can hold; left out");
    });
    return sources;
  }

  private sourceIdOf(statement: { sourceKey?: string; label: string }, sources: readonly Source[]): string | null {
    if (statement.sourceKey === undefined) return null;
    if (sources.some((source) => source.id === statement.sourceKey)) return statement.sourceKey;
    this.warnings.add(statement.label, `its source "${statement.sourceKey}" is not in the file; the statement is kept without it`);
    return null;
  }
}

function unique(values: number[]): number[] {
  return [...new Set(values)];
}

function push(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function failure(code: OpError["code"], message: string): ImportResult {
  return { ok: false, error: { code, message } };
}
