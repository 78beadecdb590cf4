/**
 * Whole maps drawn at random (test code only), denser than op sequences tend to build: up to 16
 * nodes with a couple of links each, cycles and nodes of every kind linked every way, for
 * properties of whole-map code such as export and import.
 */
import fc from "fast-check";
import { NODE_KINDS, RELATIONS, type ArgEdge, type ArgNode, type MapDoc, type Source } from "../types";
import { baseScoreArb, coordinateArb, NODE_POOL, shortText, SOURCE_POOL } from "./opSequences";

export function mapDocArb(text: fc.Arbitrary<string> = shortText): fc.Arbitrary<MapDoc> {
  const nodeArb = fc.record({
    kind: fc.constantFrom(...NODE_KINDS),
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
  const linkArb = fc.record({ from: fc.nat(40), to: fc.nat(40), relation: fc.constantFrom(...RELATIONS) });
  const sourceArb = fc.record({
    title: shortText.map((title) => title.trim() || "Source"),
    date: fc.constantFrom("", "2024-05-01"),
    text: fc.oneof(fc.constant(""), fc.array(text, { maxLength: 4 }).map((lines) => lines.join("\n\n"))),
  });
  return fc
    .record({
      title: shortText.map((title) => title.trim() || "Untitled map"),
      description: shortText,
      nodes: fc.array(nodeArb, { maxLength: 16 }),
      links: fc.array(linkArb, { maxLength: 32 }),
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
      const edges: ArgEdge[] = [];
      const pairs = new Set<string>();
      for (const link of nodes.length > 1 ? parts.links : []) {
        const from = ids[link.from % ids.length]!;
        const to = ids[link.to % ids.length]!;
        if (from === to || pairs.has(`${from} ${to}`)) continue;
        pairs.add(`${from} ${to}`);
        edges.push({ id: `e${edges.length + 1}`, from, to, relation: link.relation });
      }
      const record = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((item) => [item.id, item]));
      return {
        meta: { title: parts.title, description: parts.description, presentation: null },
        nodes: record(nodes),
        edges: record(edges),
        sources: record(sources),
      };
    });
}
