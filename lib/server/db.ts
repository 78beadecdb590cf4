/**
 * The Prisma clients, on better-sqlite3, in WAL mode with synchronous=FULL (an ack means durable).
 * The driver adapter has a single connection, and a query outside a transaction runs inside
 * whichever transaction is open on it, so it could see writes that are later rolled back. Writes
 * therefore go through `db()` and reads that must see only committed data through `readDb()`, a
 * second, query-only connection (WAL lets it read while the writer commits).
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl, keepDatabasePrivate } from "../../scripts/database-url.mjs";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

interface Clients {
  url: string;
  writer: Promise<PrismaClient>;
  reader: Promise<PrismaClient>;
}

const globalForDb = globalThis as unknown as { argumapDb?: Clients };

async function open(url: string, readOnly: boolean): Promise<PrismaClient> {
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

function clients(): Clients {
  const url = databaseUrl();
  const held = globalForDb.argumapDb;
  if (held && held.url === url) return held;
  const writer = open(url, false);
  // The reader opens after the writer has switched the file to WAL.
  const reader = writer.then(() => open(url, true));
  return (globalForDb.argumapDb = { url, writer, reader });
}

/** The client for writes and transactions (one per process; survives dev-server hot reloads). */
export function db(): Promise<PrismaClient> {
  return clients().writer;
}

/** A query-only client that sees committed data only. */
export function readDb(): Promise<PrismaClient> {
  return clients().reader;
}

/** For tests: close the clients so the next call opens DATABASE_URL afresh. */
export async function closeDb(): Promise<void> {
  const held = globalForDb.argumapDb;
  globalForDb.argumapDb = undefined;
  if (held) await Promise.all([(await held.writer).$disconnect(), (await held.reader).$disconnect()]);
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
