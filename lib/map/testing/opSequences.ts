/**
 * fast-check generators of op sequences for the property tests of lib/map (test code only).
 *
 * A sequence is generated as *seeds* and each seed becomes an op against the doc as it is at
 * that point: most ops refer to ids that exist, a "stray" one picks from a small fixed pool and
 * may hit a missing or taken id. Shrinking works on the seeds, so a failure shrinks to a short
 * sequence. The pools include names of Object.prototype members on purpose.
 */
import fc from "fast-check";
import { applyOp, type ApplyResult } from "../apply";
import type { Op, OpType } from "../ops";
import { NODE_KINDS, RELATIONS, type MapDoc, type NodeKind, type Relation } from "../types";

export const NODE_POOL = ["n1", "n2", "n3", "n4", "n5", "n6", "constructor", "__proto__"];
export const EDGE_POOL = ["e1", "e2", "e3", "e4", "e5", "e6", "toString", "hasOwnProperty"];
export const SOURCE_POOL = ["s1", "s2", "s3", "valueOf", "__proto__"];

export interface OpSeed {
  type: OpType;
  picks: [number, number, number];
  stray: boolean;
  strayPick: number;
  kind: NodeKind;
  relation: Relation;
  text: string;
  speaker: string;
  quote: string;
  title: string;
  date: string;
  x: number;
  y: number;
  baseScore: number | null;
  /** Bits choosing the fields of a patch, and how many ids a move or delete names. */
  mask: number;
  withSource: boolean;
}

// Adds come up more often than the rest, so sequences build maps worth editing.
const SEED_TYPES: OpType[] = [
  ...(["addNode", "addNode", "addNode", "addEdge", "addEdge", "addEdge", "addSource"] as const),
  ...(["updateNode", "moveNodes", "deleteNodes", "updateEdge", "deleteEdge"] as const),
  ...(["updateSource", "deleteSource", "updateMap"] as const),
];

/** Finite coordinates without -0, which JSON cannot carry. */
export const coordinateArb = fc
  .oneof(fc.integer({ min: -2_000, max: 2_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }))
  .map((value) => (value === 0 ? 0 : value));

export const shortText = fc.string({ maxLength: 16 });

/** A node's base score: mostly the default (null), else anywhere in 0..1, ends included; never -0. */
export const baseScoreArb = fc.option(
  fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })).map((value) => (value === 0 ? 0 : value)),
  { nil: null, freq: 2 },
);

export const opSeedArb: fc.Arbitrary<OpSeed> = fc.record({
  type: fc.constantFrom(...SEED_TYPES),
  picks: fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)),
  stray: fc.nat(5).map((n) => n === 0),
  strayPick: fc.nat(20),
  kind: fc.constantFrom(...NODE_KINDS),
  relation: fc.constantFrom(...RELATIONS),
  text: shortText,
  speaker: fc.constantFrom("", "Condoleezza Rice", "Eddie Wu"),
  quote: shortText,
  title: shortText.map((title) => title.trim() || "Title"),
  date: fc.constantFrom("", "2024-05-01", "1999-12-31"),
  x: coordinateArb,
  y: coordinateArb,
  baseScore: baseScoreArb,
  mask: fc.nat(127),
  withSource: fc.boolean(),
});

export const opSeedsArb = fc.array(opSeedArb, { maxLength: 40, size: "medium" });

export function opFromSeed(doc: MapDoc, seed: OpSeed): Op {
  const node = (i: 0 | 1 | 2) => existingId(doc.nodes, NODE_POOL, seed, i);
  const edge = () => existingId(doc.edges, EDGE_POOL, seed, 0);
  const source = () => existingId(doc.sources, SOURCE_POOL, seed, 2);
  const on = (bit: number) => (seed.mask & (1 << bit)) !== 0;
  const count = 1 + (seed.mask % 3);
  // Citing a source when there is none would only ever be rejected; leave that to stray seeds.
  const cites = seed.withSource && (seed.stray || Object.keys(doc.sources).length > 0);
  switch (seed.type) {
    case "addNode":
      return {
        type: "addNode",
        node: {
          id: freshId(doc.nodes, NODE_POOL, "n", seed),
          kind: seed.kind,
          text: seed.text,
          speaker: seed.speaker,
          sourceId: cites ? source() : null,
          quote: seed.quote,
          quotePrefix: on(5) ? seed.text : "",
          quoteSuffix: on(5) ? seed.speaker : "",
          baseScore: seed.baseScore,
          x: seed.x,
          y: seed.y,
        },
      };
    case "updateNode": {
      const patch = {
        ...(on(0) ? { text: seed.text } : {}),
        ...(on(1) ? { kind: seed.kind } : {}),
        ...(on(2) ? { speaker: seed.speaker } : {}),
        ...(on(3) ? { sourceId: cites ? source() : null } : {}),
        ...(on(4) ? { quote: seed.quote } : {}),
        ...(on(5) ? { quotePrefix: seed.title, quoteSuffix: seed.text } : {}),
        ...(on(6) ? { baseScore: seed.baseScore } : {}),
      };
      return { type: "updateNode", id: premiseEnd(doc, seed) ?? node(0), patch: Object.keys(patch).length > 0 ? patch : { text: seed.text } };
    }
    case "moveNodes":
      return {
        type: "moveNodes",
        moves: ([0, 1, 2] as const)
          .slice(0, count)
          .map((i) => ({ id: node(i), x: towardZero(seed.x, i), y: towardZero(seed.y, i) })),
      };
    case "deleteNodes":
      return { type: "deleteNodes", ids: ([0, 1, 2] as const).slice(0, count).map(node) };
    case "addEdge": {
      // An undercut aims at a link, a premise most often at an argument (else it is refused).
      const to = seed.relation === "undercuts" ? edge() : seed.relation === "premise" ? argumentTarget(doc, seed) : linkTarget(doc, seed);
      return { type: "addEdge", edge: { id: freshId(doc.edges, EDGE_POOL, "e", seed), from: node(0), to, relation: seed.relation } };
    }
    case "updateEdge":
      return { type: "updateEdge", id: edge(), patch: { relation: seed.relation } };
    case "deleteEdge":
      return { type: "deleteEdge", id: edge() };
    case "addSource":
      return {
        type: "addSource",
        source: {
          id: freshId(doc.sources, SOURCE_POOL, "s", seed),
          title: seed.title,
          publisher: seed.speaker,
          author: seed.speaker,
          date: seed.date,
          url: on(0) ? "https://example.org/a?b=c" : "",
          text: seed.quote,
        },
      };
    case "updateSource": {
      const patch = {
        ...(on(0) ? { title: seed.title } : {}),
        ...(on(1) ? { publisher: seed.text } : {}),
        ...(on(2) ? { author: seed.speaker } : {}),
        ...(on(3) ? { date: seed.date } : {}),
        ...(on(4) ? { url: seed.text } : {}),
        ...(on(5) ? { text: seed.quote } : {}),
      };
      return { type: "updateSource", id: source(), patch: Object.keys(patch).length > 0 ? patch : { title: seed.title } };
    }
    case "deleteSource":
      return { type: "deleteSource", id: source() };
    case "updateMap":
      return {
        type: "updateMap",
        patch: on(0) ? { title: seed.title } : on(1) ? { description: seed.text } : { title: seed.title, description: seed.quote },
      };
  }
}

/** Another node than node(0) most of the time; the same one now and then, to test self-links. */
function linkTarget(doc: MapDoc, seed: OpSeed): string {
  const ids = Object.keys(doc.nodes);
  if (seed.stray || ids.length < 2 || seed.picks[1] % 8 === 0) return existingId(doc.nodes, NODE_POOL, seed, 1);
  const from = seed.picks[0] % ids.length;
  return ids[(from + 1 + (seed.picks[1] % (ids.length - 1))) % ids.length] ?? "missing";
}

/** An argument node when there is one (and the seed is not stray), else any node. */
function argumentTarget(doc: MapDoc, seed: OpSeed): string {
  const argumentIds = Object.values(doc.nodes).filter((node) => node.kind === "argument").map((node) => node.id);
  if (seed.stray || argumentIds.length === 0 || seed.picks[1] % 8 === 0) return linkTarget(doc, seed);
  return argumentIds[seed.picks[1] % argumentIds.length]!;
}

/**
 * Now and then an end of a premise link, so that kind changes meet the premise rules (an argument
 * with premises stays one, a premise stays a statement); random picks reach them too rarely.
 */
function premiseEnd(doc: MapDoc, seed: OpSeed): string | undefined {
  if (seed.stray || seed.picks[2] % 3 !== 0) return undefined;
  const premises = Object.values(doc.edges).filter((edge) => edge.relation === "premise");
  const premise = premises[seed.picks[1] % Math.max(premises.length, 1)];
  return premise && (seed.picks[0] % 2 === 0 ? premise.from : premise.to);
}

/** Spreads several moves apart while staying inside the coordinate limits (and off -0). */
function towardZero(value: number, by: number): number {
  return value - Math.sign(value) * Math.min(by, Math.abs(value)) || 0;
}

/** An id that exists, unless the seed is stray or there is none: then one from the pool. */
function existingId(record: Record<string, unknown>, pool: string[], seed: OpSeed, i: 0 | 1 | 2): string {
  const ids = Object.keys(record);
  if (seed.stray || ids.length === 0) return pool[(seed.strayPick + i) % pool.length] ?? "missing";
  return ids[seed.picks[i] % ids.length] ?? "missing";
}

/** An id not yet in the record, unless the seed is stray: then a pool id that may be taken. */
function freshId(record: Record<string, unknown>, pool: string[], prefix: string, seed: OpSeed): string {
  if (seed.stray) return pool[seed.strayPick % pool.length] ?? "missing";
  for (let i = 0; i < pool.length; i++) {
    const id = pool[(seed.strayPick + i) % pool.length];
    if (id !== undefined && !Object.hasOwn(record, id)) return id;
  }
  let n = pool.length + 1;
  while (Object.hasOwn(record, `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export interface Step {
  before: MapDoc;
  op: Op;
  result: ApplyResult;
}

/** Plays seeds from `start`, each against the doc left by the ones before; rejected ops change nothing. */
export function playSeeds(start: MapDoc, seeds: readonly OpSeed[]): { steps: Step[]; end: MapDoc } {
  const steps: Step[] = [];
  let doc = start;
  for (const seed of seeds) {
    const op = opFromSeed(doc, seed);
    const result = applyOp(doc, op);
    steps.push({ before: doc, op, result });
    if (result.ok) doc = result.doc;
  }
  return { steps, end: doc };
}
