/**
 * The statements that write a group of applied ops: the map's revision, the log, the tables.
 * applyEach (lib/map) has decided each op is valid, given it as it took effect and said what it
 * did as a records diff; the tables are written from those diffs (record-writes.ts), never from
 * the ops, so they always equal the replayed log and no op's meaning is restated here.
 *
 * Statements are returned, not run: Prisma's are lazy, so the fast path sends them all as one
 * batch `$transaction([...])` and the careful path awaits them one by one in its own transaction.
 * They are parameterised SQL (`$executeRaw`), standard enough for SQLite and PostgreSQL alike: a
 * Prisma model call costs about twice a raw statement, and these run on every commit
 * (bench/sync.bench.ts). All of them, not only the frequent ones: a batch that mixes model calls
 * with raw statements is compiled as a whole, and raw floats then lose their last digits (a
 * convergence test caught coordinates drifting). A group's log rows are one multi-row statement.
 */
import type { DocDiff } from "../map/diff";
import type { LoggedOp } from "../map/ops";
import { Prisma } from "../generated/prisma/client";
import { diffWrites, type Statement, type Writer } from "./record-writes";

export type { Statement, Writer } from "./record-writes";

/** Log rows per statement: 8 parameters a row. */
const LOG_ROWS_PER_STATEMENT = 500;

/** One applied op of a group: its log entry and what it did. */
export interface AppliedOp {
  entry: LoggedOp;
  diff: DocDiff;
}

/**
 * Everything a group writes, in order. The first statement moves the map from revision `from` to
 * the last entry's; if the map is no longer at `from` (another process wrote), it sets NULL into
 * a NOT NULL column and fails, so the whole transaction rolls back (see isRevisionConflict).
 */
export function groupWrites(w: Writer, mapId: string, from: number, applied: readonly AppliedOp[], now = new Date()): Statement[] {
  if (applied.length === 0) return [];
  const to = applied[applied.length - 1]!.entry.revision;
  const logWrites: Statement[] = [];
  for (let i = 0; i < applied.length; i += LOG_ROWS_PER_STATEMENT) {
    const rows = applied.slice(i, i + LOG_ROWS_PER_STATEMENT).map(({ entry: e }) => Prisma.sql`(${mapId}, ${e.revision}, ${e.clientId}, ${e.clientOpId}, ${e.author}, ${e.op.type}, ${JSON.stringify(e.op)}, ${now})`);
    logWrites.push(w.$executeRaw`INSERT INTO "Op" ("mapId", "revision", "clientId", "clientOpId", "author", "type", "payload", "createdAt") VALUES ${Prisma.join(rows)}`);
  }
  return [
    w.$executeRaw`UPDATE "Map" SET "revision" = CASE WHEN "revision" = ${from} THEN CAST(${to} AS INTEGER) END, "updatedAt" = ${now} WHERE "id" = ${mapId}`,
    ...logWrites,
    ...diffWrites(w, mapId, applied.map(({ entry, diff }) => ({ revision: entry.revision, diff })), now),
  ];
}
