/**
 * A fast-check generator of single ops of every schema-valid shape, with no regard for the doc
 * they will meet (test code only): for "never throws" and "invariants hold" properties.
 */
import fc from "fast-check";
import type { Op } from "../ops";
import { NODE_KINDS, RELATIONS } from "../types";
import { baseScoreArb, coordinateArb, EDGE_POOL, NODE_POOL, shortText, SOURCE_POOL } from "./opSequences";

/** Text with lone UTF-16 surrogates in it now and then (a high half alone, a low half alone). */
export const textWithLoneSurrogates: fc.Arbitrary<string> = fc.oneof(
  shortText,
  fc.tuple(shortText, fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"), shortText).map(([before, half, after]) => `${before}${half}${after}`),
);

/**
 * Any op of a schema-valid shape, with no regard for the doc it meets: ids from the pools
 * (likely to exist) or random ones (likely not), patches with any subset of their fields.
 */
export function anyOpArb({ text = shortText }: { text?: fc.Arbitrary<string> } = {}): fc.Arbitrary<Op> {
  const shortText = text;
  const id = (pool: string[]) => fc.oneof(fc.constantFrom(...pool), fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/));
  const nodeId = id(NODE_POOL);
  const edgeId = id(EDGE_POOL);
  const sourceId = id(SOURCE_POOL);
  const kind = fc.constantFrom(...NODE_KINDS);
  const relation = fc.constantFrom(...RELATIONS);
  const date = fc.constantFrom("", "2024-05-01");
  const title = shortText.map((text) => text.trim() || "Title");
  const someOf = <T extends object>(patch: fc.Arbitrary<T>, fallback: T) =>
    patch.map((value) => (Object.keys(value).length > 0 ? value : fallback));
  const node = fc.record({
    id: nodeId,
    kind,
    text: shortText,
    speaker: shortText,
    sourceId: fc.option(sourceId, { nil: null }),
    quote: shortText,
    quotePrefix: shortText,
    quoteSuffix: shortText,
    baseScore: baseScoreArb,
    x: coordinateArb,
    y: coordinateArb,
  });
  const source = fc.record({ id: sourceId, title, publisher: shortText, author: shortText, date, url: shortText, text: shortText });
  const move = fc.record({ id: nodeId, x: coordinateArb, y: coordinateArb });
  const nodePatch = fc.record(
    { text: shortText, kind, speaker: shortText, sourceId: fc.option(sourceId, { nil: null }), quote: shortText, quotePrefix: shortText, quoteSuffix: shortText, baseScore: baseScoreArb },
    { requiredKeys: [] },
  );
  const sourcePatch = fc.record(
    { title, publisher: shortText, author: shortText, date, url: shortText, text: shortText },
    { requiredKeys: [] },
  );
  const mapPatch = fc.record({ title, description: shortText }, { requiredKeys: [] });
  return fc.oneof(
    fc.record({ type: fc.constant("addNode" as const), node }),
    fc.record({ type: fc.constant("updateNode" as const), id: nodeId, patch: someOf(nodePatch, { text: "t" }) }),
    fc.record({ type: fc.constant("moveNodes" as const), moves: fc.array(move, { minLength: 1, maxLength: 4 }) }),
    fc.record({ type: fc.constant("deleteNodes" as const), ids: fc.array(nodeId, { minLength: 1, maxLength: 4 }) }),
    fc.record({
      type: fc.constant("addEdge" as const),
      edge: fc.record({ id: edgeId, from: nodeId, to: nodeId, relation }),
    }),
    fc.record({ type: fc.constant("updateEdge" as const), id: edgeId, patch: fc.record({ relation }) }),
    fc.record({ type: fc.constant("deleteEdge" as const), id: edgeId }),
    fc.record({ type: fc.constant("addSource" as const), source }),
    fc.record({ type: fc.constant("updateSource" as const), id: sourceId, patch: someOf(sourcePatch, { title: "T" }) }),
    fc.record({ type: fc.constant("deleteSource" as const), id: sourceId }),
    fc.record({ type: fc.constant("updateMap" as const), patch: someOf(mapPatch, { title: "T" }) }),
  );
}
