// Runs before the server starts: applies pending migrations to DATABASE_URL (creating the SQLite
// file if needed). When nothing is pending it only reads the migrations table, so another server
// already running on the same database is no obstacle. The demo map is seeded by the server itself
// on start (instrumentation.ts), idempotently.
import { deployMigrations } from "./migrate.mjs";
import { databaseUrl } from "./database-url.mjs";

try {
  const applied = await deployMigrations(databaseUrl());
  console.log(applied.length ? `Database migrated: ${applied.join(", ")}` : "Database is up to date.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
