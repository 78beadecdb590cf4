/**
 * Inverses: for an op applied to `doc`, the ops that take the result back to `doc`. They are the
 * op's records diff reversed and turned into ops (diffOps.ts), so no op needs an inverse of its
 * own. Undo sends these as new ops (per user, as in tldraw's history): ordinary ops that pass the
 * same validation as any other.
 */
import { applyOp } from "./apply";
import { reverseDiff, type DocDiff } from "./diff";
import { opsForDiff } from "./diffOps";
import type { Op } from "./ops";
import type { MapDoc } from "./types";

// applyOps lives with applyOp (it shares its copy-on-write batch); exported here too for undo.
export { applyOps } from "./apply";

/** The ops that undo a change, given its records diff. */
export function undoOps(diff: DocDiff): Op[] {
  return opsForDiff(reverseDiff(diff));
}

/**
 * The ops that undo `op`, given the doc *before* it. Applied in order to the doc after `op`,
 * they give back a doc deep-equal to `doc`. An op that `doc` rejects changes nothing, so its
 * inverse is empty.
 */
export function inverseOf(doc: MapDoc, op: Op): Op[] {
  const result = applyOp(doc, op);
  return result.ok ? undoOps(result.diff) : [];
}
