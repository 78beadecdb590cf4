/**
 * Two (or more) production instances on one PostgreSQL database, started the way the README says
 * (`scripts/start-cluster.mjs`, what `npm run serve:cluster` runs). The database is a fresh one on
 * ARGUMAP_TEST_POSTGRES_URL (CI passes it), or on a throwaway cluster started here.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

// Playwright compiles specs to CommonJS, so the .mjs scripts are run, not imported.

/** A PostgreSQL server to test on: ARGUMAP_TEST_POSTGRES_URL, or a throwaway cluster for this spec. */
async function postgresServer(): Promise<{ url: string; stop(): void }> {
  if (process.env.ARGUMAP_TEST_POSTGRES_URL) return { url: process.env.ARGUMAP_TEST_POSTGRES_URL, stop: () => undefined };
  const child = spawn(process.execPath, ["scripts/throwaway-postgres.mjs"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = "";
    child.stdout!.on("data", (chunk) => {
      text += chunk;
      const found = /PostgreSQL is up: (\S+)/.exec(text);
      if (found) resolve(found[1]!);
    });
    child.once("exit", () => reject(new Error(`throwaway PostgreSQL did not start:\n${text}`)));
  });
  return { url, stop: () => void child.kill("SIGTERM") };
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface RunningCluster {
  urls: string[];
  databaseUrl: string;
  /** Kills the process serving instance `index` (SIGKILL: a crash) and waits until its port is closed. */
  kill(index: number, signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

async function up(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (await fetch(`${url}/api/maps/demo`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start`);
}

async function down(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!(await fetch(`${url}/api/maps/demo`, { signal: AbortSignal.timeout(1_000) }).then(() => true, () => false))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} still answers`);
}

/** The pid of the process listening on `port` (the `next start` of that instance). */
async function listenerPid(port: number): Promise<number> {
  const { execFileSync } = await import("node:child_process");
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set(
    execFileSync("cat", ["/proc/net/tcp", "/proc/net/tcp6"], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.includes(`:${hex} `) && / 0A /.test(line))
      .map((line) => line.trim().split(/\s+/)[9]),
  );
  const { readdirSync, readlinkSync } = await import("node:fs");
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(/socket:\[(\d+)\]/.exec(target)?.[1])) return Number(pid);
      }
    } catch {
      // gone, or not ours to read
    }
  }
  throw new Error(`nothing listens on port ${port}`);
}

export async function startCluster(firstPort: number, instances = 2, env: Record<string, string> = {}): Promise<RunningCluster> {
  const server = await postgresServer();
  const name = `argumap_e2e_${randomBytes(6).toString("hex")}`;
  await onServer(server.url, (client) => client.query(`CREATE DATABASE "${name}"`));
  const target = new URL(server.url);
  target.pathname = `/${name}`;
  const database = { name, url: target.toString() };
  const child: ChildProcess = spawn(process.execPath, ["scripts/start-cluster.mjs", "--instances", String(instances), "--port", String(firstPort)], {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    env: { ...process.env, ...env, DATABASE_URL: database.url, HOST: "127.0.0.1" },
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr?.on("data", (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const urls = Array.from({ length: instances }, (_, i) => `http://127.0.0.1:${firstPort + i}`);
  const killAll = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", killAll);
  try {
    const deadline = Date.now() + 90_000;
    await Promise.all(urls.map((url) => up(url, deadline)));
  } catch (error) {
    killAll();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    urls,
    databaseUrl: database.url,
    async kill(index, signal = "SIGKILL") {
      process.kill(await listenerPid(firstPort + index), signal);
      await down(urls[index]!);
    },
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      const timer = setTimeout(killAll, 15_000);
      await exited;
      clearTimeout(timer);
      killAll();
      await onServer(server.url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(() => undefined);
      server.stop();
    },
  };
}
