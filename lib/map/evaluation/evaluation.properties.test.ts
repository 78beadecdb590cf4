import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assumptionsArb, evaluationMapArb } from "../testing/evaluationArb";
import { squashDiffs, type DocDiff } from "../diff";
import { opSeedsArb, playSeeds } from "../testing/opSequences";
import { emptyDoc } from "../types";
import { bruteForceGrounded, completeLabellings, referenceDfQuad } from "../testing/evaluationReference";
import { Evaluator } from "./evaluator";
import type { Assumption, EvaluatedMap } from "./input";
import { combine, TOLERANCE } from "./strength";

function evaluated(map: EvaluatedMap, assumptions?: ReadonlyMap<string, Assumption>): Evaluator {
  const evaluator = new Evaluator();
  if (assumptions) evaluator.setAssumptions(assumptions);
  evaluator.update(map);
  return evaluator;
}

const labelsOf = (evaluator: Evaluator, map: EvaluatedMap) => Object.fromEntries(Object.keys(map.nodes).map((id) => [id, evaluator.labelOf(id)]));

describe("grounded labelling, against brute force", () => {
  it("equals the least complete labelling of small random maps", () => {
    fc.assert(
      fc.property(evaluationMapArb({ maxNodes: 6, maxLinks: 10, selfAttacks: true }), (map) => {
        expect(labelsOf(evaluated(map), map)).toEqual(bruteForceGrounded(map));
      }),
      { numRuns: 300 },
    );
  });

  it("equals the least complete labelling with assumptions fixed", () => {
    const withAssumptions = evaluationMapArb({ maxNodes: 5, maxLinks: 9 }).chain((map) => fc.tuple(fc.constant(map), assumptionsArb(map)));
    fc.assert(
      fc.property(withAssumptions, ([map, assumptions]) => {
        expect(labelsOf(evaluated(map, assumptions), map)).toEqual(bruteForceGrounded(map, assumptions));
      }),
      { numRuns: 200 },
    );
  });

  it("is itself a complete labelling (the brute force finds it among them)", () => {
    fc.assert(
      fc.property(evaluationMapArb({ maxNodes: 5, maxLinks: 8 }), (map) => {
        const ours = labelsOf(evaluated(map), map);
        const code = { accepted: "in", defeated: "out", undecided: "undec" } as const;
        const found = completeLabellings(map).some((labelling) => [...labelling].every(([id, label]) => code[ours[id]!] === label));
        expect(found).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("DF-QuAD strengths, against plain iteration of the equations", () => {
  it("are exact on acyclic maps", () => {
    fc.assert(
      fc.property(evaluationMapArb({ maxNodes: 8, maxLinks: 16, acyclic: true }), (map) => {
        const evaluator = evaluated(map);
        const reference = referenceDfQuad(map);
        expect(reference.converged).toBe(true);
        expect(evaluator.converged).toBe(true);
        for (const id of Object.keys(map.nodes)) expect(evaluator.strengthOf(id)).toBeCloseTo(reference.strengths[id]!, 12);
      }),
      { numRuns: 300 },
    );
  });

  it("give 1 to a node accepted as given and 0 to a rejected one, and follow from them", () => {
    const withAssumptions = evaluationMapArb({ maxNodes: 6, maxLinks: 12, acyclic: true }).chain((map) => fc.tuple(fc.constant(map), assumptionsArb(map)));
    fc.assert(
      fc.property(withAssumptions, ([map, assumptions]) => {
        const evaluator = evaluated(map, assumptions);
        const reference = referenceDfQuad(map, { assumptions });
        for (const id of Object.keys(map.nodes)) expect(evaluator.strengthOf(id)).toBeCloseTo(reference.strengths[id]!, 12);
      }),
      { numRuns: 150 },
    );
  });

  it("on cyclic maps, a result that says it converged satisfies every equation", () => {
    fc.assert(
      fc.property(evaluationMapArb({ maxNodes: 6, maxLinks: 14 }), (map) => {
        const evaluator = evaluated(map);
        if (!evaluator.converged) return;
        // One round of the reference from our values must not move them (beyond the tolerance, which two hops can double).
        const links = Object.values(map.edges);
        const linkValue = (id: string): number => {
          const link = map.edges[id]!;
          const kept = links.filter((u) => u.relation === "undercuts" && u.to === id).reduce((product, u) => product * (1 - linkValue(u.id)), 1);
          return evaluator.strengthOf(link.from)! * kept;
        };
        for (const node of Object.values(map.nodes)) {
          const into = links.filter((l) => l.to === node.id);
          const aggregate = (relation: string) => 1 - into.filter((l) => l.relation === relation).reduce((kept, l) => kept * (1 - linkValue(l.id)), 1);
          let expected = combine(node.baseScore ?? 0.5, aggregate("rebuts"), aggregate("supports"));
          if (node.kind === "argument") expected = Math.min(expected, ...into.filter((l) => l.relation === "premise").map((l) => linkValue(l.id)));
          expect(Math.abs(evaluator.strengthOf(node.id)! - expected)).toBeLessThanOrEqual(20 * TOLERANCE);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("incremental updates", () => {
  /** A random walk of maps: each step adds, changes or removes a node or a link of the last one. */
  const walkArb = fc.array(evaluationMapArb({ maxNodes: 7, maxLinks: 12, selfAttacks: true }), { minLength: 2, maxLength: 6 }).chain((maps) =>
    fc.array(fc.tuple(fc.nat(maps.length - 1), fc.nat(20), fc.boolean()), { minLength: 4, maxLength: 14 }).map((steps) => ({ maps, steps })),
  );

  it("give what a fresh evaluation of each new map gives, labels and strengths", () => {
    fc.assert(
      fc.property(walkArb, ({ maps, steps }) => {
        const live = new Evaluator();
        let map: EvaluatedMap = maps[0]!;
        live.update(map);
        for (const [which, pick, keepRecords] of steps) {
          map = mixed(map, maps[which]!, pick, keepRecords);
          live.update(map);
          const fresh = evaluated(map);
          for (const id of Object.keys(map.nodes)) {
            expect(live.labelOf(id), `label of ${id}`).toBe(fresh.labelOf(id));
            if (fresh.converged && live.converged) expect(live.strengthOf(id)).toBeCloseTo(fresh.strengthOf(id)!, 4);
          }
          for (const id of Object.keys(map.edges)) expect(live.linkLabelOf(id)).toBe(fresh.linkLabelOf(id));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("told the records diff, give what a fresh evaluation gives (one op at a time, or squashed as after a rebase)", () => {
    fc.assert(
      fc.property(opSeedsArb, fc.nat(4), (seeds, batch) => {
        const { steps } = playSeeds(emptyDoc(), seeds);
        const live = new Evaluator();
        live.update(emptyDoc());
        let diffs: DocDiff[] = [];
        for (const [index, step] of steps.entries()) {
          if (step.result.ok) diffs.push(step.result.diff);
          if (index % (batch + 1) !== batch && index !== steps.length - 1) continue;
          const doc = step.result.ok ? step.result.doc : step.before;
          live.updateFromDiff(doc, squashDiffs(diffs));
          diffs = [];
          const fresh = evaluated(doc);
          for (const id of Object.keys(doc.nodes)) {
            expect(live.labelOf(id)).toBe(fresh.labelOf(id));
            if (live.converged && fresh.converged) expect(live.strengthOf(id)).toBeCloseTo(fresh.strengthOf(id)!, 4);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("follow assumptions being set and cleared", () => {
    const arb = evaluationMapArb({ maxNodes: 7, maxLinks: 12 }).chain((map) => fc.tuple(fc.constant(map), fc.array(assumptionsArb(map), { minLength: 1, maxLength: 4 })));
    fc.assert(
      fc.property(arb, ([map, sequence]) => {
        const live = evaluated(map);
        for (const assumptions of [...sequence, new Map<string, Assumption>()]) {
          live.setAssumptions(assumptions);
          live.recompute();
          expect(labelsOf(live, map)).toEqual(labelsOf(evaluated(map, assumptions), map));
        }
      }),
      { numRuns: 150 },
    );
  });
});

/**
 * The next map of a walk: `current` with some of `other`'s records swapped in or out. Records that
 * stay are the same objects (as ops leave them); `keepRecords` false copies the others anyway.
 */
function mixed(current: EvaluatedMap, other: EvaluatedMap, pick: number, keepRecords: boolean): EvaluatedMap {
  const nodes = { ...current.nodes };
  const edges = { ...current.edges };
  const otherNodes = Object.values(other.nodes);
  const otherEdges = Object.values(other.edges);
  const node = otherNodes[pick % otherNodes.length]!;
  if (pick % 3 === 0 && Object.hasOwn(nodes, node.id)) delete nodes[node.id];
  else nodes[node.id] = keepRecords ? node : { ...node };
  const link = otherEdges.length > 0 ? otherEdges[pick % otherEdges.length] : undefined;
  if (link && pick % 4 === 1) delete edges[link.id];
  else if (link) edges[link.id] = link;
  // Links need their ends (and an undercut its link): drop the ones that lost them, as the model cascades.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, l] of Object.entries(edges)) {
      const target = l.relation === "undercuts" ? Object.hasOwn(edges, l.to) : Object.hasOwn(nodes, l.to);
      if (!Object.hasOwn(nodes, l.from) || !target) {
        delete edges[id];
        changed = true;
      }
    }
  }
  return { nodes, edges };
}
