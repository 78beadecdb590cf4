/**
 * Lookups in the id-keyed records of a MapDoc.
 *
 * Ids are user-controlled strings, and "constructor", "toString" or "__proto__" are valid ids.
 * A plain `record[id]` would find Object.prototype's members (and `record[id] = value` would
 * set the prototype), so lookups go through own properties only; writes are DocWriter's.
 */

/** The entry stored under `id`, never an inherited property. */
export function entryOf<T>(record: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

export function hasEntry(record: object, id: string): boolean {
  return Object.hasOwn(record, id);
}

export function countEntries(record: object): number {
  return Object.keys(record).length;
}
