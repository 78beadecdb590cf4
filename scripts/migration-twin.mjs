// The PostgreSQL twin of a SQLite migration that already exists (one written on a branch before
// PostgreSQL was supported, or by `npm run db:migration` elsewhere):
//   npm run db:migration -- --twin 20261207024011_quote_anchor   that one
//   npm run db:migration -- --twin                               every SQLite migration without a twin
// The SQLite history is replayed on a scratch file just before and just after the migration, both
// states are read back as Prisma models (introspection), and the engine diffs the two for
// PostgreSQL. Diffing two readings made the same way means only what the migration changed
// appears; the current prisma/schema.prisma is not used, so later changes cannot leak in.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { layoutOf, migrationNames, migrationsList, NO_FILTERS, openSchemaEngine } from "./schema-engine.mjs";

/** The Prisma models of a SQLite database after the given migrations, provider set to PostgreSQL. */
async function modelsAfter(names) {
  // Before the first migration there is nothing to read (introspection refuses an empty database).
  if (names.length === 0) return 'datasource db {\n  provider = "postgresql"\n}\n';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-twin-"));
  const { engine, close, schemaPath, schema } = await openSchemaEngine(`file:${path.join(dir, "scratch.db")}`);
  try {
    await engine.applyMigrations({ migrationsList: migrationsList("sqlite", names), filters: NO_FILTERS });
    // The current schema as the starting point keeps model and relation names stable between readings.
    const { schema: read } = await engine.introspect({
      schema: { files: [{ path: schemaPath, content: schema }] },
      baseDirectoryPath: path.dirname(schemaPath),
      force: false,
      compositeTypeDepth: 0,
      namespaces: null,
    });
    const text = read.files.map((file) => file.content).join("\n");
    if (!/provider\s*=\s*"sqlite"/.test(text)) throw new Error("introspection lost the datasource block");
    return text.replace(/(provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  } finally {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The PostgreSQL twin of the SQLite migration `name`: DDL for what it changes, then any data statements it has. `postgresUrl` is any PostgreSQL server (the engine needs one to speak its dialect; nothing is written to it). */
export async function twinSql(name, postgresUrl) {
  const history = migrationNames("sqlite");
  const index = history.indexOf(name);
  if (index < 0) throw new Error(`There is no SQLite migration prisma/migrations/${name}.`);
  const before = await modelsAfter(history.slice(0, index));
  const after = await modelsAfter(history.slice(0, index + 1));
  const { engine, close } = await openSchemaEngine(postgresUrl);
  try {
    const file = (content) => ({ tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] });
    const { stdout } = await engine.diff({ from: file(before), to: file(after), script: true, exitCode: null, filters: NO_FILTERS });
    const data = dataStatements(fs.readFileSync(path.join(layoutOf("sqlite").migrationsDir, name, "migration.sql"), "utf8"));
    const copied = data.length > 0 ? `\n\n${COPIED_DATA}\n${data.join("\n")}` : "";
    return (stdout ?? "").trim() + copied;
  } finally {
    await close();
  }
}

const COPIED_DATA = "-- Data, copied from the SQLite migration (check it reads the same on PostgreSQL)";

/**
 * Statements of a SQLite migration that change rows rather than the schema (a backfill written by
 * hand), which introspection cannot see. SQLite's own table rebuilds (`INSERT INTO "new_T" …
 * SELECT … FROM "T"`) are schema changes and are left out.
 */
export function dataStatements(sql) {
  return sql
    .replace(/^\s*--.*$/gm, "")
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => /^(INSERT|UPDATE|DELETE)\b/i.test(statement) && !/^INSERT\s+INTO\s+"new_/i.test(statement))
    .map((statement) => `${statement};`);
}

/** Writes the twins of `names` (all missing ones when empty), oldest first; returns the folders written. */
export async function writeTwins(names, postgresUrl) {
  const twins = new Set(migrationNames("postgresql"));
  const wanted = names.length > 0 ? names : migrationNames("sqlite").filter((name) => !twins.has(name));
  const written = [];
  for (const name of [...wanted].sort()) {
    const dir = path.join(layoutOf("postgresql").migrationsDir, name);
    if (fs.existsSync(path.join(dir, "migration.sql"))) throw new Error(`${path.relative(process.cwd(), dir)}/migration.sql exists already; delete it first to write it again.`);
    const sql = await twinSql(name, postgresUrl);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
    written.push(dir);
    console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
    if (sql.includes(COPIED_DATA)) console.log("  with statements that change data copied as they are: read them, and run the migrations test (npx vitest run --project postgresql prisma/migrations.postgresql.test.ts).");
  }
  if (written.length === 0) console.log("Every SQLite migration has its PostgreSQL twin.");
  return written;
}
