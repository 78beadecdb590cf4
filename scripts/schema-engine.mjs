// Prisma's schema engine, as WebAssembly, over a driver adapter: better-sqlite3 for SQLite,
// node-postgres for PostgreSQL. The native engine that `prisma migrate` downloads cannot be fetched
// offline; this is the same engine, built to wasm.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PROVIDER_LAYOUT, providerOf } from "./database-url.mjs";

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

/** PostgreSQL's one-byte `"char"` (OID 18), which catalog columns use. */
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * The engine reads PostgreSQL's catalogs to learn what a database holds, and those have `"char"`
 * columns, which @prisma/adapter-pg 7.10 refuses as an unsupported type ("Column type 'char' could
 * not be deserialized"). node-postgres already returns their values as strings: this client only
 * reports them as text. Used for the schema engine, never by the app.
 */
class CatalogFriendlyClient extends pg.Client {
  query(...args) {
    const relabel = (result) => {
      for (const one of Array.isArray(result) ? result : [result]) for (const field of one?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      return result;
    };
    const callback = args[args.length - 1];
    if (typeof callback === "function") {
      args[args.length - 1] = (error, result) => callback(error, error ? result : relabel(result));
      return super.query(...args);
    }
    const returned = super.query(...args);
    return typeof returned?.then === "function" ? returned.then(relabel) : returned;
  }
}

/** The schema file and migrations folder of a provider ("sqlite" or "postgresql"), absolute. */
export function layoutOf(provider) {
  const { schema, migrations } = PROVIDER_LAYOUT[provider];
  return { schemaPath: path.resolve(schema), migrationsDir: path.resolve(migrations) };
}

/**
 * Opens the engine against a database URL (`file:` or `postgresql://`) with that provider's schema;
 * `close()` frees it and closes the connections it opened (the engine itself never does, and an
 * open connection would lock a SQLite file).
 */
export async function openSchemaEngine(url, log = () => {}) {
  const { SchemaEngine } = await loadBindings();
  const provider = providerOf(url);
  const { schemaPath } = layoutOf(provider);
  const schema = fs.readFileSync(schemaPath, "utf8");
  const inner = provider === "sqlite" ? new PrismaBetterSqlite3({ url }) : new PrismaPg(new pg.Pool({ connectionString: url, max: 2, Client: CatalogFriendlyClient }), { disposeExternalPool: true });
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
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, bindMigrationAwareSqlAdapterFactory(tracking));
  return {
    engine,
    provider,
    schemaPath,
    schema,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** The names of a provider's migrations, oldest first (folder names start with a timestamp). */
export function migrationNames(provider) {
  const { migrationsDir } = layoutOf(provider);
  return fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
}

/**
 * A provider's migrations folder in the shape the engine takes (what `prisma migrate` reads from
 * disk); `names` keeps only some of them (a history up to a point, for writing a twin).
 */
export function migrationsList(provider, names = migrationNames(provider)) {
  const { migrationsDir: MIGRATIONS_DIR } = layoutOf(provider);
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const directories = names;
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
