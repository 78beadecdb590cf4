// Runs before the server starts: creates the SQLite file if needed and applies pending migrations.
// The demo map is seeded by the server itself on start (instrumentation.ts), idempotently.
import { deployMigrations } from "./migrate.mjs";
import { databaseUrl } from "./database-url.mjs";

const url = databaseUrl();
if (url.startsWith("file:")) {
  const applied = await deployMigrations(url);
  console.log(applied.length ? `Database migrated: ${applied.join(", ")}` : "Database is up to date.");
} else {
  console.log("DATABASE_URL is not a SQLite file; run `prisma migrate deploy` for it.");
}
