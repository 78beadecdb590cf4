// Creating and dropping PostgreSQL databases on a server (scratch databases for `db:migration`,
// one database per test file). Needs a URL whose user may CREATE DATABASE.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The same server and user, another database. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(url, work) {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name) => `"${name.replace(/"/g, '""')}"`;

/** Creates a database (optionally as a copy of `template`) and returns its URL. */
export async function createDatabase(url, { prefix = "argumap_scratch", template } = {}) {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(url, (client) => client.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ""}`));
  return { name, url: withDatabase(url, name) };
}

/** Drops a database, ending its open connections first. */
export async function dropDatabase(url, name) {
  await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`));
}

/** Runs `work(url)` on a fresh database, dropped afterwards. */
export async function withScratchDatabase(url, work, options) {
  const { name, url: scratch } = await createDatabase(url, options);
  try {
    return await work(scratch);
  } finally {
    await dropDatabase(url, name);
  }
}
