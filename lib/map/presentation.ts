/**
 * The presenter's path through a map: the saved steps, or a default that reads naturally — each
 * main claim, then its lines of support and rebuttal depth-first, supports before rebuttals.
 */
import { indexEdges, roots } from "./graph";
import { hasEntry } from "./records";
import type { MapDoc, PresentationStep } from "./types";

/** One node per step, in reading order; every node appears once, even inside cycles. */
export function defaultSteps(doc: MapDoc): PresentationStep[] {
  const { incoming } = indexEdges(doc);
  const visited = new Set<string>();
  const order: string[] = [];
  const visit = (start: string) => {
    // An explicit stack: a long chain of replies must not overflow the call stack.
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (visited.has(id)) continue;
      visited.add(id);
      order.push(id);
      const reasons = (incoming.get(id) ?? []).filter((edge) => hasEntry(doc.nodes, edge.from) && !visited.has(edge.from));
      const supports = reasons.filter((edge) => edge.relation === "supports");
      const rebuttals = reasons.filter((edge) => edge.relation === "rebuts");
      // Pushed in reverse so the first support is visited first and rebuttals after all supports.
      for (const edge of [...supports, ...rebuttals].reverse()) stack.push(edge.from);
    }
  };
  for (const node of roots(doc)) visit(node.id);
  for (const id of Object.keys(doc.nodes)) visit(id);
  return order.map((id) => ({ id: `step-${id}`, nodeIds: [id], notes: "" }));
}

/** The steps to present: the saved path without nodes deleted since, or the default. */
export function resolvedSteps(doc: MapDoc): PresentationStep[] {
  const saved = doc.meta.presentation;
  if (!saved) return defaultSteps(doc);
  return saved.steps
    .map((step) => ({ ...step, nodeIds: step.nodeIds.filter((id) => hasEntry(doc.nodes, id)) }))
    .filter((step) => step.nodeIds.length > 0);
}

/** Nodes shown once `index` steps have been revealed (progressive reveal: all steps up to it). */
export function revealedAt(steps: readonly PresentationStep[], index: number): Set<string> {
  const shown = new Set<string>();
  for (const step of steps.slice(0, Math.max(0, index + 1))) for (const id of step.nodeIds) shown.add(id);
  return shown;
}

/** Nodes in no step: the ones a custom path skips. */
export function skippedNodes(doc: MapDoc, steps: readonly PresentationStep[]): string[] {
  const inPath = new Set(steps.flatMap((step) => step.nodeIds));
  return Object.keys(doc.nodes).filter((id) => !inPath.has(id));
}
