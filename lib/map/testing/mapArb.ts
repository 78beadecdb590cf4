/**
 * Whole maps drawn at random (test code only), denser than op sequences tend to build: up to 16
 * nodes with a couple of links each, cycles and nodes of every kind linked every way, for
 * properties of whole-map code such as export and import. With `structure` (the default) some
 * nodes are arguments holding premises, and some links are undercut (docs/structure.md).
 */
import fc from "fast-check";
import { isReasonRelation, NODE_KINDS, RELATIONS, STATEMENT_KINDS, type ArgEdge, type ArgNode, type MapDoc, type Source } from "../types";
import { baseScoreArb, coordinateArb, NODE_POOL, shortText, SOURCE_POOL } from "./opSequences";

export function mapDocArb(text: fc.Arbitrary<string> = shortText, { structure = true } = {}): fc.Arbitrary<MapDoc> {
  const nodeArb = fc.record({
    kind: fc.constantFrom(...(structure ? NODE_KINDS : STATEMENT_KINDS)),
    text,
    speaker: fc.constantFrom("", "Condoleezza Rice", "Eddie Wu", "  Fu  Liang "),
    quote: fc.constantFrom("", "answer to Beijing", " "),
    quotePrefix: fc.constantFrom("", "its data centres ", "\n“"),
    quoteSuffix: fc.constantFrom("", ", it said.", "”\n"),
    baseScore: baseScoreArb,
    cites: fc.option(fc.nat(4), { nil: null }),
    x: coordinateArb,
    y: coordinateArb,
  });
  // Premises and undercuts come up often, so most maps hold a reason of several premises and an undercut.
  const relations = structure ? [...RELATIONS, "premise" as const, "premise" as const, "undercuts" as const] : RELATIONS.filter(isReasonRelation);
  const linkArb = fc.record({ from: fc.nat(40), to: fc.nat(40), relation: fc.constantFrom(...relations) });
  const sourceArb = fc.record({
    title: shortText.map((title) => title.trim() || "Source"),
    date: fc.constantFrom("", "2024-05-01"),
    text: fc.oneof(fc.constant(""), fc.array(text, { maxLength: 4 }).map((lines) => lines.join("\n\n"))),
  });
  return fc
    .record({
      title: shortText.map((title) => title.trim() || "Untitled map"),
      description: shortText,
      nodes: fc.array(nodeArb, { maxLength: 16, size: structure ? "medium" : undefined }),
      links: fc.array(linkArb, { maxLength: 32, size: structure ? "medium" : undefined }),
      sources: fc.array(sourceArb, { maxLength: SOURCE_POOL.length }),
    })
    .map((parts) => {
      // Pool ids first: they include Object.prototype's member names on purpose.
      const ids = parts.nodes.map((_, i) => NODE_POOL[i] ?? `n${i}`);
      const sources: Source[] = parts.sources.map((fields, i) => ({ id: SOURCE_POOL[i]!, publisher: "", author: "", url: "", ...fields }));
      const nodes: ArgNode[] = parts.nodes.map(({ cites, ...fields }, i) => ({
        id: ids[i]!,
        ...fields,
        sourceId: cites === null || sources.length === 0 ? null : sources[cites % sources.length]!.id,
      }));
      return {
        meta: { title: parts.title, description: parts.description, presentation: null },
        nodes: record(nodes),
        edges: record(linksFor(nodes, parts.links)),
        sources: record(sources),
      };
    });
}

const record = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((item) => [item.id, item]));

/** The drawn links that the structure rules allow, each pair once. */
function linksFor(nodes: ArgNode[], drawn: { from: number; to: number; relation: ArgEdge["relation"] }[]): ArgEdge[] {
  const statements = nodes.filter((node) => node.kind !== "argument");
  const argumentNodes = nodes.filter((node) => node.kind === "argument");
  const edges: ArgEdge[] = [];
  const pairs = new Set<string>();
  const pick = <T>(items: T[], n: number) => items[n % items.length];
  for (const link of nodes.length > 1 ? drawn : []) {
    let from: ArgNode | undefined;
    let to: string | undefined;
    if (link.relation === "premise") {
      from = statements.length > 0 ? pick(statements, link.from) : undefined;
      to = argumentNodes.length > 0 ? pick(argumentNodes, link.to)!.id : undefined;
    } else if (link.relation === "undercuts") {
      const target = pick(edges.filter((edge) => isReasonRelation(edge.relation)), link.to);
      from = pick(nodes, link.from);
      if (target && from && (from.id === target.from || from.id === target.to)) from = undefined;
      to = target?.id;
    } else {
      from = pick(nodes, link.from);
      to = pick(nodes, link.to)!.id;
    }
    if (!from || to === undefined || from.id === to || pairs.has(`${from.id} ${to}`)) continue;
    pairs.add(`${from.id} ${to}`);
    edges.push({ id: `e${edges.length + 1}`, from: from.id, to, relation: link.relation });
  }
  return edges;
}

/** The doc with statements and supports/rebuts links only: arguments become claims, premises and undercuts go. */
export function statementsOnly(doc: MapDoc): MapDoc {
  const nodes = Object.values(doc.nodes).map((node) => (node.kind === "argument" ? { ...node, kind: "claim" as const } : node));
  const edges = Object.values(doc.edges).filter((edge) => isReasonRelation(edge.relation));
  return { ...doc, nodes: record(nodes), edges: record(edges) };
}
