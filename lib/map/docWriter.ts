/**
 * Copy-on-write access to a MapDoc while ops are applied to it.
 *
 * Copying a record of 20,000 links takes milliseconds (V8 keeps objects that large in dictionary
 * mode), so the writer copies each record at most once: on the first write of one op, or of a
 * whole batch (`applyOps`), and writes into its own copy after that. Nothing it has not copied is
 * ever changed, so the input doc and everything it shares stay intact.
 *
 * Counting entries and finding the link between two nodes would also scan a whole record on
 * every op, so those facts are kept per record object and handed on to the record that replaces
 * it (taken from the old one: a doc that is applied to again, as in a rebase, just recounts).
 *
 * Every write is also noted in a records diff (lib/map/diff.ts), the one account of what the ops
 * did that undo, persistence and sync derive from.
 */
import { emptyDiff, noteMeta, notePut, noteRemove, RECORD_NAMES, type DocDiff, type RecordsDiff } from "./diff";
import { countEntries, entryOf, hasEntry } from "./records";
import type { ArgEdge, MapDoc, MapMeta, RecordName, RecordTypes } from "./types";

interface RecordFacts {
  count: number;
  /** "from NUL to" → edge id, for the edges record only, built on first need. */
  pairs?: Map<string, string>;
}

const factsByRecord = new WeakMap<object, RecordFacts>();

export class DocWriter {
  private current: MapDoc;
  private readonly dryRun: boolean;
  private ownsDoc = false;
  private readonly owned = new Set<object>();
  private readonly facts = new Map<RecordName, RecordFacts>();
  private changes: DocDiff = emptyDiff();

  /**
   * `dryRun`: ops are checked in full but nothing is written or copied. `inPlace`: the caller owns
   * the doc and each of its records outright (nothing else holds them), so writes go straight in,
   * with no copies; the server's apply queue keeps such a working doc per map.
   */
  constructor(doc: MapDoc, mode: "copy" | "dryRun" | "inPlace" = "copy") {
    this.current = doc;
    this.dryRun = mode === "dryRun";
    if (mode === "inPlace") {
      this.ownsDoc = true;
      for (const name of RECORD_NAMES) this.owned.add(doc[name]);
    }
  }

  /** The doc with every write so far; call `finish` once done with the writer. */
  get doc(): MapDoc {
    return this.current;
  }

  /** Leaves the facts gathered with the records they describe, for the next op to find. */
  finish(): MapDoc {
    for (const [name, facts] of this.facts) factsByRecord.set(this.current[name], facts);
    return this.current;
  }

  /** What the writes since the last call did, and a fresh diff for the writes after it. */
  takeDiff(): DocDiff {
    const diff = this.changes;
    this.changes = emptyDiff();
    return diff;
  }

  get<K extends RecordName>(name: K, id: string): RecordTypes[K] | undefined {
    return entryOf(this.current[name] as Record<string, RecordTypes[K]>, id);
  }

  has(name: RecordName, id: string): boolean {
    return hasEntry(this.current[name], id);
  }

  count(name: RecordName): number {
    return this.factsOf(name).count;
  }

  /** The id of the link from → to, if there is one. */
  linkBetween(from: string, to: string): string | undefined {
    const facts = this.factsOf("edges");
    facts.pairs ??= new Map(Object.values(this.current.edges).map((e) => [pairKey(e.from, e.to), e.id]));
    return facts.pairs.get(pairKey(from, to));
  }

  put<K extends RecordName>(name: K, id: string, value: RecordTypes[K]): void {
    if (this.dryRun) return;
    // Facts are taken before writing: in place, the record they describe is the one that changes.
    this.factsOf(name);
    const record = this.own(name);
    const previous = entryOf(record, id);
    if (name === "edges") this.trackPair(previous as ArgEdge | undefined, value as ArgEdge);
    if (previous === undefined) this.adjustCount(name, 1);
    notePut(this.changes[name] as RecordsDiff<RecordTypes[K]>, id, previous, value);
    // defineProperty, not assignment: `record["__proto__"] = value` would replace the prototype.
    Object.defineProperty(record, id, { value, writable: true, enumerable: true, configurable: true });
  }

  remove(name: RecordName, id: string): void {
    if (this.dryRun || !this.has(name, id)) return;
    this.factsOf(name);
    const record = this.own(name);
    const previous = record[id]!;
    if (name === "edges") this.trackPair(previous as ArgEdge, undefined);
    this.adjustCount(name, -1);
    noteRemove(this.changes[name] as RecordsDiff<unknown>, id, previous);
    delete record[id];
  }

  setMeta(meta: MapMeta): void {
    if (this.dryRun) return;
    noteMeta(this.changes, this.current.meta, meta);
    this.ownDoc().meta = meta;
  }

  private factsOf(name: RecordName): RecordFacts {
    let facts = this.facts.get(name);
    if (!facts) {
      const record = this.current[name];
      facts = factsByRecord.get(record) ?? { count: countEntries(record) };
      // Taken, not shared: writes below keep them true of this writer's copy, not of `record`.
      factsByRecord.delete(record);
      this.facts.set(name, facts);
    }
    return facts;
  }

  private own<K extends RecordName>(name: K): Record<string, RecordTypes[K]> {
    const record = this.current[name] as Record<string, RecordTypes[K]>;
    if (this.owned.has(record)) return record;
    const copy = { ...record };
    this.owned.add(copy);
    (this.ownDoc()[name] as Record<string, RecordTypes[K]>) = copy;
    return copy;
  }

  private ownDoc(): MapDoc {
    if (!this.ownsDoc) {
      this.current = { ...this.current };
      this.ownsDoc = true;
    }
    return this.current;
  }

  private adjustCount(name: RecordName, by: number): void {
    const facts = this.facts.get(name);
    if (facts) facts.count += by;
  }

  private trackPair(previous: ArgEdge | undefined, next: ArgEdge | undefined): void {
    const pairs = this.facts.get("edges")?.pairs;
    if (!pairs) return;
    if (previous) pairs.delete(pairKey(previous.from, previous.to));
    if (next) pairs.set(pairKey(next.from, next.to), next.id);
  }
}

// Ids never contain NUL (see idSchema), so the key cannot be ambiguous.
const pairKey = (from: string, to: string) => `${from}\u0000${to}`;
