/**
 * The statements that write a group of applied ops: the map's revision, the log, the tables.
 * applyEach (lib/map) has decided each op is valid and given it as it took effect (moves and
 * deletes name only nodes that existed), so the tables only mirror it and always equal the
 * replayed log.
 *
 * Statements are returned, not run: Prisma's are lazy, so the fast path sends them all as one
 * batch `$transaction([...])` and the careful path awaits them one by one in its own transaction.
 * They are parameterised SQL (`$executeRaw`), standard enough for SQLite and PostgreSQL alike: a
 * Prisma model call costs about twice a raw statement, and these run on every commit
 * (bench/sync.bench.ts). All of them, not only the frequent ones: a batch that mixes model calls
 * with raw statements is compiled as a whole, and raw floats then lose their last digits (a
 * convergence test caught coordinates drifting). Runs of added nodes and links, and a group's log
 * rows, are one multi-row statement each: the cost per statement, not the disk, bounds throughput.
 */
import type { LoggedOp, Op } from "../map/ops";
import type { ArgEdge, ArgNode, MapDoc } from "../map/types";
import { Prisma } from "../generated/prisma/client";
import type { Db, Tx } from "./db";

/** The client or a transaction: whichever the statements should run on. */
export type Writer = Db | Tx;
export type Statement = Prisma.PrismaPromise<unknown>;

/** Rows per multi-row statement: far under SQLite's 32,766 bound variables at 13 columns a row. */
const ROWS_PER_STATEMENT = 500;

/**
 * Everything a group writes, in order. The first statement moves the map from revision `from` to
 * the last entry's; if the map is no longer at `from` (another process wrote), it sets NULL into
 * a NOT NULL column and fails, so the whole transaction rolls back (see isRevisionConflict).
 */
export function groupWrites(w: Writer, mapId: string, from: number, entries: readonly LoggedOp[], now = new Date()): Statement[] {
  if (entries.length === 0) return [];
  const to = entries[entries.length - 1]!.revision;
  return [
    w.$executeRaw`UPDATE "Map" SET "revision" = CASE WHEN "revision" = ${from} THEN ${to} END, "updatedAt" = ${now} WHERE "id" = ${mapId}`,
    ...chunks(entries).map((chunk) => {
      const rows = chunk.map((e) => Prisma.sql`(${mapId}, ${e.revision}, ${e.clientId}, ${e.clientOpId}, ${e.author}, ${e.op.type}, ${JSON.stringify(e.op)}, ${now})`);
      return w.$executeRaw`INSERT INTO "Op" ("mapId", "revision", "clientId", "clientOpId", "author", "type", "payload", "createdAt") VALUES ${Prisma.join(rows)}`;
    }),
    ...tableWrites(w, mapId, entries, now),
  ];
}

/** The statements mirroring the ops in the tables; a run of added nodes (or links) is one statement. */
function tableWrites(w: Writer, mapId: string, entries: readonly { op: Op; revision: number }[], now = new Date()): Statement[] {
  const statements: Statement[] = [];
  let nodes: { node: ArgNode; seq: number }[] = [];
  let edges: { edge: ArgEdge; seq: number }[] = [];
  const flush = () => {
    if (nodes.length > 0) statements.push(...insertNodes(w, mapId, nodes, now));
    if (edges.length > 0) statements.push(...insertEdges(w, mapId, edges));
    nodes = [];
    edges = [];
  };
  for (const { op, revision } of entries) {
    if (op.type === "addNode") nodes.push({ node: op.node, seq: revision });
    else if (op.type === "addEdge") edges.push({ edge: op.edge, seq: revision });
    else {
      flush();
      statements.push(...opWrites(w, mapId, op, revision, now));
    }
  }
  flush();
  return statements;
}

/** Added nodes and links are not here: tableWrites gathers their runs into multi-row inserts. */
function opWrites(w: Writer, mapId: string, op: Exclude<Op, { type: "addNode" | "addEdge" }>, seq: number, now: Date): Statement[] {
  switch (op.type) {
    case "updateNode":
      return [w.$executeRaw`UPDATE "Node" SET ${setClause(op.patch, NODE_PATCH_COLUMNS, now)} WHERE "mapId" = ${mapId} AND "id" = ${op.id}`];
    case "moveNodes":
      return moveNodes(w, mapId, op.moves, now);
    case "deleteNodes":
      return chunks(op.ids).flatMap((ids) => [
        w.$executeRaw`DELETE FROM "Edge" WHERE "mapId" = ${mapId} AND ("from" IN (${Prisma.join(ids)}) OR "to" IN (${Prisma.join(ids)}))`,
        w.$executeRaw`DELETE FROM "Node" WHERE "mapId" = ${mapId} AND "id" IN (${Prisma.join(ids)})`,
      ]);
    case "updateEdge":
      return [w.$executeRaw`UPDATE "Edge" SET "relation" = ${op.patch.relation} WHERE "mapId" = ${mapId} AND "id" = ${op.id}`];
    case "deleteEdge":
      return [w.$executeRaw`DELETE FROM "Edge" WHERE "mapId" = ${mapId} AND "id" = ${op.id}`];
    case "addSource": {
      const { id, title, publisher, author, date, url, text } = op.source;
      return [
        w.$executeRaw`INSERT INTO "Source" ("mapId", "id", "title", "publisher", "author", "date", "url", "text", "seq") VALUES (${mapId}, ${id}, ${title}, ${publisher}, ${author}, ${date}, ${url}, ${text}, ${seq})`,
      ];
    }
    case "updateSource":
      return [w.$executeRaw`UPDATE "Source" SET ${setClause(op.patch, SOURCE_PATCH_COLUMNS)} WHERE "mapId" = ${mapId} AND "id" = ${op.id}`];
    case "deleteSource":
      return [
        w.$executeRaw`UPDATE "Node" SET "sourceId" = NULL, "updatedAt" = ${now} WHERE "mapId" = ${mapId} AND "sourceId" = ${op.id}`,
        w.$executeRaw`DELETE FROM "Source" WHERE "mapId" = ${mapId} AND "id" = ${op.id}`,
      ];
    case "updateMap": {
      const patch = { ...op.patch, presentation: presentationColumn(op.patch.presentation) };
      return [w.$executeRaw`UPDATE "Map" SET ${setClause(patch, MAP_PATCH_COLUMNS, now)} WHERE "id" = ${mapId}`];
    }
  }
}

/**
 * The columns each patch may name: the ops' zod schemas allow no others, and only these names are
 * ever spliced into SQL (values are always bound parameters).
 */
const NODE_PATCH_COLUMNS = ["kind", "text", "speaker", "sourceId", "quote", "baseScore"] as const;
const SOURCE_PATCH_COLUMNS = ["title", "publisher", "author", "date", "url", "text"] as const;
const MAP_PATCH_COLUMNS = ["title", "description", "presentation"] as const;

/** `"a" = ?, "b" = ?` for the patch's defined fields, plus `"updatedAt"` when the table has one. */
function setClause(patch: Record<string, unknown>, columns: readonly string[], updatedAt?: Date): Prisma.Sql {
  const sets = columns.filter((column) => patch[column] !== undefined).map((column) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${patch[column]}`);
  if (updatedAt) sets.push(Prisma.sql`"updatedAt" = ${updatedAt}`);
  return Prisma.join(sets);
}

function insertNodes(w: Writer, mapId: string, nodes: readonly { node: ArgNode; seq: number }[], now: Date): Statement[] {
  return chunks(nodes).map((chunk) => {
    const rows = chunk.map(({ node: n, seq }) => Prisma.sql`(${mapId}, ${n.id}, ${n.kind}, ${n.text}, ${n.speaker}, ${n.sourceId}, ${n.quote}, ${n.baseScore}, ${n.x}, ${n.y}, ${seq}, ${now}, ${now})`);
    return w.$executeRaw`INSERT INTO "Node" ("mapId", "id", "kind", "text", "speaker", "sourceId", "quote", "baseScore", "x", "y", "seq", "createdAt", "updatedAt") VALUES ${Prisma.join(rows)}`;
  });
}

function insertEdges(w: Writer, mapId: string, edges: readonly { edge: ArgEdge; seq: number }[]): Statement[] {
  return chunks(edges).map((chunk) => {
    const rows = chunk.map(({ edge: e, seq }) => Prisma.sql`(${mapId}, ${e.id}, ${e.from}, ${e.to}, ${e.relation}, ${seq})`);
    return w.$executeRaw`INSERT INTO "Edge" ("mapId", "id", "from", "to", "relation", "seq") VALUES ${Prisma.join(rows)}`;
  });
}

/** A move of many nodes (a dragged selection, a layout) in one statement per chunk. */
function moveNodes(w: Writer, mapId: string, moves: readonly { id: string; x: number; y: number }[], now: Date): Statement[] {
  return chunks(moves).map((chunk) => {
    const rows = chunk.map((move) => Prisma.sql`(${move.id}, ${move.x}, ${move.y})`);
    return w.$executeRaw`
      WITH "moves"("id", "x", "y") AS (VALUES ${Prisma.join(rows)})
      UPDATE "Node" SET "x" = "moves"."x", "y" = "moves"."y", "updatedAt" = ${now}
      FROM "moves" WHERE "Node"."mapId" = ${mapId} AND "Node"."id" = "moves"."id"`;
  });
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/** The presentation column holds JSON; `undefined` leaves it as it is. */
export function presentationColumn(presentation: MapDoc["meta"]["presentation"] | undefined): string | null | undefined {
  return presentation === undefined ? undefined : presentation === null ? null : JSON.stringify(presentation);
}
