// prisma/schema.prisma (SQLite) is the one source of truth for the models. Prisma wants one
// provider per schema file, so the PostgreSQL schema is derived from it here: the same models,
// another datasource provider and another generated client. `npm run prisma:generate` rewrites it;
// prisma/postgresql.test.ts checks that the committed file and both migration histories match.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PROVIDER_LAYOUT } from "./database-url.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(ROOT, PROVIDER_LAYOUT.sqlite.schema);
export const POSTGRES_SCHEMA = path.join(ROOT, PROVIDER_LAYOUT.postgresql.schema);

const HEADER = "// Generated from prisma/schema.prisma by scripts/prisma-schemas.mjs: edit that file, not this one.\n\n";

/** The PostgreSQL schema for a SQLite schema's text. Fails loudly if the text no longer has the expected shape. */
export function postgresSchemaText(sqliteText) {
  const replace = (text, pattern, replacement, what) => {
    if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: cannot find ${what} to derive the PostgreSQL schema`);
    return text.replace(pattern, replacement);
  };
  let text = replace(sqliteText, /(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'the datasource\'s provider = "sqlite"');
  text = replace(text, /(output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-postgresql"', 'the client\'s output = "../lib/generated/prisma"');
  return HEADER + text;
}

export function writePostgresSchema() {
  const text = postgresSchemaText(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  if (!fs.existsSync(POSTGRES_SCHEMA) || fs.readFileSync(POSTGRES_SCHEMA, "utf8") !== text) fs.writeFileSync(POSTGRES_SCHEMA, text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) writePostgresSchema();
