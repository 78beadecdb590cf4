// A throwaway PostgreSQL cluster: its own data directory and port, removed when it stops.
//   node scripts/throwaway-postgres.mjs -- <command…>   runs the command with ARGUMAP_TEST_POSTGRES_URL
//                                                       set to the cluster, then removes the cluster
//   node scripts/throwaway-postgres.mjs                 starts one, prints its URL, runs until Ctrl-C
// PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user (Debian's
// package creates it) or `nobody`, in a directory that user owns.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The directory of initdb/pg_ctl: PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or PATH. */
export function postgresBinDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, "bin", "initdb"))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length > 0) return path.join(root, versions[0], "bin");
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (found) return path.dirname(found);
  throw new Error("PostgreSQL is not installed: install Debian's `postgresql` package (apt-get install postgresql), or set ARGUMAP_TEST_POSTGRES_URL to a server the tests may create databases on.");
}

/** As root, the unprivileged user to run PostgreSQL as; otherwise null (run as ourselves). */
function serverUser() {
  if (process.getuid?.() !== 0) return null;
  const known = (name) => spawnSync("id", ["-u", name]).status === 0;
  return known("postgres") ? "postgres" : "nobody";
}

function run(user, command, args, options = {}) {
  const [file, argv] = user ? ["runuser", ["-u", user, "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8", ...options });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a cluster and returns its URL (superuser `argumap`, trust auth on 127.0.0.1 only) and
 * `stop()`, which stops it at once and removes its directory. `durable: false` turns fsync off,
 * for test suites; benchmarks keep PostgreSQL's defaults (fsync, synchronous_commit on).
 */
export async function startThrowawayPostgres({ port, durable = true, maxConnections = 200 } = {}) {
  const bin = postgresBinDir();
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-pg-"));
  const data = path.join(dir, "data");
  if (user) spawnSync("chown", [user, dir]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(user ? "runuser" : path.join(bin, "pg_ctl"), [...(user ? ["-u", user, "--", path.join(bin, "pg_ctl")] : []), "stop", "-D", data, "-m", "immediate", "-w"], { stdio: "ignore" });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(user, path.join(bin, "initdb"), ["-D", data, "-U", "argumap", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
    const chosen = port ?? (await freePort());
    const options = [`-p ${chosen}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", `-c max_connections=${maxConnections}`, ...(durable ? [] : ["-c fsync=off", "-c full_page_writes=off"])];
    run(user, path.join(bin, "pg_ctl"), ["start", "-D", data, "-w", "-t", "60", "-l", path.join(dir, "server.log"), "-o", options.join(" ")], { stdio: ["ignore", "ignore", "pipe"] });
    return { url: `postgresql://argumap@127.0.0.1:${chosen}/postgres`, port: chosen, dir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

async function main() {
  const separator = process.argv.indexOf("--");
  const command = separator >= 0 ? process.argv.slice(separator + 1) : [];
  const cluster = await startThrowawayPostgres({ durable: command.length === 0 || process.env.ARGUMAP_TEST_POSTGRES_DURABLE === "1" });
  process.on("exit", cluster.stop);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => process.exit(130));
  if (command.length === 0) {
    console.log(`PostgreSQL is up: ${cluster.url}\n(data in ${cluster.dir}; Ctrl-C stops it and removes it)`);
    setInterval(() => {}, 1 << 30);
    return;
  }
  console.error(`throwaway PostgreSQL on port ${cluster.port} (${cluster.dir})`);
  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, ARGUMAP_TEST_POSTGRES_URL: cluster.url } });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.removeAllListeners(signal).on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
