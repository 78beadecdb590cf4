// Offline stand-in for `prisma migrate deploy` and `prisma migrate dev --create-only`, for SQLite
// and PostgreSQL alike (DATABASE_URL's scheme picks the schema and the migrations folder).
//   node scripts/migrate.mjs deploy          apply pending migrations to DATABASE_URL
//   node scripts/migrate.mjs create <name>   write <timestamp>_<name>/migration.sql for both providers
//   node scripts/migrate.mjs create --twin [<folder>…]   write the PostgreSQL twin of SQLite
//                                            migrations that have none (scripts/migration-twin.mjs)
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, keepDatabasePrivate, providerOf, sqlitePath } from "./database-url.mjs";
import { layoutOf, migrationNames, migrationsList, NO_FILTERS, openSchemaEngine } from "./schema-engine.mjs";

/** Names of the migrations this database has applied (finished, not rolled back); [] for a new database. */
async function appliedMigrations(url) {
  const query = `SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url);
    if (!fs.existsSync(file)) return [];
    const sqlite = new Database(file, { readonly: true, timeout: 10_000 });
    try {
      const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
      return exists ? sqlite.prepare(query).all().map((row) => row.name) : [];
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
    return rows[0].exists ? (await client.query(query)).rows.map((row) => row.name) : [];
  } finally {
    await client.end();
  }
}

/** The migrations in the folder that the database has not applied yet. */
export async function pendingMigrations(url = databaseUrl()) {
  const applied = new Set(await appliedMigrations(url));
  return migrationNames(providerOf(url)).filter((name) => !applied.has(name));
}

async function applyWithEngine(url) {
  const { engine, close, provider } = await openSchemaEngine(url);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: migrationsList(provider), filters: NO_FILTERS });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}

/** Any instance may start at any time: only one applies migrations, the others wait for it (a session lock, not Prisma's own). */
const POSTGRES_MIGRATION_LOCK = 0x4172_6775; // "Argu"

/**
 * Applies every pending migration; returns the names applied. Safe to run on every start, by
 * several processes at once: when nothing is pending it only reads `_prisma_migrations`, so a
 * second server on the same database needs no lock (the schema engine wants an exclusive one).
 */
export async function deployMigrations(url = databaseUrl()) {
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url);
    keepDatabasePrivate(url);
    const pending = await pendingMigrations(url);
    if (pending.length === 0) return [];
    try {
      return await applyWithEngine(url);
    } catch (error) {
      throw new Error(
        `Cannot apply the migrations ${pending.join(", ")} to ${file}: another process (an Argumap server still running?) has the file open. Stop it, start this server again (it applies them), then start the others. (${firstLine(error)})`,
      );
    }
  }
  if ((await pendingMigrations(url)).length === 0) return [];
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK]);
    // Another instance may have applied them while this one waited.
    if ((await pendingMigrations(url)).length === 0) return [];
    return await applyWithEngine(url);
  } finally {
    await lock.end(); // ends the session, and with it the lock
  }
}

const firstLine = (error) => String(error instanceof Error ? error.message : error).split("\n")[0].slice(0, 300);

/** SQL that takes the database at `url` to its provider's schema file ("" when they match). */
export async function schemaDrift(url) {
  const { engine, close, schemaPath, schema } = await openSchemaEngine(url);
  try {
    const schemaFiles = [{ path: schemaPath, content: schema }];
    const { stdout } = await engine.diff({
      from: { tag: "schemaDatasource", files: schemaFiles, configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files: schemaFiles },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = (stdout ?? "").trim();
    return sql === "-- This is an empty migration." ? "" : sql;
  } finally {
    await close();
  }
}

/** A fresh database of each provider with its migration history applied, for `work(url)`. */
export async function withMigratedScratch(provider, work) {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-migrate-"));
    try {
      const url = `file:${path.join(dir, "scratch.db")}`;
      await applyWithEngine(url);
      return await work(url);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const { withScratchDatabase } = await import("./postgres-databases.mjs");
  return withPostgresServer((server) => withScratchDatabase(server, async (url) => (await applyWithEngine(url), work(url))));
}

/** `work(url)` with a PostgreSQL server: ARGUMAP_TEST_POSTGRES_URL, or a throwaway cluster. */
async function withPostgresServer(work) {
  const server = process.env.ARGUMAP_TEST_POSTGRES_URL;
  if (server) return work(server);
  const { startThrowawayPostgres } = await import("./throwaway-postgres.mjs");
  const cluster = await startThrowawayPostgres({ durable: false });
  try {
    return await work(cluster.url);
  } finally {
    cluster.stop();
  }
}

/**
 * Writes the migration from each provider's history to its schema, under the same folder name in
 * both folders. (Diffing from {tag:"migrations"} would replay through a shadow database, and the
 * SQLite adapter there runs one statement per call, so the history is replayed on a scratch
 * database instead; PostgreSQL's is a throwaway cluster unless ARGUMAP_TEST_POSTGRES_URL names one.)
 */
async function createMigration(name) {
  if (!/^[a-z0-9_]+$/.test(name ?? "")) throw new Error("usage: migrate.mjs create <name_in_snake_case>");
  const { writePostgresSchema } = await import("./prisma-schemas.mjs");
  writePostgresSchema();
  const folder = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
  for (const provider of ["sqlite", "postgresql"]) {
    const sql = await withMigratedScratch(provider, schemaDrift);
    if (sql === "") {
      console.log(`${provider}: the schema matches the migrations; nothing to create.`);
      continue;
    }
    const { migrationsDir } = layoutOf(provider);
    const dir = path.join(migrationsDir, folder);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
    const lock = path.join(migrationsDir, "migration_lock.toml");
    if (!fs.existsSync(lock)) {
      fs.writeFileSync(lock, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`);
    }
    console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [command, name, ...rest] = process.argv.slice(2);
  const twins = async (names) => {
    const { writeTwins } = await import("./migration-twin.mjs");
    return withPostgresServer((server) => writeTwins(names, server));
  };
  const run =
    command === "deploy"
      ? deployMigrations().then((names) => console.log(names.length ? `Applied migrations: ${names.join(", ")}` : "Database is up to date."))
      : command === "create" && name === "--twin"
        ? twins(rest)
        : command === "create"
          ? createMigration(name)
          : Promise.reject(new Error("usage: migrate.mjs deploy | create <name> | create --twin [<existing_sqlite_migration>…]"));
  run.catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
