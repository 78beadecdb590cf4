/**
 * Node history from the op log. The versions (lib/map/nodeVersions) of the ops a group commits are
 * written in the group's own transaction, as an index of the log: one row per node an op changed,
 * holding the node as the op left it (read off the op's records diff). Reading a node's history, the recently deleted nodes or who
 * did what is then a bounded, indexed read (with the op's author and time from the log), never a
 * scan of the whole log, which can be large.
 */
import type { DocDiff } from "../map/diff";
import { nodeChangesOf, type NodeChange } from "../map/nodeVersions";
import type { ArgEdge, ArgNode } from "../map/types";
import { Prisma } from "../generated/prisma/client";
import { readDb, type Db, type Tx } from "./db";
import { processWide } from "./process-wide";

/** Versions one history answer holds at most (the latest ones). */
export const HISTORY_LIMIT = 200;
/** Deleted nodes the "Recently deleted" list shows at most. */
export const DELETED_LIMIT = 50;
const ROWS_PER_STATEMENT = 500;

// ---------- Writing, with the ops ----------

/** The statements that add the versions the logged ops made (from their records diffs), to run in the ops' transaction. */
export function versionWrites(w: Db | Tx, mapId: string, applied: readonly { entry: { revision: number }; diff: DocDiff }[]): Prisma.PrismaPromise<unknown>[] {
  return insertVersions(w, mapId, applied.flatMap(({ entry, diff }) => nodeChangesOf(entry.revision, diff)));
}

export function insertVersions(w: Db | Tx, mapId: string, changes: readonly NodeChange[], { skipExisting = false } = {}): Prisma.PrismaPromise<unknown>[] {
  const statements: Prisma.PrismaPromise<unknown>[] = [];
  for (let i = 0; i < changes.length; i += ROWS_PER_STATEMENT) {
    const rows = changes
      .slice(i, i + ROWS_PER_STATEMENT)
      .map((c) => Prisma.sql`(${mapId}, ${c.nodeId}, ${c.revision}, ${c.change}, ${JSON.stringify(c.node)}, ${c.change === "deleted" ? JSON.stringify(c.links) : null})`);
    const onConflict = skipExisting ? Prisma.sql` ON CONFLICT DO NOTHING` : Prisma.empty;
    statements.push(w.$executeRaw`INSERT INTO "NodeVersion" ("mapId", "nodeId", "revision", "change", "node", "links") VALUES ${Prisma.join(rows)}${onConflict}`);
  }
  return statements;
}

// ---------- Reading ----------

export interface NodeVersionView {
  revision: number;
  author: string;
  /** ISO time of the op. */
  at: string;
  /** The node as this version left it; null when this version deleted it. */
  node: ArgNode | null;
}

export interface DeletedNode {
  revision: number;
  author: string;
  at: string;
  /** The node as it was when deleted. */
  node: ArgNode;
  links: ArgEdge[];
}

/** Who wrote each revision, and when. */
async function opsAt(mapId: string, revisions: readonly number[]): Promise<Map<number, { author: string; at: string }>> {
  if (revisions.length === 0) return new Map();
  const rows = await (await readDb()).op.findMany({ where: { mapId, revision: { in: [...revisions] } }, select: { revision: true, author: true, createdAt: true } });
  return new Map(rows.map((row) => [row.revision, { author: row.author, at: row.createdAt.toISOString() }]));
}

/** The node's versions, oldest first: the latest HISTORY_LIMIT of them, and whether there are older ones. */
export async function nodeHistory(mapId: string, nodeId: string, limit = HISTORY_LIMIT): Promise<{ versions: NodeVersionView[]; more: boolean }> {
  const rows = await (await readDb()).nodeVersion.findMany({ where: { mapId, nodeId }, orderBy: { revision: "desc" }, take: limit + 1 });
  const shown = rows.slice(0, limit).reverse();
  const ops = await opsAt(mapId, shown.map((row) => row.revision));
  const versions = shown.map((row) => ({
    revision: row.revision,
    author: ops.get(row.revision)?.author ?? "",
    at: ops.get(row.revision)?.at ?? "",
    node: row.change === "deleted" ? null : (JSON.parse(row.node) as ArgNode),
  }));
  return { versions, more: rows.length > limit };
}

/** Nodes deleted and not brought back, newest deletion first, with the links that went with them. */
export async function recentlyDeleted(mapId: string, limit = DELETED_LIMIT): Promise<DeletedNode[]> {
  const client = await readDb();
  const rows = await client.nodeVersion.findMany({ where: { mapId, change: "deleted" }, orderBy: { revision: "desc" }, take: limit * 4 });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.nodeId)) latest.set(row.nodeId, row);
  const back = await client.node.findMany({ where: { mapId, id: { in: [...latest.keys()] } }, select: { id: true } });
  for (const { id } of back) latest.delete(id);
  const chosen = [...latest.values()].slice(0, limit);
  const ops = await opsAt(mapId, chosen.map((row) => row.revision));
  return chosen.map((row) => ({
    revision: row.revision,
    author: ops.get(row.revision)?.author ?? "",
    at: ops.get(row.revision)?.at ?? "",
    node: JSON.parse(row.node) as ArgNode,
    links: row.links ? (JSON.parse(row.links) as ArgEdge[]) : [],
  }));
}

export interface Attribution {
  createdBy: string;
  createdAt: string;
  changedBy: string;
  changedAt: string;
}

export interface Contribution {
  name: string;
  /** Nodes they added (restores included). */
  added: number;
  /** Nodes they changed the kind, text, speaker, source or quote of. */
  changed: number;
  deleted: number;
}

export interface Contributions {
  revision: number;
  nodes: Record<string, Attribution>;
  people: Contribution[];
}

/** The last answer per map, by revision: asking again before the map changes costs one read. */
const contributionsCache = processWide("contributions", () => new Map<string, Contributions>());
const CONTRIBUTIONS_CACHED = 100;

/** For a writer of versions that does not change the revision (the backfill). */
export function forgetContributions(mapId: string): void {
  contributionsCache.delete(mapId);
}

/**
 * Who did what on the map: per node on it now, its first and latest version's author and time, and per
 * person how many nodes they added, changed and deleted. Aggregated by the database in one pass
 * over the map's versions (an index range), with only the results coming back, once per revision.
 */
export async function contributions(mapId: string): Promise<Contributions> {
  const client = await readDb();
  const answer = await client.$transaction(async (tx) => {
    const map = await tx.map.findUnique({ where: { id: mapId }, select: { revision: true } });
    const cached = contributionsCache.get(mapId);
    if (cached && cached.revision === (map?.revision ?? 0)) return cached;
    const ends = await tx.$queryRaw<{ nodeId: string; firstAuthor: string; firstAt: unknown; lastAuthor: string; lastAt: unknown }[]>`
      SELECT f."nodeId" AS "nodeId", fo."author" AS "firstAuthor", fo."createdAt" AS "firstAt", lo."author" AS "lastAuthor", lo."createdAt" AS "lastAt"
      FROM (SELECT "nodeId", MIN("revision") AS "first", MAX("revision") AS "last" FROM "NodeVersion" WHERE "mapId" = ${mapId} AND "change" <> 'deleted' GROUP BY "nodeId") f
      JOIN "Node" n ON n."mapId" = ${mapId} AND n."id" = f."nodeId"
      JOIN "Op" fo ON fo."mapId" = ${mapId} AND fo."revision" = f."first"
      JOIN "Op" lo ON lo."mapId" = ${mapId} AND lo."revision" = f."last"`;
    const people = await tx.$queryRaw<{ name: string; added: unknown; changed: unknown; deleted: unknown }[]>`
      SELECT o."author" AS "name",
        COUNT(DISTINCT CASE WHEN v."change" = 'created' THEN v."nodeId" END) AS "added",
        COUNT(DISTINCT CASE WHEN v."change" = 'changed' THEN v."nodeId" END) AS "changed",
        COUNT(DISTINCT CASE WHEN v."change" = 'deleted' THEN v."nodeId" END) AS "deleted"
      FROM "NodeVersion" v JOIN "Op" o ON o."mapId" = v."mapId" AND o."revision" = v."revision"
      WHERE v."mapId" = ${mapId}
      GROUP BY o."author"`;
    const nodes: Record<string, Attribution> = {};
    for (const row of ends) {
      Object.defineProperty(nodes, row.nodeId, {
        value: { createdBy: row.firstAuthor, createdAt: isoTime(row.firstAt), changedBy: row.lastAuthor, changedAt: isoTime(row.lastAt) },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return {
      revision: map?.revision ?? 0,
      nodes,
      people: people
        .map((row) => ({ name: row.name, added: Number(row.added), changed: Number(row.changed), deleted: Number(row.deleted) }))
        .sort((a, b) => b.added + b.changed + b.deleted - (a.added + a.changed + a.deleted) || a.name.localeCompare(b.name)),
    };
  });
  contributionsCache.delete(mapId);
  contributionsCache.set(mapId, answer);
  if (contributionsCache.size > CONTRIBUTIONS_CACHED) contributionsCache.delete(contributionsCache.keys().next().value!);
  return answer;
}

/** A time as a raw query gives it (a Date, an ISO string, or milliseconds, by database) as ISO text. */
function isoTime(value: unknown): string {
  const date = value instanceof Date ? value : new Date(typeof value === "string" && /^\d+$/.test(value) ? Number(value) : (value as string | number));
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}
