/**
 * A whole map evaluated at once, as plain data: what `GET /api/maps/:token/evaluation` answers,
 * and what the server-rendered outline and the SVG export draw.
 */
import { Evaluator } from "./evaluator";
import type { Assumption, EvaluatedLink, Label } from "./input";
import { explainer, type NamedNode } from "./why";

export interface EvaluationReport {
  semantics: "grounded";
  labels: Record<string, Label>;
  /** DF-QuAD strength per node, 0..1, to four decimals. */
  strengths: Record<string, number>;
  why: Record<string, string>;
  /** False when some strengths on a cycle had not settled after the last round. */
  converged: boolean;
}

export interface NamedMap {
  nodes: Readonly<Record<string, NamedNode>>;
  edges: Readonly<Record<string, EvaluatedLink>>;
}

export function evaluateMap(map: NamedMap, assumptions?: ReadonlyMap<string, Assumption>): EvaluationReport {
  const evaluator = new Evaluator();
  if (assumptions) evaluator.setAssumptions(assumptions);
  evaluator.update(map);
  return reportOf(evaluator, map);
}

/** Just the labels and strengths of these nodes, as the pictures draw them. */
export function marksOf(evaluator: Evaluator, nodeIds: readonly string[]): Pick<EvaluationReport, "labels" | "strengths"> {
  return {
    labels: Object.fromEntries(nodeIds.flatMap((id) => (evaluator.labelOf(id) ? [[id, evaluator.labelOf(id)!]] : []))),
    strengths: Object.fromEntries(nodeIds.flatMap((id) => (evaluator.labelOf(id) ? [[id, evaluator.strengthOf(id)!]] : []))),
  };
}

export function reportOf(evaluator: Evaluator, map: NamedMap): EvaluationReport {
  const ids = Object.keys(map.nodes);
  const explain = explainer(evaluator, map.nodes);
  // fromEntries, not assignment: "__proto__" is a valid node id.
  return {
    semantics: "grounded",
    labels: Object.fromEntries(ids.map((id) => [id, evaluator.labelOf(id)!])),
    strengths: Object.fromEntries(ids.map((id) => [id, Math.round(evaluator.strengthOf(id)! * 10_000) / 10_000])),
    why: Object.fromEntries(ids.map((id) => [id, explain(id)!.text])),
    converged: evaluator.converged,
  };
}
