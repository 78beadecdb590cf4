/**
 * The tables written from records diffs, generically: whatever a group of ops did becomes row
 * inserts, updates and deletes per table, built from the table description (tables.ts) alone.
 *
 * Statements are returned, not run (see persist-op.ts for why they are raw and lazy). They are
 * standard SQL: quoted identifiers, bound parameters, multi-row VALUES, and an update of many rows
 * joins a VALUES list whose columns are CAST to their types (PostgreSQL would read bare
 * parameters there as text). The cost per statement, not the disk, bounds throughput, so a
 * group's inserts into one table are one statement, and so are its updates of the same columns.
 */
import { RECORD_NAMES, type DocDiff, type RecordsDiff } from "../map/diff";
import type { RecordName, RecordTypes } from "../map/types";
import { Prisma } from "../generated/prisma/client";
import type { Db, Tx } from "./db";
import { MAP_TABLE, RECORD_TABLES, toColumn, type Column, type TableDescription } from "./tables";

/** The client or a transaction: whichever the statements should run on. */
export type Writer = Db | Tx;
export type Statement = Prisma.PrismaPromise<unknown>;

/** Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMETERS_PER_STATEMENT = 30_000;
const ROWS_PER_STATEMENT = 500;

/** What a group does to one table's rows: each id once, whatever happened to it in between. */
export interface RowChanges<R> {
  /** Rows that existed before the group and go (also when the group added the id again). */
  deletes: string[];
  inserts: { record: R; seq: number }[];
  updates: { record: R; fields: (keyof R & string)[] }[];
}

type RowState<R> = { existed: boolean; insert?: { record: R; seq: number }; update?: { from: R; to: R } };

/**
 * One table's row changes for a group of ops, from each op's diff and revision. A record added
 * gets its op's revision as "seq"; one added and removed in the group is never written.
 */
export function rowChanges<R extends object>(steps: readonly { revision: number; diff: RecordsDiff<R> }[]): RowChanges<R> {
  const rows = new Map<string, RowState<R>>();
  for (const { revision, diff } of steps) {
    for (const id of diff.removed.keys()) {
      const state = rows.get(id);
      if (!state || state.update || state.existed) rows.set(id, { existed: true });
      else rows.delete(id); // added by this group, so never written
    }
    for (const [id, record] of diff.added) {
      rows.set(id, { existed: rows.get(id)?.existed ?? false, insert: { record, seq: revision } });
    }
    for (const [id, [from, to]] of diff.updated) {
      const state = rows.get(id);
      if (state?.insert) state.insert.record = to;
      else if (state?.update) state.update.to = to;
      else rows.set(id, { existed: true, update: { from, to } });
    }
  }
  const changes: RowChanges<R> = { deletes: [], inserts: [], updates: [] };
  for (const [id, state] of rows) {
    if (state.existed && !state.update) changes.deletes.push(id);
    if (state.insert) changes.inserts.push(state.insert);
    if (state.update) {
      const { from, to } = state.update;
      const fields = (Object.keys(to) as (keyof R & string)[]).filter((field) => field !== "id" && !Object.is(from[field], to[field]));
      if (fields.length > 0) changes.updates.push({ record: to, fields });
    }
  }
  return changes;
}

/** Every table write of a group: deletes first (a link's (from, to) may be taken again), then inserts, then updates. */
export function diffWrites(w: Writer, mapId: string, steps: readonly { revision: number; diff: DocDiff }[], now: Date): Statement[] {
  const changes = RECORD_NAMES.map((name) => ({ name, changes: rowChanges(steps.map(({ revision, diff }) => ({ revision, diff: diff[name] as RecordsDiff<object> }))) }));
  const statements: Statement[] = [];
  for (const { name, changes: c } of changes) statements.push(...deleteRows(w, mapId, name, c.deletes));
  for (const { name, changes: c } of changes) statements.push(...insertRows(w, mapId, name, c.inserts, now));
  for (const { name, changes: c } of changes) statements.push(...updateRows(w, mapId, name, c.updates, now));
  const meta = steps.map((step) => step.diff.meta).filter((change) => change !== null);
  if (meta.length > 0) statements.push(...updateMapRow(w, mapId, meta[0]![0], meta[meta.length - 1]![1]));
  return statements;
}

const quoted = (name: string) => Prisma.raw(`"${name}"`);
const SQL_TYPES: Record<Column["type"], string> = { text: "TEXT", real: "DOUBLE PRECISION", json: "TEXT" };
const typed = (column: Column, value: unknown) => Prisma.sql`CAST(${toColumn(column, value)} AS ${Prisma.raw(SQL_TYPES[column.type])})`;

function describe(name: RecordName): { table: string; columns: [string, Column][]; timestamps: boolean } {
  const description = RECORD_TABLES[name] as TableDescription<object>;
  return { table: description.table, columns: Object.entries(description.columns) as [string, Column][], timestamps: description.timestamps };
}

/** New rows, as many to a statement as the parameter bound allows. */
export function insertRows(w: Writer, mapId: string, name: RecordName, rows: readonly { record: object; seq: number }[], now: Date): Statement[] {
  if (rows.length === 0) return [];
  const { table, columns, timestamps } = describe(name);
  const names = ["mapId", "id", ...columns.map(([, column]) => column.name), "seq", ...(timestamps ? ["createdAt", "updatedAt"] : [])];
  return chunks(rows, names.length).map((chunk) => {
    const values = chunk.map(({ record, seq }) => {
      const fields = record as Record<string, unknown> & { id: string };
      const cells = [mapId, fields.id, ...columns.map(([field, column]) => toColumn(column, fields[field])), seq, ...(timestamps ? [now, now] : [])];
      return Prisma.sql`(${Prisma.join(cells)})`;
    });
    return w.$executeRaw`INSERT INTO ${quoted(table)} (${Prisma.join(names.map(quoted))}) VALUES ${Prisma.join(values)}`;
  });
}

function deleteRows(w: Writer, mapId: string, name: RecordName, ids: readonly string[]): Statement[] {
  const { table } = describe(name);
  return chunks(ids, 1).map((chunk) => w.$executeRaw`DELETE FROM ${quoted(table)} WHERE "mapId" = ${mapId} AND "id" IN (${Prisma.join(chunk)})`);
}

/** Changed rows, one statement per set of changed columns: a drag of many nodes is one statement. */
function updateRows(w: Writer, mapId: string, name: RecordName, updates: readonly { record: object; fields: string[] }[], now: Date): Statement[] {
  const { table, columns, timestamps } = describe(name);
  const bySet = new Map<string, { record: object; fields: string[] }[]>();
  for (const update of updates) {
    const key = update.fields.join("\u0000");
    bySet.set(key, [...(bySet.get(key) ?? []), update]);
  }
  const statements: Statement[] = [];
  for (const group of bySet.values()) {
    const changed = columns.filter(([field]) => group[0]!.fields.includes(field));
    const stamp = timestamps ? [Prisma.sql`"updatedAt" = ${now}`] : [];
    if (group.length === 1) {
      const fields = group[0]!.record as Record<string, unknown> & { id: string };
      const sets = changed.map(([field, column]) => Prisma.sql`${quoted(column.name)} = ${toColumn(column, fields[field])}`);
      statements.push(w.$executeRaw`UPDATE ${quoted(table)} SET ${Prisma.join([...sets, ...stamp])} WHERE "mapId" = ${mapId} AND "id" = ${fields.id}`);
      continue;
    }
    const idColumn: Column = { name: "id", type: "text" };
    for (const chunk of chunks(group, changed.length + 1)) {
      const values = chunk.map(({ record }) => {
        const fields = record as Record<string, unknown> & { id: string };
        return Prisma.sql`(${Prisma.join([typed(idColumn, fields.id), ...changed.map(([field, column]) => typed(column, fields[field]))])})`;
      });
      const names = Prisma.join(["id", ...changed.map(([, column]) => column.name)].map(quoted));
      const sets = changed.map(([, column]) => Prisma.sql`${quoted(column.name)} = "changed".${quoted(column.name)}`);
      statements.push(w.$executeRaw`
        WITH "changed"(${names}) AS (VALUES ${Prisma.join(values)})
        UPDATE ${quoted(table)} SET ${Prisma.join([...sets, ...stamp])}
        FROM "changed" WHERE ${quoted(table)}."mapId" = ${mapId} AND ${quoted(table)}."id" = "changed"."id"`);
    }
  }
  return statements;
}

/** The map's own fields that differ between `from` and `to`, in its row. */
function updateMapRow(w: Writer, mapId: string, from: object, to: object): Statement[] {
  const before = from as Record<string, unknown>;
  const after = to as Record<string, unknown>;
  const sets = Object.entries(MAP_TABLE.columns)
    .filter(([field]) => !Object.is(before[field], after[field]))
    .map(([field, column]) => Prisma.sql`${quoted(column.name)} = ${toColumn(column, after[field])}`);
  return sets.length === 0 ? [] : [w.$executeRaw`UPDATE ${quoted(MAP_TABLE.table)} SET ${Prisma.join(sets)} WHERE "id" = ${mapId}`];
}

function chunks<T>(items: readonly T[], parametersPerItem: number): T[][] {
  const size = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(PARAMETERS_PER_STATEMENT / parametersPerItem)));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
