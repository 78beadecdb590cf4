/**
 * The presenter's path through a map: the saved steps, or a default that reads naturally — each
 * main claim, then its lines of support and rebuttal depth-first, supports before rebuttals. An
 * argument is one step together with its premises (a reason is shown whole); the undercuts of a
 * link come right after the reason it joins.
 */
import { indexEdges, roots } from "./graph";
import { LIMITS } from "./limits";
import { entryOf, hasEntry } from "./records";
import { aimsAtNode, isArgument, type ArgEdge, type MapDoc, type PresentationStep } from "./types";

type Steps = readonly PresentationStep[];

/** Steps in reading order; every node appears once, even inside cycles. */
export function defaultSteps(doc: MapDoc): PresentationStep[] {
  const { incoming, undercuts } = indexEdges(doc);
  const visited = new Set<string>();
  const groups: string[][] = [];
  const unvisited = (edge: ArgEdge) => hasEntry(doc.nodes, edge.from) && !visited.has(edge.from);
  const reasonsOf = (id: string) => {
    const reasons = (incoming.get(id) ?? []).filter(unvisited);
    return [...reasons.filter((edge) => edge.relation === "supports"), ...reasons.filter((edge) => edge.relation === "rebuts")];
  };
  const visit = (start: string) => {
    // An explicit stack: a long chain of replies must not overflow the call stack. Each entry is
    // a node and the link that led to it, whose undercuts follow the node's own reasons.
    const stack: { id: string; via: ArgEdge | null }[] = [{ id: start, via: null }];
    while (stack.length > 0) {
      const { id, via } = stack.pop()!;
      if (visited.has(id)) continue;
      visited.add(id);
      const premises = isArgument(entryOf(doc.nodes, id)!) ? (incoming.get(id) ?? []).filter((edge) => edge.relation === "premise" && unvisited(edge)) : [];
      for (const premise of premises) visited.add(premise.from);
      groups.push([id, ...premises.map((premise) => premise.from)]);
      const next = [
        ...premises.flatMap((premise) => reasonsOf(premise.from)),
        ...reasonsOf(id),
        ...(via ? (undercuts.get(via.id) ?? []).filter(unvisited) : []),
      ];
      // Pushed in reverse so the first is visited first.
      for (const edge of next.reverse()) stack.push({ id: edge.from, via: edge });
    }
  };
  for (const node of roots(doc)) visit(node.id);
  for (const id of Object.keys(doc.nodes)) visit(id);
  const taken = new Set<string>();
  return groups.map((nodeIds) => ({ id: stepIdFor(nodeIds[0]!, taken), nodeIds: nodeIds.slice(0, LIMITS.nodesPerStep), notes: "" }));
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

/*
 * Editing the path. Each function takes the steps shown to the user (resolvedSteps) and returns
 * the new steps, or the very same array when nothing changes, so a caller can tell "nothing to do".
 */

/** The step moved to position `toIndex` (clamped to the list). */
export function moveStep(steps: Steps, stepId: string, toIndex: number): Steps {
  const from = steps.findIndex((step) => step.id === stepId);
  const to = Math.max(0, Math.min(steps.length - 1, Math.trunc(toIndex)));
  if (from < 0 || from === to) return steps;
  const next = [...steps];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** The step moved up (negative) or down (positive) by `delta` places. */
export function moveStepBy(steps: Steps, stepId: string, delta: number): Steps {
  const from = steps.findIndex((step) => step.id === stepId);
  return from < 0 ? steps : moveStep(steps, stepId, from + delta);
}

/**
 * One step showing all of `nodeIds` together, where the first of them was shown (in its place when
 * that step holds only group members, else right after it). Steps left empty go and their notes
 * join the group's; nodes outside the path join too (a group of only such nodes goes last).
 * Refused (same steps) beyond the per-step limit.
 */
export function groupNodes(steps: Steps, nodeIds: readonly string[]): Steps {
  const wanted = new Set(nodeIds);
  if (wanted.size === 0 || wanted.size > LIMITS.nodesPerStep) return steps;
  const touched = steps.filter((step) => step.nodeIds.some((id) => wanted.has(id)));
  const absorbed = touched.filter((step) => step.nodeIds.every((id) => wanted.has(id)));
  const inPath = touched.flatMap((step) => step.nodeIds.filter((id) => wanted.has(id)));
  const members = [...inPath, ...[...wanted].filter((id) => !inPath.includes(id))];
  if (absorbed.length === 1 && touched.length === 1 && absorbed[0]!.nodeIds.length === members.length) return steps;
  const notes = absorbed.map((step) => step.notes.trim()).filter(Boolean).join("\n\n").slice(0, LIMITS.notesLength);
  const id = absorbed[0]?.id ?? stepIdFor(members[0]!, new Set(steps.map((step) => step.id)));
  const group: PresentationStep = { id, nodeIds: members, notes };
  const next: PresentationStep[] = [];
  for (const step of steps) {
    const isFirst = step === touched[0];
    if (isFirst && absorbed.includes(step)) next.push(group);
    else if (touched.includes(step)) {
      const rest = step.nodeIds.filter((nodeId) => !wanted.has(nodeId));
      if (rest.length > 0) next.push({ ...step, nodeIds: rest });
      if (isFirst) next.push(group);
    } else next.push(step);
  }
  if (touched.length === 0) next.push(group);
  return next;
}

/** A step of several nodes split into one step per node, in place; the notes stay on the first. */
export function ungroupStep(steps: Steps, stepId: string): Steps {
  const index = steps.findIndex((step) => step.id === stepId);
  const step = steps[index];
  if (!step || step.nodeIds.length < 2) return steps;
  const taken = new Set(steps.map((other) => other.id));
  const [first, ...rest] = step.nodeIds;
  const split = [{ ...step, nodeIds: [first!] }, ...rest.map((id) => ({ id: stepIdFor(id, taken), nodeIds: [id], notes: "" }))];
  return [...steps.slice(0, index), ...split, ...steps.slice(index + 1)];
}

/** The node taken out of the path (its step goes when it was the only node in it). */
export function skipNode(steps: Steps, nodeId: string): Steps {
  if (!steps.some((step) => step.nodeIds.includes(nodeId))) return steps;
  return steps
    .map((step) => (step.nodeIds.includes(nodeId) ? { ...step, nodeIds: step.nodeIds.filter((id) => id !== nodeId) } : step))
    .filter((step) => step.nodeIds.length > 0);
}

/**
 * A skipped node back in the path as a step of its own, where the default order would show it:
 * after the last step holding a node that the default order shows before it.
 */
export function restoreNode(doc: MapDoc, steps: Steps, nodeId: string): Steps {
  if (!hasEntry(doc.nodes, nodeId) || steps.some((step) => step.nodeIds.includes(nodeId))) return steps;
  // Each node's place in the default reading order (a premise comes after its argument in the same step).
  const rank = new Map(defaultSteps(doc).flatMap((step) => step.nodeIds).map((id, index) => [id, index] as const));
  const own = rank.get(nodeId) ?? Infinity;
  let insertAt = 0;
  steps.forEach((step, index) => {
    if (step.nodeIds.some((id) => (rank.get(id) ?? Infinity) < own)) insertAt = index + 1;
  });
  const step = { id: stepIdFor(nodeId, new Set(steps.map((other) => other.id))), nodeIds: [nodeId], notes: "" };
  return [...steps.slice(0, insertAt), step, ...steps.slice(insertAt)];
}

/** The speaker notes of one step replaced. */
export function setStepNotes(steps: Steps, stepId: string, notes: string): Steps {
  const text = notes.slice(0, LIMITS.notesLength);
  const step = steps.find((candidate) => candidate.id === stepId);
  if (!step || step.notes === text) return steps;
  return steps.map((candidate) => (candidate === step ? { ...step, notes: text } : candidate));
}

/** Whether two paths show the same nodes in the same steps with the same notes. */
export function sameSteps(a: Steps, b: Steps): boolean {
  return (
    a.length === b.length &&
    a.every((step, index) => {
      const other = b[index]!;
      return step.id === other.id && step.notes === other.notes && step.nodeIds.length === other.nodeIds.length && step.nodeIds.every((id, i) => id === other.nodeIds[i]);
    })
  );
}

/**
 * What the camera frames at a step: the step's nodes and the revealed nodes linked to them, so a
 * reason is seen beside the claim it answers (and an undercut beside both ends of its link).
 */
export function stepFocus(doc: MapDoc, steps: Steps, index: number): string[] {
  const step = steps[index];
  if (!step) return [];
  const revealed = revealedAt(steps, index);
  const shown = new Set(step.nodeIds);
  const focus = new Set(step.nodeIds);
  for (const edge of Object.values(doc.edges)) {
    if (!aimsAtNode(edge)) {
      const link = entryOf(doc.edges, edge.to);
      if (shown.has(edge.from) && link) for (const end of [link.from, link.to]) if (revealed.has(end)) focus.add(end);
      continue;
    }
    if (shown.has(edge.from) && revealed.has(edge.to)) focus.add(edge.to);
    if (shown.has(edge.to) && revealed.has(edge.from)) focus.add(edge.from);
  }
  return [...focus];
}

/** A step id that is not taken yet, derived from a node id and within the id length limit. */
function stepIdFor(nodeId: string, taken: Set<string>): string {
  const base = `step-${nodeId}`.slice(0, LIMITS.idLength - 4);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
