/**
 * Several instances on one PostgreSQL (design.md "Performance budgets", the PostgreSQL rows), each
 * beside a baseline measured in this run:
 *   1. op round trip, POST to instance A → all 50 listeners on instance B have it, vs the same with
 *      the 50 listeners on A (one instance): p95 ≤ 1.5×.
 *   2. sustained durable ops/s with two instances (posters and listeners split over both; PostgreSQL
 *      with fsync and synchronous_commit on), vs one instance: ≥ 1,500 ops/s.
 *   3. capacity to saturation: the offered rate raised until delivery stops keeping up, on SQLite
 *      (one server) and on PostgreSQL (two instances); the highest delivered rate is the capacity.
 *   4. 10,000 idle event streams held across two instances: memory per stream, vs the bare
 *      node:http SSE server holding as many.
 * The PostgreSQL server is a throwaway cluster (scripts/throwaway-postgres.mjs), durable settings.
 *
 *   npx tsx bench/cluster.bench.ts
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { deployMigrations } from "../scripts/migrate.mjs";
import { createDatabase } from "../scripts/postgres-databases.mjs";
import { startThrowawayPostgres } from "../scripts/throwaway-postgres.mjs";
import { openSpreadRoom, timedMove } from "./cluster/rooms";
import { saturate, sustained } from "./cluster/load";
import { openSseListener, type SseListener } from "./sse-client";
import { closePostConnections, LISTENERS, POSTERS, postJson } from "./sync/rooms";
import { ensureBuild, ROOT, startServer, stopChild } from "./sync/servers";
import { mean, percentile, row } from "./sync/stats";
import type { BenchResult, BenchRow } from "./types";

const SERVER_ENV = { ARGUMAP_RATE_LIMITS: "off" };
const ROUND_TRIPS = 300;
const BLOCK = 50;
const IDLE_STREAMS = 10_000;
const RATES = [1_000, 2_000, 4_000, 8_000, 16_000];
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

const rssBytes = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;

async function roundTrips(a: number, b: number): Promise<{ single: number[]; cross: number[] }> {
  const single = await openSpreadRoom(a, Array(LISTENERS).fill(a), 1);
  const cross = await openSpreadRoom(a, Array(LISTENERS).fill(b), 1);
  const samples = { single: [] as number[], cross: [] as number[] };
  try {
    for (let i = 0; i < 30; i++) await Promise.all([timedMove(single, a, "warm"), timedMove(cross, a, "warm")]);
    for (let block = 0; block * BLOCK < ROUND_TRIPS; block++) {
      const order = block % 2 === 0 ? (["single", "cross"] as const) : (["cross", "single"] as const);
      for (const side of order) {
        for (let i = 0; i < BLOCK; i++) {
          const ms = await timedMove(side === "single" ? single : cross, a, "round-trip");
          if (ms === undefined) throw new Error(`a ${side} round-trip op never reached every listener`);
          samples[side].push(ms);
        }
      }
    }
  } finally {
    single.close();
    cross.close();
  }
  return samples;
}

/** Opens `count` idle streams spread over `ports` and maps; returns the memory each server grew by per stream. */
async function idleStreams(servers: { port: number; pid: number }[], count: number): Promise<number> {
  const perServer = count / servers.length;
  const maps: string[] = [];
  for (let i = 0; i < 100; i++) maps.push(String((await postJson(servers[0]!.port, "/api/maps", { title: "Idle" })).body.links.view).split("/").pop()!);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const before = servers.map((server) => rssBytes(server.pid));
  const listeners: SseListener[] = [];
  try {
    for (const server of servers) {
      for (let at = 0; at < perServer; at += 200) {
        const batch = Array.from({ length: Math.min(200, perServer - at) }, (_, i) => openSseListener({ port: server.port, path: `/api/maps/${maps[(at + i) % maps.length]}/events?since=0`, onOp: () => undefined, timeoutMs: 60_000 }));
        listeners.push(...batch);
        await Promise.all(batch.map((listener) => listener.ready));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const after = servers.map((server) => rssBytes(server.pid));
    return (after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)) / count;
  } finally {
    for (const listener of listeners) listener.close();
  }
}

export async function runClusterBench(): Promise<BenchResult> {
  const rows: BenchRow[] = [];
  const started: ChildProcess[] = [];
  const postgres = await startThrowawayPostgres({ durable: true, maxConnections: 300 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-cluster-bench-"));
  try {
    if (!ensureBuild()) throw new Error("the cluster bench needs a production build (npm run build)");
    const database = await createDatabase(postgres.url, { prefix: "argumap_bench" });
    await deployMigrations(database.url);
    const env = { ...SERVER_ENV, DATABASE_URL: database.url, ARGUMAP_SECRET: "cluster-bench-secret-cluster-bench-secret" };
    const [a, b] = [await startServer("instance A", [NEXT, "start", "-p", "{port}", "-H", "127.0.0.1"], env), await startServer("instance B", [NEXT, "start", "-p", "{port}", "-H", "127.0.0.1"], env)];
    const sqlite = await startServer("SQLite", [path.join(ROOT, "scripts", "serve-e2e.mjs"), "{port}", path.join(dir, "bench.db")], SERVER_ENV);
    const baseline = await startServer("bare node:http", ["--import", "tsx", path.join(ROOT, "bench", "sse-baseline.ts"), "{port}"]);
    started.push(a.child, b.child, sqlite.child, baseline.child);
    const [pa, pb, ps] = [a.target.port, b.target.port, sqlite.target.port];

    // Each part on its own: one that fails (a loaded machine can time a request out) is reported, the others still run.
    const part = async (name: string, measure: () => Promise<void>) => {
      try {
        await measure();
      } catch (error) {
        console.error(`cluster bench: ${name} failed:`, error instanceof Error ? error.message : error);
        process.exitCode = 1;
      }
    };
    await part("round trips", async () => {
      const trips = await roundTrips(pa, pb);
      const where = `PostgreSQL, writer on A, ${LISTENERS} listeners, ${trips.cross.length} ops`;
      rows.push(row(`op round trip p50, listeners on instance B (${where}); baseline: listeners on A`, percentile(trips.cross, 50), percentile(trips.single, 50), "ms"));
      const p95 = percentile(trips.cross, 95) / percentile(trips.single, 95);
      rows.push(row(`op round trip p95, listeners on instance B (${where}); baseline: listeners on A`, percentile(trips.cross, 95), percentile(trips.single, 95), "ms", "≤ 1.5× one instance", p95 <= 1.5));
    });

    const spread = Array.from({ length: POSTERS }, (_, i) => (i % 2 === 0 ? pa : pb));
    const listenSpread = Array.from({ length: LISTENERS }, (_, i) => (i % 2 === 0 ? pa : pb));
    await part("sustained", async () => {
      const two: number[] = [];
      const one: number[] = [];
      for (let round = 0; round < 2; round++) {
        one.push((await sustained(pa, Array(POSTERS).fill(pa), Array(LISTENERS).fill(pa), 2_000, 2_000)).opsPerSecond);
        two.push((await sustained(pa, spread, listenSpread, 2_000, 2_000)).opsPerSecond);
      }
      rows.push(row(`sustained durable ops/s, two instances (PostgreSQL synchronous_commit=on, ${POSTERS} posters and ${LISTENERS} listeners split over A and B, 2,000 offered, 2×2 s); baseline: one instance`, mean(two), mean(one), "ops/s", "≥ 1,500 ops/s", mean(two) >= 1_500));
    });

    await part("capacity", async () => {
      const onSqlite = await saturate((rate) => sustained(ps, Array(POSTERS).fill(ps), Array(LISTENERS).fill(ps), rate, 2_000), RATES);
      const onPostgres = await saturate((rate) => sustained(pa, spread, listenSpread, rate, 2_000), RATES);
      const steps = (runs: { offered: number; opsPerSecond: number }[]) => runs.map((run) => `${run.offered}→${Math.round(run.opsPerSecond)}`).join(", ");
      rows.push(row(`capacity on PostgreSQL, two instances (offered→delivered: ${steps(onPostgres.runs)}); baseline: SQLite, one server (${steps(onSqlite.runs)})`, onPostgres.capacity, onSqlite.capacity, "ops/s"));
    });

    await part("idle streams", async () => {
      const ours = await idleStreams([{ port: pa, pid: a.child.pid! }, { port: pb, pid: b.child.pid! }], IDLE_STREAMS);
      const bare = await idleStreams([{ port: baseline.target.port, pid: baseline.child.pid! }], IDLE_STREAMS);
      rows.push(row(`memory per idle event stream, ${IDLE_STREAMS} streams over two instances (100 maps); baseline: bare node:http SSE server`, ours / 1024, bare / 1024, "KB"));
    });
  } catch (error) {
    console.error("cluster bench failed:", error);
    process.exitCode = 1;
  } finally {
    await Promise.all(started.map(stopChild));
    closePostConnections();
    postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { name: "cluster", rows };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runClusterBench().then(async (result) => {
    const { printTable } = await import("./run");
    printTable([result]);
    process.exit(process.exitCode ?? 0);
  });
}
