// Prisma's schema engine, as WebAssembly, over the better-sqlite3 driver adapter. The native engine
// that `prisma migrate` downloads cannot be fetched offline; this is the same engine, built to wasm.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

/** The package hides its package.json from `exports`, so walk up from its entry file instead. */
function wasmPackageDir() {
  let dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  while (!fs.existsSync(path.join(dir, "schema_engine_bg.wasm"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("@prisma/schema-engine-wasm is not installed");
    dir = parent;
  }
  return dir;
}

let bindings;
async function loadBindings() {
  if (bindings) return bindings;
  const dir = wasmPackageDir();
  const bg = await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href);
  const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  bindings = bg;
  return bg;
}

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/**
 * Opens the engine against a SQLite file URL; `close()` frees it and closes the connections it
 * opened (the engine itself never does, and an open connection would lock the file).
 */
export async function openSchemaEngine(url, log = () => {}) {
  const { SchemaEngine } = await loadBindings();
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  const inner = new PrismaBetterSqlite3({ url });
  const opened = [];
  const track = async (connection) => {
    const adapter = await connection;
    opened.push(adapter);
    return adapter;
  };
  const tracking = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => track(inner.connect()),
    connectToShadowDb: () => track(inner.connectToShadowDb()),
  };
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, log, bindMigrationAwareSqlAdapterFactory(tracking));
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** The migrations folder in the shape the engine takes (what `prisma migrate` reads from disk). */
export function migrationsList() {
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const directories = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file) ? { tag: "ok", value: fs.readFileSync(file, "utf8") } : { tag: "error", value: "missing migration.sql" },
        },
      };
    }),
  };
}
