/**
 * Path edits as ops. The path editor works on the steps as shown (resolvedSteps); each edit is a
 * pure function of them (lib/map/presentation), and becomes ONE updateMap op, so it is one undo
 * step, synced and saved like any other change. An edit that changes nothing gives no op.
 */
import type { Op } from "../map/ops";
import {
  groupNodes,
  moveStep,
  moveStepBy,
  resolvedSteps,
  restoreNode,
  sameSteps,
  setStepNotes,
  skipNode,
  ungroupStep,
} from "../map/presentation";
import type { MapDoc, PresentationStep } from "../map/types";

export type PathEdit =
  | { type: "move"; stepId: string; toIndex: number }
  | { type: "moveBy"; stepId: string; delta: number }
  | { type: "group"; nodeIds: readonly string[] }
  | { type: "ungroup"; stepId: string }
  | { type: "skip"; nodeId: string }
  | { type: "restore"; nodeId: string }
  | { type: "notes"; stepId: string; notes: string }
  | { type: "reset" };

function edited(doc: MapDoc, steps: readonly PresentationStep[], edit: PathEdit): readonly PresentationStep[] {
  switch (edit.type) {
    case "move":
      return moveStep(steps, edit.stepId, edit.toIndex);
    case "moveBy":
      return moveStepBy(steps, edit.stepId, edit.delta);
    case "group":
      return groupNodes(steps, edit.nodeIds);
    case "ungroup":
      return ungroupStep(steps, edit.stepId);
    case "skip":
      return skipNode(steps, edit.nodeId);
    case "restore":
      return restoreNode(doc, steps, edit.nodeId);
    case "notes":
      return setStepNotes(steps, edit.stepId, edit.notes);
    case "reset":
      return steps;
  }
}

/** The op for one edit of the path, or false when it changes nothing. */
export function pathEditOp(doc: MapDoc, edit: PathEdit): Op | false {
  if (edit.type === "reset") return doc.meta.presentation === null ? false : { type: "updateMap", patch: { presentation: null } };
  const steps = resolvedSteps(doc);
  const next = edited(doc, steps, edit);
  if (next === steps || sameSteps(next, steps)) return false;
  return { type: "updateMap", patch: { presentation: { steps: next.map((step) => ({ ...step, nodeIds: [...step.nodeIds] })) } } };
}
