/**
 * Sync benchmarks (design.md "Performance budgets"), each beside a baseline measured in this run:
 *   1. op round trip, POST → all 50 SSE listeners have it (durable commit included), p50 / p95,
 *      vs a bare node:http SSE fan-out server (bench/sse-baseline.ts) driven by the same client.
 *   2. sustained ops/s with 50 listeners and 8 concurrent posters, counting only ops every listener
 *      received; the bare server beside it (bench/sync/sustained.ts).
 *   3. one op through applyClientOps in-process (Prisma, temp SQLite file) vs a raw better-sqlite3
 *      transaction doing the same writes, both WAL + synchronous=FULL in the same directory.
 * 1 and 2 run against the production server (`next start` via scripts/serve-e2e.mjs, built first
 * when the build's BUILD_ID is missing). When no build can be had, the real route handlers are
 * mounted on node:http instead (`--serve-routes`, bench/sync/serve-routes.ts) and every row says so.
 *
 *   npx tsx bench/sync.bench.ts          prints a table, writes bench/results/sync.json
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { measureHttp } from "./sync/http-measures";
import { closePostConnections } from "./sync/rooms";
import { ensureBuild, ROOT, startServer, stopChild } from "./sync/servers";
import { measureTransactions } from "./sync/transactions";
import type { BenchResult, BenchRow } from "./types";

const RESULT_FILE = path.join(ROOT, "bench", "results", "sync.json");
/**
 * The write limits (lib/server/rate-limit.ts: ops and bytes per link) would answer most of this
 * bench with 429: they are lifted here, so what is measured is the server's capacity.
 */
const SERVER_ENV: Record<string, string> = { ARGUMAP_RATE_LIMITS: "off" };

export async function runSyncBench(): Promise<BenchResult> {
  const rows: BenchRow[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-bench-"));
  const started: ChildProcess[] = [];
  try {
    const built = process.env.BENCH_IN_PROCESS ? false : ensureBuild();
    const tsx = ["--import", "tsx"];
    const baseline = await startServer("bare node:http", [...tsx, path.join(ROOT, "bench", "sse-baseline.ts"), "{port}"]);
    started.push(baseline.child);
    const argumap = built
      ? await startServer("next start", [path.join(ROOT, "scripts", "serve-e2e.mjs"), "{port}", path.join(dir, "http.db")], SERVER_ENV)
      : await startServer("route handlers on node:http", [...tsx, path.join(ROOT, "bench", "sync.bench.ts"), "--serve-routes", path.join(dir, "http.db"), "{port}"], SERVER_ENV);
    started.push(argumap.child);
    rows.push(...(await measureHttp(argumap.target, baseline.target, built ? "next start" : "route handlers in-process, NOT next start")));
  } catch (error) {
    console.error("sync: the HTTP measurements failed:", error);
    process.exitCode = 1;
  } finally {
    await Promise.all(started.map(stopChild));
    closePostConnections();
  }
  try {
    rows.push(...(await measureTransactions(dir)));
  } catch (error) {
    console.error("sync: the transaction measurements failed:", error);
    process.exitCode = 1;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const result: BenchResult = { name: "sync", rows };
  fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

async function main(): Promise<void> {
  if (process.argv[2] === "--serve-routes") {
    const { serveRoutes } = await import("./sync/serve-routes");
    return serveRoutes(process.argv[3]!, Number(process.argv[4]));
  }
  const { printTable } = await import("./run");
  printTable([await runSyncBench()]);
  process.exit(process.exitCode ?? 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
