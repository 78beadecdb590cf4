/**
 * The current step as a phone shows it while following: each node of the step with the reasons
 * given for and against it, and what it argues for or against, all limited to what the
 * presentation has revealed so far (a phone never shows what the projector has not).
 */
import { revealedAt } from "../presentation";
import { entryOf } from "../records";
import type { ArgNode, MapDoc, PresentationStep, Relation, Source } from "../types";

export interface StepCard {
  node: ArgNode;
  source: Source | null;
  reasonsFor: ArgNode[];
  reasonsAgainst: ArgNode[];
  /** The revealed nodes this one supports or rebuts. */
  argues: { relation: Relation; node: ArgNode }[];
}

export function stepCards(doc: MapDoc, steps: readonly PresentationStep[], index: number): StepCard[] {
  const step = steps[index];
  if (!step) return [];
  const revealed = revealedAt(steps, index);
  return step.nodeIds.flatMap((id) => {
    const node = entryOf(doc.nodes, id);
    if (!node) return [];
    const card: StepCard = { node, source: node.sourceId === null ? null : (entryOf(doc.sources, node.sourceId) ?? null), reasonsFor: [], reasonsAgainst: [], argues: [] };
    for (const edge of Object.values(doc.edges)) {
      if (edge.relation !== "supports" && edge.relation !== "rebuts") continue;
      if (edge.to === id && revealed.has(edge.from)) {
        const reason = entryOf(doc.nodes, edge.from);
        if (reason) (edge.relation === "supports" ? card.reasonsFor : card.reasonsAgainst).push(reason);
      } else if (edge.from === id && revealed.has(edge.to)) {
        const target = entryOf(doc.nodes, edge.to);
        if (target) card.argues.push({ relation: edge.relation, node: target });
      }
    }
    return [card];
  });
}
