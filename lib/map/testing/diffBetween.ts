/**
 * The records diff between two docs, computed by comparing them whole (test code only): the
 * reference that the diffs applyOp notes as it writes are checked against.
 */
import { emptyDiff, RECORD_NAMES, type DocDiff, type RecordsDiff } from "../diff";
import { isDeepStrictEqual } from "node:util";
import type { MapDoc } from "../types";

export function diffBetween(before: MapDoc, after: MapDoc): DocDiff {
  const diff = emptyDiff();
  for (const name of RECORD_NAMES) {
    const from = before[name] as Record<string, object>;
    const to = after[name] as Record<string, object>;
    const into = diff[name] as RecordsDiff<object>;
    for (const id of Object.keys(from)) {
      if (!Object.hasOwn(to, id)) into.removed.set(id, from[id]!);
      else if (!isDeepStrictEqual(from[id], to[id])) into.updated.set(id, [from[id]!, to[id]!]);
    }
    for (const id of Object.keys(to)) if (!Object.hasOwn(from, id)) into.added.set(id, to[id]!);
  }
  if (!isDeepStrictEqual(before.meta, after.meta)) diff.meta = [before.meta, after.meta];
  return diff;
}

/**
 * A diff's entries sorted by id, so two diffs that differ only in order compare equal. Updates that
 * end where they started are left out: a squash keeps them, and all that is derived skips them.
 */
export function sortedDiff(diff: DocDiff): unknown {
  const changed = ([, value]: [string, unknown]) => !Array.isArray(value) || !isDeepStrictEqual(value[0], value[1]);
  const sorted = (map: Map<string, unknown>) => [...map].filter(changed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    meta: diff.meta && !isDeepStrictEqual(diff.meta[0], diff.meta[1]) ? diff.meta : null,
    ...Object.fromEntries(RECORD_NAMES.map((name) => {
      const records = diff[name] as RecordsDiff<unknown>;
      return [name, { added: sorted(records.added), updated: sorted(records.updated), removed: sorted(records.removed) }];
    })),
  };
}
