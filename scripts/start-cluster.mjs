// Several app instances on one PostgreSQL database, on consecutive ports, for a load balancer to
// spread requests over (any of them serves any map; no sticky sessions needed).
//   DATABASE_URL=postgresql://… node scripts/start-cluster.mjs [--instances N] [--port FIRST]
// Applies pending migrations once, starts N `next start` (ports FIRST … FIRST+N-1, default 2 from
// PORT or 3000), restarts an instance that dies, and stops them all on Ctrl-C / SIGTERM.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { databaseUrl, providerOf } from "./database-url.mjs";
import { deployMigrations } from "./migrate.mjs";
import { serverEnv } from "./next-start.mjs";

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const url = databaseUrl();
if (providerOf(url) !== "postgresql") {
  console.error("start-cluster: DATABASE_URL must name a PostgreSQL database (postgresql://…): instances share state through it. One SQLite server is `npm start`.");
  process.exit(1);
}
const instances = option("instances", Number(process.env.ARGUMAP_INSTANCES ?? 2));
const firstPort = option("port", Number(process.env.PORT ?? 3000));
const host = process.env.HOST ?? "0.0.0.0";
const next = createRequire(import.meta.url).resolve("next/dist/bin/next");

const applied = await deployMigrations(url);
console.log(applied.length ? `Database migrated: ${applied.join(", ")}` : "Database is up to date.");

let stopping = false;
const children = new Map();

function start(port) {
  const child = spawn(process.execPath, [next, "start", "-p", String(port), "-H", host], { stdio: ["ignore", "pipe", "pipe"], env: serverEnv({ ...process.env, PORT: String(port) }) });
  children.set(port, child);
  const prefix = (stream, out) => stream.on("data", (chunk) => out.write(chunk.toString().replace(/^(?=.)/gm, `[${port}] `)));
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    children.delete(port);
    if (stopping) return void (children.size === 0 && process.exit(0));
    console.error(`[${port}] exited (${signal ?? code}); starting it again in 1 s`);
    setTimeout(() => !stopping && start(port), 1_000);
  });
}

for (let i = 0; i < instances; i++) start(firstPort + i);
console.log(`${instances} instances on ${Array.from({ length: instances }, (_, i) => `http://${host}:${firstPort + i}`).join(", ")}: put any HTTP load balancer in front.`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    if (children.size === 0) process.exit(0);
    for (const child of children.values()) child.kill("SIGTERM");
    setTimeout(() => {
      for (const child of children.values()) child.kill("SIGKILL");
      process.exit(1);
    }, 15_000).unref();
  });
}
