/**
 * One source of truth, two databases: prisma/schema.prisma (SQLite) and the PostgreSQL schema
 * derived from it must stay in step, and so must their migration histories. A schema change with a
 * migration for one database only, or none, fails here.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { layoutOf } from "../scripts/schema-engine.mjs";
import { POSTGRES_SCHEMA, postgresSchemaText, SQLITE_SCHEMA } from "../scripts/prisma-schemas.mjs";
import { migrationNames } from "../scripts/schema-engine.mjs";
import { schemaDrift, withMigratedScratch } from "../scripts/migrate.mjs";
import { twinSql } from "../scripts/migration-twin.mjs";

/** table → column → "type family, null/not null"; plus each table's unique column sets. */
type Shape = Record<string, { columns: Record<string, string>; unique: string[] }>;

const family = (type: string) => {
  const t = type.toLowerCase();
  if (/int|serial/.test(t)) return "integer";
  if (/real|double|float/.test(t)) return "float";
  if (/date|timestamp/.test(t)) return "datetime";
  if (/text|char/.test(t)) return "text";
  return t;
};

async function sqliteShape(url: string): Promise<Shape> {
  const sqlite = new Database(url.slice("file:".length), { readonly: true });
  try {
    const tables = sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '_prisma_migrations'`).all() as { name: string }[];
    const shape: Shape = {};
    for (const { name } of tables) {
      const columns = sqlite.prepare(`pragma table_info("${name}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
      const indexes = sqlite.prepare(`pragma index_list("${name}")`).all() as { name: string; unique: number }[];
      const unique = indexes.filter((index) => index.unique).map((index) => (sqlite.prepare(`pragma index_info("${index.name}")`).all() as { name: string }[]).map((c) => c.name).join(","));
      const primary = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name).join(",");
      shape[name] = {
        columns: Object.fromEntries(columns.map((c) => [c.name, `${family(c.type)}, ${c.notnull || c.pk ? "not null" : "null"}`])),
        unique: [...new Set([...unique, primary])].sort(),
      };
    }
    return shape;
  } finally {
    sqlite.close();
  }
}

async function postgresShape(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: columns } = await client.query(`select table_name, column_name, data_type, is_nullable from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'`);
    const { rows: indexes } = await client.query(`
      select t.relname as table_name, string_agg(a.attname, ',' order by k.ord) as columns
      from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
      cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
      join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
      where n.nspname = 'public' and i.indisunique and t.relname <> '_prisma_migrations'
      group by t.relname, i.indexrelid`);
    const shape: Shape = {};
    for (const row of columns) (shape[row.table_name] ??= { columns: {}, unique: [] }).columns[row.column_name] = `${family(row.data_type)}, ${row.is_nullable === "YES" ? "null" : "not null"}`;
    for (const row of indexes) shape[row.table_name]!.unique.push(row.columns);
    for (const table of Object.values(shape)) table.unique.sort();
    return shape;
  } finally {
    await client.end();
  }
}

beforeAll(() => {
  // withMigratedScratch makes its PostgreSQL scratch database on the test server.
  process.env.ARGUMAP_TEST_POSTGRES_URL ??= inject("postgresUrl");
});

describe("the SQLite and PostgreSQL schemas", () => {
  it("the PostgreSQL schema is the SQLite one with another provider (npm run prisma:generate writes it)", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchemaText(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("every migration exists for both databases, under the same name (npm run db:migration writes both)", () => {
    expect(migrationNames("postgresql")).toEqual(migrationNames("sqlite"));
  });

  it("each database's migrations build exactly its schema: nothing left to migrate", async () => {
    expect(await withMigratedScratch("sqlite", schemaDrift)).toBe("");
    expect(await withMigratedScratch("postgresql", schemaDrift)).toBe("");
  });

  it("both migration histories build the same tables, columns, nullability and unique keys", async () => {
    const sqlite = await withMigratedScratch("sqlite", sqliteShape);
    const postgres = await withMigratedScratch("postgresql", postgresShape);
    expect(Object.keys(sqlite).length).toBeGreaterThan(5);
    expect(postgres).toEqual(sqlite);
  });

  it("`npm run db:migration -- --twin <name>` writes, from the SQLite history alone, what the newest twin says", async () => {
    // Branches that wrote a SQLite migration before PostgreSQL was supported add its twin this way.
    const newest = migrationNames("sqlite").at(-1)!;
    const words = (sql: string) => sql.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n/, "").split(/\s+/).join(" ").trim();
    const committed = fs.readFileSync(`${layoutOf("postgresql").migrationsDir}/${newest}/migration.sql`, "utf8");
    expect(words(await twinSql(newest, inject("postgresUrl")))).toBe(words(committed));
  });
});
