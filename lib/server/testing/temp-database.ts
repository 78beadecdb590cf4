/**
 * A fresh, migrated database for one test file: real Prisma, real drivers, no mocks. A SQLite file
 * by default; in the `postgresql` vitest project (ARGUMAP_TEST_DATABASE=postgresql) a database of
 * its own on the test server, copied from the migrated template.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { inject } from "vitest";
import { deployMigrations } from "../../../scripts/migrate.mjs";
import { createDatabase, dropDatabase } from "../../../scripts/postgres-databases.mjs";
import { closeDb, type Provider } from "../db";

/** Another connection to the same database, as another server process would have. `?` marks parameters. */
export interface OtherConnection {
  run(sql: string, ...params: unknown[]): Promise<void>;
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** PostgreSQL: NOTIFY payloads this connection receives (after it LISTENs). */
  onNotification?(listener: (payload: string) => void): void;
}

export interface TempDatabase {
  url: string;
  provider: Provider;
  otherConnection(): Promise<OtherConnection>;
  dispose(): Promise<void>;
}

export function testProvider(): Provider {
  return process.env.ARGUMAP_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

export async function useTempDatabase(): Promise<TempDatabase> {
  await closeDb();
  return testProvider() === "postgresql" ? usePostgres() : useSqlite();
}

async function useSqlite(): Promise<TempDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  process.env.DATABASE_URL = url;
  await deployMigrations(url);
  return {
    url,
    provider: "sqlite",
    async otherConnection() {
      const sqlite = new Database(url.slice("file:".length));
      return {
        run: async (sql, ...params) => void sqlite.prepare(sql).run(...params),
        all: async <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[],
        close: async () => void sqlite.close(),
      };
    },
    dispose: async () => {
      await closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

async function usePostgres(): Promise<TempDatabase> {
  const server = inject("postgresUrl");
  const { name, url } = await createDatabase(server, { prefix: "argumap_test", template: inject("postgresTemplate") });
  process.env.DATABASE_URL = url;
  return {
    url,
    provider: "postgresql",
    async otherConnection() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return {
        run: async (sql, ...params) => void (await client.query(numbered(sql), params)),
        all: async <T>(sql: string, ...params: unknown[]) => (await client.query(numbered(sql), params)).rows as T[],
        close: () => client.end(),
        onNotification: (listener) => void client.on("notification", (message) => listener(message.payload ?? "")),
      };
    },
    dispose: async () => {
      await closeDb();
      await dropDatabase(server, name);
    },
  };
}
