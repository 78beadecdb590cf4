/**
 * Records diffs: what applying ops did to a MapDoc, record by record (the shape of tldraw's
 * RecordsDiff). applyOp produces one; undo reverses it, the server writes it to the tables, and
 * neither needs to know which op made it. Ids are user-controlled ("__proto__" is valid), so the
 * entries live in Maps, never in plain objects.
 */
import type { MapDoc, MapMeta, RecordName, RecordTypes } from "./types";

export interface RecordsDiff<R> {
  added: Map<string, R>;
  updated: Map<string, [from: R, to: R]>;
  removed: Map<string, R>;
}

export type DocDiff = { [K in RecordName]: RecordsDiff<RecordTypes[K]> } & {
  /** The map's own fields before and after, or null when they did not change. */
  meta: [from: MapMeta, to: MapMeta] | null;
};

export const RECORD_NAMES: readonly RecordName[] = ["nodes", "edges", "sources"];

function emptyRecordsDiff<R>(): RecordsDiff<R> {
  return { added: new Map(), updated: new Map(), removed: new Map() };
}

export function emptyDiff(): DocDiff {
  return { nodes: emptyRecordsDiff(), edges: emptyRecordsDiff(), sources: emptyRecordsDiff(), meta: null };
}

export function isEmptyDiff(diff: DocDiff): boolean {
  return diff.meta === null && RECORD_NAMES.every((name) => {
    const records = diff[name];
    return records.added.size === 0 && records.updated.size === 0 && records.removed.size === 0;
  });
}

/**
 * Notes that `id` now holds `next` (it held `previous`, or nothing), squashed into what the diff
 * already says: an update of a record the diff added is still an add, and adding back a record
 * the diff removed is an update from what it was.
 */
export function notePut<R>(diff: RecordsDiff<R>, id: string, previous: R | undefined, next: R): void {
  if (previous === undefined) {
    const removed = diff.removed.get(id);
    if (removed === undefined) diff.added.set(id, next);
    else {
      diff.removed.delete(id);
      diff.updated.set(id, [removed, next]);
    }
  } else if (diff.added.has(id)) {
    diff.added.set(id, next);
  } else {
    diff.updated.set(id, [diff.updated.get(id)?.[0] ?? previous, next]);
  }
}

/** Notes that the record `previous` under `id` is gone; removing what the diff added leaves no trace. */
export function noteRemove<R>(diff: RecordsDiff<R>, id: string, previous: R): void {
  if (diff.added.delete(id)) return;
  const updated = diff.updated.get(id);
  diff.updated.delete(id);
  diff.removed.set(id, updated ? updated[0] : previous);
}

export function noteMeta(diff: DocDiff, previous: MapMeta, next: MapMeta): void {
  diff.meta = [diff.meta?.[0] ?? previous, next];
}

/** The diff that takes the result back to where the diff started. */
export function reverseDiff(diff: DocDiff): DocDiff {
  const reversed = emptyDiff();
  for (const name of RECORD_NAMES) {
    const from = diff[name] as RecordsDiff<unknown>;
    const to = reversed[name] as RecordsDiff<unknown>;
    for (const [id, record] of from.added) to.removed.set(id, record);
    for (const [id, record] of from.removed) to.added.set(id, record);
    for (const [id, [before, after]] of from.updated) to.updated.set(id, [after, before]);
  }
  reversed.meta = diff.meta && [diff.meta[1], diff.meta[0]];
  return reversed;
}

/** One diff with the effect of the given ones applied in order. */
export function squashDiffs(diffs: readonly DocDiff[]): DocDiff {
  const squashed = emptyDiff();
  for (const diff of diffs) {
    for (const name of RECORD_NAMES) {
      const from = diff[name] as RecordsDiff<unknown>;
      const into = squashed[name] as RecordsDiff<unknown>;
      for (const [id, record] of from.removed) noteRemove(into, id, record);
      for (const [id, record] of from.added) notePut(into, id, undefined, record);
      for (const [id, [before, after]] of from.updated) notePut(into, id, before, after);
    }
    if (diff.meta) noteMeta(squashed, diff.meta[0], diff.meta[1]);
  }
  return squashed;
}

/** The diff from an empty map to `doc`: every record added (the meta is left out). */
export function diffAddingAll(doc: MapDoc): DocDiff {
  const diff = emptyDiff();
  for (const name of RECORD_NAMES) {
    const added = diff[name].added as Map<string, unknown>;
    for (const record of Object.values(doc[name])) added.set(record.id, record);
  }
  return diff;
}

/** The fields whose values differ between two versions of a record (compared with Object.is). */
export function changedFields<R extends object>(from: R, to: R): (keyof R & string)[] {
  return (Object.keys(to) as (keyof R & string)[]).filter((key) => !Object.is(from[key], to[key]));
}
