// The one place that decides which database the app uses: DATABASE_URL, or a SQLite file under
// ./data/. `file:` means SQLite, `postgresql://` (or `postgres://`) PostgreSQL; each provider has
// its own Prisma schema file and migrations folder (Prisma allows one provider per schema).
import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/argumap.db";

export function databaseUrl() {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** "sqlite" or "postgresql", from the URL's scheme; anything else is refused with a clear message. */
export function providerOf(url = databaseUrl()) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got ${url.split(":")[0]}:`);
}

/**
 * Where each provider's schema and migrations live. prisma/schema.prisma is the source of truth;
 * prisma/postgresql/schema.prisma is generated from it (scripts/prisma-schemas.mjs).
 */
export const PROVIDER_LAYOUT = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" },
};

/** The filesystem path of a `file:` SQLite URL, resolved against the working directory. */
export function sqlitePath(url = databaseUrl()) {
  if (!url.startsWith("file:")) throw new Error(`Only SQLite file: URLs are supported here, got ${url.split(":")[0]}:`);
  const file = url.slice("file:".length).split("?")[0];
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

/**
 * A SQLite database holds everything a map is: only its owner may read it. Creates the file (and
 * its folder) private before SQLite opens it, and makes an existing one and its -wal/-shm files
 * private too (SQLite gives the files it adds the database file's permissions).
 */
export function keepDatabasePrivate(url = databaseUrl()) {
  if (!url.startsWith("file:")) return;
  const file = sqlitePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    try {
      fs.chmodSync(file + suffix, 0o600);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
  }
}
