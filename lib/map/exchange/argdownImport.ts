/**
 * Import from Argdown (argdown.org), read by @argdown/core (argdownParse.ts) and mapped onto the
 * structure model (docs/structure.md):
 * - each equivalence class (a statement, however often it is mentioned) → one statement node;
 *   its text is Argdown's canonical text (hard-wrapped lines joined, #tags kept in the text as
 *   Argdown keeps them), its `{…}` data may give kind, speaker, source (by title) and quote;
 * - each argument `<Title>` → an argument node; a premise–conclusion structure gives `premise`
 *   links from its premises and a `supports` link to its main conclusion (intermediary
 *   conclusions become premises of the one argument, with a warning);
 * - support / attack → supports / rebuts; strict mode's entails → supports, contrary → rebuts,
 *   contradictory → rebuts both ways (each mapping reported once, with its lines);
 * - undercuts → an undercut of the argument's conclusion link (Argdown aims it at the argument's
 *   last inference).
 * Markdown files with ```argdown blocks import the last block, or the one asked for.
 * Every error of Argdown's lexer and parser is a warning with its line; what parses is imported.
 */
import { describeZodError, sourceSchema } from "../ops";
import type { NodeKind, Relation, Source } from "../types";
import { NODE_KINDS } from "../types";
import { argdownBlock } from "./argdownBlocks";
import { lexerWorkProblem, paragraphProblem } from "./argdownCost";
import { parseArgdown, type ArgdownModel } from "./argdownParse";
import { buildImportedDoc, type ImportedLink, type ImportedStatement, type ImportResult } from "./importedDoc";
import { WarningList } from "./importReport";
import type { IArgument, IEquivalenceClass, IRelation, IStatement } from "@argdown/core";

export interface ArgdownImportOptions {
  /** For Markdown with several ```argdown blocks: which one (1-based); the last by default. */
  block?: number;
}

export async function parseArgdownImport(text: string, options: ArgdownImportOptions = {}): Promise<ImportResult> {
  const source = text.replace(/^\uFEFF/, "");
  if (!source.trim()) return refuse("invalid_op", "the file is empty");
  const block = argdownBlock(source, options.block);
  if ("error" in block) return refuse("invalid_op", block.error);
  const tooHard = lexerWorkProblem(block.text, block.lineOffset) ?? paragraphProblem(block.text, block.lineOffset);
  if (tooHard) return refuse("too_large", tooHard);
  const model = await parseArgdown(block.text, block.lineOffset);
  if ("failure" in model) return refuse("invalid_op", model.failure);
  const warnings = new WarningList();
  if (block.count > 1) {
    warnings.add(`line ${block.lineOffset}`, `this file has ${block.count} argdown blocks; block ${block.taken} is imported and the others are not`);
  }
  warnings.addAll(model.errors);
  return new ModelReader(model, block.lineOffset, warnings).read();
}

/** "line 12" for a statement, argument or relation of the block. */
function lineOf(item: { startLine?: number } | undefined, offset: number): string {
  return item?.startLine !== undefined ? `line ${item.startLine + offset}` : "the file";
}

class ModelReader {
  private readonly statements: (ImportedStatement & { sourceTitle?: string })[] = [];
  private readonly links: ImportedLink[] = [];
  private readonly indexOfClass = new Map<IEquivalenceClass, number>();
  private readonly indexOfArgument = new Map<IArgument, number>();
  /** The link from a reconstructed argument to its main conclusion, by argument title. */
  private readonly conclusionLink = new Map<string, number>();
  /** Lines of each relation type that the model holds only approximately. */
  private readonly mapped = new Map<string, string[]>();
  /** Links written as data (argdownPlan.ts): each node's data and where it is. */
  private readonly linkData: { index: number; data: Record<string, unknown>; where: string }[] = [];
  private readonly indexOfTitle = new Map<string, number>();

  constructor(
    private readonly model: ArgdownModel,
    private readonly offset: number,
    private readonly warnings: WarningList,
  ) {}

  read(): ImportResult {
    const { model } = this;
    for (const ec of Object.values(model.statements)) this.addStatement(ec);
    for (const argument of Object.values(model.arguments)) this.addArgument(argument);
    const first = model.errors[0];
    if (this.statements.length === 0 && first) return refuse("invalid_op", `${first.where}: ${first.message}`);
    for (const argument of Object.values(model.arguments)) this.addStructure(argument);
    const undercuts = model.relations.filter((relation) => relation.relationType === "undercut");
    for (const relation of model.relations) if (relation.relationType !== "undercut") this.addRelation(relation);
    for (const relation of undercuts) this.addUndercut(relation);
    this.addDataLinks();
    for (const [what, lines] of this.mapped) this.warnings.add(lines.slice(0, 20).join(", ") + (lines.length > 20 ? ", …" : ""), what.replace("%n", String(lines.length)));
    const front = this.frontMatter();
    return buildImportedDoc({
      title: front.title || model.sections[0]?.title || "",
      description: front.description,
      statements: this.statements.map((statement) => ({ ...statement, sourceId: this.sourceId(statement, front.sources) })),
      links: this.links,
      sources: front.sources,
      warnings: this.warnings.list(),
    });
  }

  private addStatement(ec: IEquivalenceClass): void {
    const canonical = canonicalMember(ec.members);
    const data = mergedData(ec.members);
    this.remember(ec.title, data, lineOf(ec.members[0], this.offset));
    this.indexOfClass.set(ec, this.statements.length);
    this.statements.push({
      label: `[${ec.title}] (${lineOf(ec.members[0], this.offset)})`,
      text: plainText(canonical?.text) || untitled(ec.title),
      ...this.nodeData(data, lineOf(ec.members[0], this.offset), false),
    });
  }

  private addArgument(argument: IArgument): void {
    const canonical = canonicalMember(argument.members);
    const data = mergedData(argument.members);
    this.remember(argument.title, data, lineOf(argument.members[0] ?? argument, this.offset));
    this.indexOfArgument.set(argument, this.statements.length);
    this.statements.push({
      label: `<${argument.title}> (${lineOf(argument.members[0] ?? argument, this.offset)})`,
      text: plainText(canonical?.text) || argument.title || "",
      ...this.nodeData(data, lineOf(argument.members[0] ?? argument, this.offset), true),
      kind: "argument",
    });
  }

  /** Premises into the argument, and the argument onto its main conclusion. */
  private addStructure(argument: IArgument): void {
    const pcs = argument.pcs ?? [];
    if (pcs.length === 0) return;
    const index = this.indexOfArgument.get(argument)!;
    const where = lineOf(pcs[0], this.offset);
    const steps = pcs.filter((statement) => statement.role === "intermediary-conclusion").length;
    if (steps > 0) {
      this.warnings.add(where, `<${argument.title}> has ${steps + 1} inference steps; they are joined into one argument, and its intermediary conclusions are among its premises`);
    }
    const premises = new Set<number>();
    for (const statement of pcs.slice(0, -1)) {
      const ec = statement.title !== undefined ? this.model.statements[statement.title] : undefined;
      const from = ec && this.indexOfClass.get(ec);
      if (from === undefined || premises.has(from)) continue;
      premises.add(from);
      this.links.push({ from, to: index, relation: "premise", where: lineOf(statement, this.offset) });
    }
    const conclusion = pcs[pcs.length - 1]!;
    const ec = conclusion.title !== undefined ? this.model.statements[conclusion.title] : undefined;
    const to = ec && this.indexOfClass.get(ec);
    if (to === undefined) return;
    if (premises.has(to)) {
      this.warnings.add(lineOf(conclusion, this.offset), `<${argument.title}> concludes one of its own premises; that conclusion link is left out`);
      return;
    }
    this.conclusionLink.set(argument.title ?? "", this.links.length);
    this.links.push({ from: index, to, relation: "supports", where: lineOf(conclusion, this.offset) });
  }

  private addRelation(relation: IRelation): void {
    const where = lineOf(relation.occurrences[0], this.offset);
    const from = this.nodeIndex(relation.from);
    const to = this.nodeIndex(relation.to);
    if (from === undefined || to === undefined) {
      this.warnings.add(where, `a ${relation.relationType} relation between ${describe(relation.from)} and ${describe(relation.to)} has no place in the map and is left out`);
      return;
    }
    const add = (relationType: Relation, a: number, b: number) => this.links.push({ from: a, to: b, relation: relationType, where });
    switch (relation.relationType) {
      case "support":
        return void add("supports", from, to);
      case "attack":
        return void add("rebuts", from, to);
      case "entails":
        this.note("%n strict entailments (+> between statements) are imported as supports", where);
        return void add("supports", from, to);
      case "contrary":
        this.note("%n contrary relations (- between statements in strict mode) are imported as rebuts from the one to the other", where);
        return void add("rebuts", from, to);
      case "contradictory":
        this.note("%n contradictions (><) are imported as two rebuts, one each way", where);
        add("rebuts", from, to);
        return void add("rebuts", to, from);
      default:
        this.warnings.add(where, `a relation of type "${relation.relationType}" is not one the map has; left out`);
    }
  }

  /** Onto the link from the argument to its conclusion, the inference Argdown's undercut aims at. */
  private addUndercut(relation: IRelation): void {
    const where = lineOf(relation.occurrences[0], this.offset);
    const from = this.nodeIndex(relation.from);
    const target = relation.to;
    let link: number | undefined;
    if (target?.type === "inference") link = this.conclusionLink.get(target.argumentTitle ?? "");
    else if (target?.type === "argument") {
      const argument = this.indexOfArgument.get(target);
      link = this.links.findIndex((candidate) => candidate.from === argument && (candidate.relation === "supports" || candidate.relation === "rebuts"));
      if (link < 0) link = undefined;
    }
    if (from === undefined) return this.warnings.add(where, `an undercut from ${describe(relation.from)} has no place in the map and is left out`);
    if (link === undefined) {
      const to = this.nodeIndex(target);
      if (to === undefined) return this.warnings.add(where, `an undercut of ${describe(target)} has no place in the map and is left out`);
      this.warnings.add(where, `${describe(target)} supports nothing, so there is no inference to undercut: imported as a rebuttal of it`);
      this.links.push({ from, to, relation: "rebuts", where });
      return;
    }
    this.links.push({ from, to: link, relation: "undercuts", where });
  }

  private remember(title: string | undefined, data: Record<string, unknown>, where: string): void {
    const index = this.statements.length;
    if (title !== undefined && !this.indexOfTitle.has(title)) this.indexOfTitle.set(title, index);
    if (["premiseOf", "supports", "rebuts", "undercuts"].some((key) => key in data)) this.linkData.push({ index, data, where });
  }

  /** `{premiseOf: [...], supports: [...], rebuts: [...], undercuts: [[from, to]]}`: titles of the other ends. */
  private addDataLinks(): void {
    const linkBetween = new Map<string, number>();
    this.links.forEach((link, index) => {
      if (link.relation === "supports" || link.relation === "rebuts") linkBetween.set(`${link.from} ${link.to}`, index);
    });
    const titles = (data: Record<string, unknown>, key: string): unknown[] => (Array.isArray(data[key]) ? (data[key] as unknown[]) : []);
    const find = (title: unknown) => (typeof title === "string" ? this.indexOfTitle.get(title) : undefined);
    const relations = [["premiseOf", "premise"], ["supports", "supports"], ["rebuts", "rebuts"]] as const;
    for (const { index, data, where } of this.linkData) {
      for (const [key, relation] of relations) {
        for (const title of titles(data, key)) {
          const to = find(title);
          if (to === undefined) this.warnings.add(where, `${key} names "${String(title)}", which is not in the file; left out`);
          else {
            if (relation !== "premise") linkBetween.set(`${index} ${to}`, this.links.length);
            this.links.push({ from: index, to, relation, where });
          }
        }
      }
    }
    // Undercuts once every link they may name is there.
    for (const { index, data, where } of this.linkData) {
      for (const pair of titles(data, "undercuts")) {
        const [from, to] = Array.isArray(pair) ? pair.map(find) : [];
        const link = from !== undefined && to !== undefined ? linkBetween.get(`${from} ${to}`) : undefined;
        if (link === undefined) this.warnings.add(where, `undercuts names a link ${JSON.stringify(pair)} that is not in the file; left out`);
        else this.links.push({ from: index, to: link, relation: "undercuts", where });
      }
    }
  }

  private nodeIndex(member: IRelation["from"]): number | undefined {
    if (member?.type === "equivalence-class") return this.indexOfClass.get(member);
    if (member?.type === "argument") return this.indexOfArgument.get(member);
    if (member?.type === "inference") return this.indexOfArgument.get(this.model.arguments[member.argumentTitle ?? ""]!);
    return undefined;
  }

  private note(what: string, where: string): void {
    const lines = this.mapped.get(what);
    if (lines) lines.push(where);
    else this.mapped.set(what, [where]);
  }

  /** Argumap's own data keys (what toArgdown writes); other keys are Argdown's or the author's and stay out of the map. */
  private nodeData(data: Record<string, unknown>, where: string, isArgument: boolean): Partial<ImportedStatement> & { sourceTitle?: string } {
    const text = (key: string) => (typeof data[key] === "string" || typeof data[key] === "number" ? String(data[key]) : undefined);
    const kind = text("kind");
    const known = kind !== undefined && (NODE_KINDS as readonly string[]).includes(kind) && (kind === "argument") === isArgument;
    if (kind !== undefined && !known) this.warnings.add(where, `kind "${kind}" is not one this node can have; its kind comes from its links`);
    return {
      kind: known ? (kind as NodeKind) : undefined,
      speaker: text("speaker"),
      quote: text("quote"),
      quotePrefix: text("quotePrefix"),
      quoteSuffix: text("quoteSuffix"),
      sourceTitle: text("source"),
    };
  }

  private sourceId(statement: { sourceTitle?: string; label: string }, sources: Source[]): string | null {
    if (statement.sourceTitle === undefined) return null;
    let source = sources.find((candidate) => candidate.title === statement.sourceTitle);
    if (!source) {
      const parsed = sourceSchema.safeParse({ id: `s${sources.length + 1}`, title: statement.sourceTitle });
      if (!parsed.success) {
        this.warnings.add(statement.label, `its source "${statement.sourceTitle.slice(0, 80)}" cannot be a source: ${describeZodError(parsed.error).message}`);
        return null;
      }
      source = parsed.data;
      sources.push(source);
    }
    return source.id;
  }

  /** title, description and a `sources:` list, as toArgdown writes them; Argdown's own `subTitle` and `abstract` also describe. */
  private frontMatter(): { title: string; description: string; sources: Source[] } {
    const front = this.model.frontMatter;
    const string = (value: unknown) => (typeof value === "string" ? value : "");
    const sources: Source[] = [];
    const list = Array.isArray(front.sources) ? front.sources : [];
    list.forEach((item: unknown, index) => {
      const fields = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
      const pick = (key: string) => (typeof fields[key] === "string" || typeof fields[key] === "number" ? String(fields[key]) : undefined);
      const parsed = sourceSchema.safeParse({ id: `s${sources.length + 1}`, title: pick("title"), publisher: pick("publisher"), author: pick("author"), date: pick("date"), url: pick("url"), text: pick("text") });
      if (parsed.success) sources.push(parsed.data);
      else this.warnings.add("front matter", `source ${index + 1} is left out: ${describeZodError(parsed.error).message}`);
    });
    return { title: string(front.title), description: string(front.description) || string(front.subTitle) || string(front.abstract), sources };
  }
}

/** The member whose text stands for the class: Argdown's rule, the last defining member (or one marked isCanonical). */
function canonicalMember(members: readonly IStatement[]): IStatement | undefined {
  let fallback: IStatement | undefined;
  for (let i = members.length - 1; i >= 0; i--) {
    const member = members[i]!;
    if (member.isReference) continue;
    if ((member.data as { isCanonical?: unknown } | undefined)?.isCanonical) return member;
    if (!fallback && member.text) fallback = member;
  }
  return fallback;
}

/** Data of all members, the first definition of a key winning. */
function mergedData(members: readonly IStatement[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const member of members) {
    const own = member.data;
    if (typeof own !== "object" || own === null) continue;
    for (const [key, value] of Object.entries(own as Record<string, unknown>)) if (!(key in data)) data[key] = value;
  }
  return data;
}

/** Argdown's text keeps one space for a line break already; trims what is left around it. */
function plainText(text: string | undefined): string {
  return (text ?? "").replace(/\s+/gu, " ").trim();
}

/** Argdown names a statement without a title "Untitled 3"; as a node's text that says nothing, but it is all there is. */
function untitled(title: string | undefined): string {
  return title ?? "";
}

function describe(member: IRelation["from"]): string {
  if (!member) return "nothing";
  if (member.type === "argument") return `<${member.title}>`;
  if (member.type === "inference") return `the inference of <${member.argumentTitle}>`;
  return `[${member.title}]`;
}

function refuse(code: "invalid_op" | "too_large", message: string): ImportResult {
  return { ok: false, error: { code, message } };
}
