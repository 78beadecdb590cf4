/**
 * Random maps for the evaluation's property tests (test code only): statements and arguments with
 * or without base scores, linked by supports, rebuts, premise and undercuts as the structure model
 * allows (premises are statements pointing into arguments; an undercut aims at a supports or rebuts
 * link and not from either of its ends). Self-attacks, which the model refuses but the evaluation
 * accepts, are allowed when asked for. `acyclic` orders nodes so every dependency points to an
 * earlier one.
 */
import fc from "fast-check";
import type { Assumption, EvaluatedLink, EvaluatedMap, EvaluatedNode } from "../evaluation/input";
import { mapOf } from "./evaluationReference";

export interface EvaluationArbOptions {
  maxNodes?: number;
  maxLinks?: number;
  acyclic?: boolean;
  selfAttacks?: boolean;
}

export function evaluationMapArb({ maxNodes = 6, maxLinks = 10, acyclic = false, selfAttacks = false }: EvaluationArbOptions = {}): fc.Arbitrary<EvaluatedMap> {
  const nodeArb = fc.record({
    argument: fc.boolean(),
    baseScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  });
  const linkArb = fc.record({
    from: fc.nat(64),
    to: fc.nat(64),
    relation: fc.constantFrom("supports", "rebuts", "rebuts", "premise", "undercuts"),
  });
  return fc.record({ nodes: fc.array(nodeArb, { minLength: 1, maxLength: maxNodes }), links: fc.array(linkArb, { maxLength: maxLinks }) }).map((parts) => {
    const nodes: EvaluatedNode[] = parts.nodes.map((node, i) => ({ id: `n${i}`, kind: node.argument ? "argument" : "claim", baseScore: node.baseScore }));
    const links: EvaluatedLink[] = [];
    const pairs = new Set<string>();
    const count = nodes.length;
    for (const raw of parts.links) {
      let from = raw.from % count;
      let to = raw.to % count;
      if (raw.relation === "undercuts") {
        const targets = links.filter((l) => l.relation === "supports" || l.relation === "rebuts");
        if (targets.length === 0) continue;
        const target = targets[raw.to % targets.length]!;
        const [source, end] = [`n${from}`, target.to];
        if (source === target.from || source === end) continue;
        if (acyclic && from <= Number(end.slice(1))) continue;
        if (pairs.has(`${source} ${target.id}`)) continue;
        pairs.add(`${source} ${target.id}`);
        links.push({ id: `u${links.length}`, from: source, to: target.id, relation: "undercuts" });
        continue;
      }
      if (acyclic && from < to) [from, to] = [to, from];
      if (from === to && (acyclic || !selfAttacks || raw.relation !== "rebuts")) continue;
      if (raw.relation === "premise" && (nodes[to]!.kind !== "argument" || nodes[from]!.kind === "argument")) continue;
      if (pairs.has(`n${from} n${to}`)) continue;
      pairs.add(`n${from} n${to}`);
      links.push({ id: `l${links.length}`, from: `n${from}`, to: `n${to}`, relation: raw.relation as EvaluatedLink["relation"] });
    }
    return mapOf(nodes, links);
  });
}

/** Some of the map's nodes accepted as given or rejected. */
export function assumptionsArb(map: EvaluatedMap): fc.Arbitrary<Map<string, Assumption>> {
  const ids = Object.keys(map.nodes);
  return fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom<Assumption>("accept", "reject")), { maxLength: 2 }).map((pairs) => new Map(pairs));
}
