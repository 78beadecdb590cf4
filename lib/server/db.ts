/** The single Prisma client, on better-sqlite3, in WAL mode with synchronous=FULL (an ack means durable). */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "../../scripts/database-url.mjs";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

interface DbHolder {
  url: string;
  ready: Promise<PrismaClient>;
}

const globalForDb = globalThis as unknown as { argumapDb?: DbHolder };

async function open(url: string): Promise<PrismaClient> {
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 10_000 }) });
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  return client;
}

/** The client for DATABASE_URL (one per process; survives dev-server hot reloads). */
export function db(): Promise<PrismaClient> {
  const url = databaseUrl();
  const held = globalForDb.argumapDb;
  if (held && held.url === url) return held.ready;
  const ready = open(url);
  globalForDb.argumapDb = { url, ready };
  return ready;
}

/** For tests: close the client so the next db() opens DATABASE_URL afresh. */
export async function closeDb(): Promise<void> {
  const held = globalForDb.argumapDb;
  globalForDb.argumapDb = undefined;
  if (held) await (await held.ready).$disconnect();
}
