/**
 * The Prisma clients, chosen at start by DATABASE_URL: `file:` opens SQLite through better-sqlite3,
 * `postgresql://` PostgreSQL through node-postgres. Each provider has its own generated client (a
 * client embeds its provider's query compiler); the two are generated from the same models, so
 * the SQLite client's type serves both.
 *
 * SQLite runs in WAL mode with synchronous=FULL (an ack means durable). Its driver adapter has a
 * single connection, and a query outside a transaction runs inside whichever transaction is open
 * on it, so it could see writes that are later rolled back. Writes therefore go through `db()` and
 * reads that must see only committed data through `readDb()`, a second, query-only connection (WAL
 * lets it read while the writer commits). On PostgreSQL both are one client over a pool: a query
 * outside a transaction gets a connection of its own and sees committed data only.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl, keepDatabasePrivate, providerOf, type Provider } from "../../scripts/database-url.mjs";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type { Provider };

interface Clients {
  url: string;
  provider: Provider;
  writer: Promise<PrismaClient>;
  reader: Promise<PrismaClient>;
}

const globalForDb = globalThis as unknown as { argumapDb?: Clients };

async function openSqlite(url: string, readOnly: boolean): Promise<PrismaClient> {
  if (!readOnly) keepDatabasePrivate(url);
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 10_000 }) });
  if (readOnly) {
    await client.$executeRawUnsafe("PRAGMA query_only = 1");
  } else {
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
    await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  }
  return client;
}

/** Connections per instance; each commit holds one for its few round trips. */
function poolSize(): number {
  const size = Number(process.env.ARGUMAP_PG_POOL_SIZE ?? 10);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

async function openPostgres(url: string): Promise<PrismaClient> {
  const [{ PrismaPg }, generated] = await Promise.all([import("@prisma/adapter-pg"), import("../generated/prisma-postgresql/client")]);
  const adapter = new PrismaPg({ connectionString: url, max: poolSize() }, { onPoolError: (error) => console.error("PostgreSQL pool:", error.message) });
  return new generated.PrismaClient({ adapter }) as unknown as PrismaClient;
}

function clients(): Clients {
  const url = databaseUrl();
  const held = globalForDb.argumapDb;
  if (held && held.url === url) return held;
  const provider = providerOf(url);
  if (provider === "postgresql") {
    const client = openPostgres(url);
    return (globalForDb.argumapDb = { url, provider, writer: client, reader: client });
  }
  const writer = openSqlite(url, false);
  // The reader opens after the writer has switched the file to WAL.
  const reader = writer.then(() => openSqlite(url, true));
  return (globalForDb.argumapDb = { url, provider, writer, reader });
}

/** The client for writes and transactions (one per process; survives dev-server hot reloads). */
export function db(): Promise<PrismaClient> {
  return clients().writer;
}

/** A client that sees committed data only. */
export function readDb(): Promise<PrismaClient> {
  return clients().reader;
}

/** Which database DATABASE_URL names. */
export function provider(): Provider {
  return providerOf(databaseUrl());
}

/** For tests: close the clients so the next call opens DATABASE_URL afresh. */
export async function closeDb(): Promise<void> {
  const held = globalForDb.argumapDb;
  globalForDb.argumapDb = undefined;
  if (!held) return;
  const [writer, reader] = await Promise.all([held.writer, held.reader]);
  await Promise.all([...new Set([writer, reader])].map((client) => client.$disconnect()));
}

type PrismaError = { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
const driverErrorKind = (error: unknown) => (error as PrismaError | undefined)?.meta?.driverAdapterError?.cause?.kind;

/** A write broke a unique index. Model calls report it as P2002; raw statements as P2010 with the driver's error inside. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as PrismaError | undefined)?.code === "P2002" || driverErrorKind(error) === "UniqueConstraintViolation";
}

/** The map was not at the revision a group was planned on (persist-op's groupWrites fails this way). */
export function isRevisionConflict(error: unknown): boolean {
  return driverErrorKind(error) === "NullConstraintViolation";
}

/**
 * SQLite was busy past the busy timeout, or a transaction's snapshot went stale under another
 * process's commit (SQLITE_BUSY_SNAPSHOT); the better-sqlite3 adapter reports both as a timeout.
 * Nothing was written: the transaction may simply run again.
 */
export function isBusy(error: unknown): boolean {
  const kind = driverErrorKind(error);
  const code = (error as PrismaError | undefined)?.code;
  return kind === "SocketTimeout" || code === "P1008" || /SQLITE_BUSY/.test(String((error as Error | undefined)?.message ?? ""));
}

const BUSY_RETRIES = 5;

/**
 * Prisma's defaults (2 s to get a connection, 5 s in all) are too tight for a write that waits for
 * another instance's commit on the same map on a loaded machine; an expired transaction would
 * answer the client with an error although nothing was wrong.
 */
export const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 20_000 };

/**
 * Runs a write transaction, again if the database was busy. On SQLite several processes may share
 * a file during a rolling restart; a transaction that read before it wrote can lose its snapshot
 * to another process's commit, and is then retried whole rather than answered with a 500.
 */
export async function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await db();
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.$transaction(work, TRANSACTION_LIMITS);
    } catch (error) {
      if (attempt >= BUSY_RETRIES || !isBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
