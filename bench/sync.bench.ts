/**
 * Sync benchmarks (design.md "Performance budgets"), each beside a baseline measured in this run:
 *   1. op round trip, POST → all 50 SSE listeners have it (durable commit included), p50 / p95,
 *      vs a bare node:http SSE fan-out server (bench/sse-baseline.ts) driven by the same client.
 *   2. sustained ops/s with 50 listeners and 8 concurrent posters (one op per request), counting
 *      only ops every listener received; the bare server beside it.
 *   3. one op through applyClientOps in-process (Prisma, temp SQLite file) vs a raw better-sqlite3
 *      transaction doing the same writes, both WAL + synchronous=FULL in the same directory.
 * 1 and 2 run against the production server (`next start` via scripts/serve-e2e.mjs, built first
 * when .next/BUILD_ID is missing). When no build can be had, the real route handlers are mounted
 * on node:http instead (`--serve-routes`, below) and every row says so.
 *
 *   npx tsx bench/sync.bench.ts          prints a table, writes bench/results/sync.json
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openSseListener, type SseListener } from "./sse-client";
import type { BenchResult, BenchRow } from "./types";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULT_FILE = path.join(ROOT, "bench", "results", "sync.json");
const LISTENERS = 50;
const WARMUP_OPS = 40;
const ROUND_TRIP_OPS = 300;
const ROUND_TRIP_BLOCK = 50; // the two servers take turns, so a noisy neighbour hits both alike
const POSTERS = 8;
const SUSTAIN_MS = 3_000;
const SUSTAIN_ROUNDS = 2;
const SUSTAIN_CAP = 4_500; // under LIMITS.nodesPerMap (5,000): every op of a run adds one node
const OP_TIMEOUT_MS = 10_000;
const DRAIN_MS = 10_000;
const START_TIMEOUT_MS = 120_000;
const ROUND_TRIP_DEADLINE_MS = 180_000;
const MAX_LOST = 5;
/**
 * The per-link write limit (lib/server/rate-limit.ts, 50 requests/s by default) would answer most
 * of this bench with 429: it is lifted here, so what is measured is the server's capacity.
 */
const SERVER_ENV: Record<string, string> = { ARGUMAP_WRITES_PER_SECOND: "1000000" };

export interface Target {
  label: string;
  port: number;
}

/** Counts, per revision, how many listeners have the op, and when the last one got it. */
class Deliveries {
  private readonly counts = new Map<number, number>();
  private readonly fullAt = new Map<number, number>();
  private readonly waiters = new Map<number, (at: number) => void>();
  constructor(private readonly listeners: number) {}

  seen(revision: number): void {
    const count = (this.counts.get(revision) ?? 0) + 1;
    if (count < this.listeners) return void this.counts.set(revision, count);
    const at = performance.now();
    this.counts.delete(revision);
    this.fullAt.set(revision, at);
    this.waiters.get(revision)?.(at);
    this.waiters.delete(revision);
  }

  /** When every listener had `revision`, or undefined after `timeoutMs`. */
  whenFull(revision: number, timeoutMs: number): Promise<number | undefined> {
    const at = this.fullAt.get(revision);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(revision);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.set(revision, (when) => {
        clearTimeout(timer);
        resolve(when);
      });
    });
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: POSTERS + 2 });

function postJson(port: number, urlPath: string, body: unknown): Promise<{ status: number; body: any }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, path: urlPath, method: "POST", agent, timeout: OP_TIMEOUT_MS, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`POST ${urlPath}: no answer in ${OP_TIMEOUT_MS} ms`)));
    request.on("error", reject);
    request.end(text);
  });
}

/** A fresh map on `target` with 50 listeners subscribed (proven by one op reaching them all). */
interface Room {
  target: Target;
  token: string;
  deliveries: Deliveries;
  sent: number;
  close(): void;
}

async function openRoom(target: Target): Promise<Room> {
  const created = await postJson(target.port, "/api/maps", { title: "Sync bench" });
  if (created.status !== 201) throw new Error(`${target.label}: create map → HTTP ${created.status} ${JSON.stringify(created.body)}`);
  const token = String(created.body.links.edit).split("/").pop()!;
  const deliveries = new Deliveries(LISTENERS);
  const listeners: SseListener[] = [];
  const room: Room = { target, token, deliveries, sent: 0, close: () => listeners.forEach((listener) => listener.close()) };
  try {
    for (let i = 0; i < LISTENERS; i++) {
      listeners.push(
        openSseListener({
          port: target.port,
          path: `/api/maps/${token}/events?since=0`,
          onEvent: (event) => {
            if (event.event === "op" && event.id !== undefined) deliveries.seen(Number(event.id));
          },
        }),
      );
    }
    await Promise.all(listeners.map((listener) => listener.ready));
    if ((await timedOp(room, "warm")) === undefined) throw new Error(`${target.label}: the first op never reached all ${LISTENERS} listeners`);
    return room;
  } catch (error) {
    room.close();
    throw error;
  }
}

async function sendOp(room: Room, clientId: string): Promise<number> {
  const n = ++room.sent;
  const id = `${clientId}-${n}`;
  const node = { id, kind: "claim", text: `Claim ${n} of the sync bench`, x: (n % 50) * 220, y: Math.floor(n / 50) * 140 };
  const answer = await postJson(room.target.port, `/api/maps/${room.token}/ops`, { clientId, author: "bench", ops: [{ clientOpId: id, type: "addNode", node }] });
  const revision = answer.body?.applied?.[0]?.revision;
  if (answer.status !== 200 || typeof revision !== "number") throw new Error(`${room.target.label}: op refused → HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return revision;
}

/** Milliseconds from sending the POST to the moment the last listener has the op. */
async function timedOp(room: Room, clientId: string): Promise<number | undefined> {
  const start = performance.now();
  const revision = await sendOp(room, clientId);
  const at = await room.deliveries.whenFull(revision, OP_TIMEOUT_MS);
  return at === undefined ? undefined : at - start;
}

async function sustained(target: Target): Promise<{ opsPerSecond: number; delivered: number; sent: number }> {
  const room = await openRoom(target);
  try {
    const revisions: number[] = [];
    let sent = 0;
    const start = performance.now();
    const poster = async (client: number) => {
      while (performance.now() - start < SUSTAIN_MS && sent < SUSTAIN_CAP) {
        sent++;
        revisions.push(await sendOp(room, `poster-${client}`));
      }
    };
    await Promise.all(Array.from({ length: POSTERS }, (_, client) => poster(client)));
    const deadline = performance.now() + DRAIN_MS;
    const arrivals = await Promise.all(revisions.map((revision) => room.deliveries.whenFull(revision, Math.max(1, deadline - performance.now()))));
    const delivered = arrivals.filter((at): at is number => at !== undefined);
    const seconds = (Math.max(...delivered) - start) / 1000;
    return { opsPerSecond: delivered.length / seconds, delivered: delivered.length, sent };
  } finally {
    room.close();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function row(metric: string, value: number, baseline: number, unit: string, budget?: string, pass?: boolean): BenchRow {
  const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000);
  return { metric, value: round(value), baseline: round(baseline), ratio: Math.round((value / baseline) * 100) / 100, unit, budget, pass };
}

async function measureHttp(argumap: Target, baseline: Target, label: string): Promise<BenchRow[]> {
  const rooms = { ours: await openRoom(argumap), base: await openRoom(baseline) };
  const samples = { ours: [] as number[], base: [] as number[] };
  let lost = 0;
  try {
    for (let i = 0; i < WARMUP_OPS; i++) {
      await timedOp(rooms.ours, "warm");
      await timedOp(rooms.base, "warm");
    }
    const deadline = performance.now() + ROUND_TRIP_DEADLINE_MS;
    for (let block = 0; block * ROUND_TRIP_BLOCK < ROUND_TRIP_OPS; block++) {
      const order = block % 2 === 0 ? (["base", "ours"] as const) : (["ours", "base"] as const);
      for (const side of order) {
        for (let i = 0; i < ROUND_TRIP_BLOCK; i++) {
          if (lost > MAX_LOST || performance.now() > deadline) throw new Error(`round trips: ${lost} ops lost, or over ${ROUND_TRIP_DEADLINE_MS / 1000} s`);
          const ms = await timedOp(rooms[side], "round-trip");
          if (ms === undefined) lost++;
          else samples[side].push(ms);
        }
      }
    }
  } finally {
    rooms.ours.close();
    rooms.base.close();
  }
  if (lost > 0) console.error(`sync: ${lost} round-trip ops never reached every listener within ${OP_TIMEOUT_MS} ms`);
  const rounds = { ours: [] as number[], base: [] as number[] };
  let sentOurs = 0;
  for (let round = 0; round < SUSTAIN_ROUNDS; round++) {
    rounds.base.push((await sustained(baseline)).opsPerSecond);
    const ours = await sustained(argumap);
    rounds.ours.push(ours.opsPerSecond);
    sentOurs += ours.sent - ours.delivered;
  }
  if (sentOurs > 0) console.error(`sync: ${sentOurs} sustained ops were acknowledged but not delivered to every listener`);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const p50 = percentile(samples.ours, 50);
  const p95 = percentile(samples.ours, 95);
  const throughput = mean(rounds.ours);
  const where = `${label}, ${LISTENERS} listeners`;
  return [
    row(`op round trip p50 (${where}, ${samples.ours.length} ops)`, p50, percentile(samples.base, 50), "ms"),
    row(`op round trip p95 (${where}, ${samples.ours.length} ops)`, p95, percentile(samples.base, 95), "ms", "≤ 3× bare node:http SSE", p95 / percentile(samples.base, 95) <= 3),
    row(`sustained ops/s (${where}, ${POSTERS} posters, ${SUSTAIN_ROUNDS}×${SUSTAIN_MS / 1000} s)`, throughput, mean(rounds.base), "ops/s", "≥ 1500 ops/s", throughput >= 1500),
  ];
}

// ---- servers: children in their own process groups, killed at the end whatever happens ----

const children = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
process.on("exit", () => children.forEach((child) => killGroup(child, "SIGKILL")));

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return void children.delete(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
  killGroup(child, "SIGKILL"); // next-server under serve-e2e, should it outlive its parent
  children.delete(child);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(label: string, args: string[], env: Record<string, string> = {}): Promise<{ target: Target; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, args.map((arg) => (arg === "{port}" ? String(port) : arg)), {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env, NODE_ENV: "production" },
  });
  children.add(child);
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await answers(port)) return { target: { label, port }, child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopChild(child);
  throw new Error(`${label} did not start on port ${port}:\n${output}`);
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/api/maps/unknown-token", agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
}

/** The production build, made when missing; false (with the reason printed) when it cannot be had. */
function ensureBuild(): boolean {
  const buildId = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (fs.existsSync(buildId)) {
    const stale = newestSource(["lib/server", "lib/map", "app/api"]) > fs.statSync(buildId).mtimeMs;
    if (stale) console.error("sync: .next is older than lib/server, lib/map or app/api: this measures the last build; `npm run build` to measure the current code");
    return true;
  }
  console.error("sync: .next/BUILD_ID is missing, running `next build` (1–2 min)…");
  const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: ROOT, encoding: "utf8", timeout: 600_000, env: { ...process.env, NODE_ENV: "production" } });
  if (build.status === 0 && fs.existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) return true;
  console.error(`sync: next build failed, measuring the route handlers in-process instead:\n${`${build.stdout}\n${build.stderr}`.slice(-3000)}`);
  return false;
}

function newestSource(folders: string[]): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test.")) newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  };
  for (const folder of folders) if (fs.existsSync(path.join(ROOT, folder))) visit(path.join(ROOT, folder));
  return newest;
}

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
    agent.destroy();
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

// ---- 3. one op's transaction: applyClientOps (Prisma) vs raw better-sqlite3, same directory ----

const TRANSACTION_WARMUP = 50;
const TRANSACTION_OPS = 300;
const LARGE_MAP_NODES = 2_000;

/** How long `run` takes, in milliseconds. */
async function elapsed(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function measureTransactions(dir: string): Promise<BenchRow[]> {
  const prismaUrl = `file:${path.join(dir, "prisma.db")}`;
  const rawFile = path.join(dir, "raw.db");
  const { deployMigrations } = await import("../scripts/migrate.mjs");
  await deployMigrations(prismaUrl);
  await deployMigrations(`file:${rawFile}`); // the same tables, indexes and constraints
  process.env.DATABASE_URL = prismaUrl;
  const { db, closeDb } = await import("../lib/server/db");
  const { applyClientOps } = await import("../lib/server/apply-ops");
  const { createMapFromDoc } = await import("../lib/server/maps");
  const { emptyDoc } = await import("../lib/map/types");
  const { parseOp } = await import("../lib/map/ops");
  const Database = (await import("better-sqlite3")).default;

  const prisma = await db();
  const synchronous = (await prisma.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous"))[0]?.synchronous;
  if (Number(synchronous) !== 2) console.error(`sync: the Prisma connection runs with synchronous=${synchronous}, not FULL (2)`);

  const addNode = (tag: string, n: number) => {
    const parsed = parseOp({ type: "addNode", node: { id: `${tag}-${n}`, kind: "claim", text: `Claim ${n} of the transaction bench`, x: n, y: n } });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const op = parsed.op as Extract<typeof parsed.op, { type: "addNode" }>;
    return { ...op, clientOpId: `${tag}-${n}` };
  };

  const raw = new Database(rawFile);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = FULL");
  raw.pragma("foreign_keys = ON");
  raw.prepare(`INSERT INTO "Map" ("id", "title", "updatedAt") VALUES ('raw', 'raw', ?)`).run(new Date().toISOString());
  const insertNode = raw.prepare(`INSERT INTO "Node" ("mapId", "id", "kind", "text", "speaker", "sourceId", "quote", "x", "y", "seq", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertOp = raw.prepare(`INSERT INTO "Op" ("mapId", "revision", "clientId", "clientOpId", "author", "type", "payload", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const updateMap = raw.prepare(`UPDATE "Map" SET "revision" = ?, "updatedAt" = ? WHERE "id" = ?`);
  const findOp = raw.prepare(`SELECT * FROM "Op" WHERE "mapId" = ? AND "clientId" = ? AND "clientOpId" = ?`);
  const findMap = raw.prepare(`SELECT * FROM "Map" WHERE "id" = ?`);
  let rawRevision = 0;
  const writeRaw = (op: ReturnType<typeof addNode>) => {
    const now = new Date().toISOString();
    const revision = ++rawRevision;
    const { id, kind, text, speaker, sourceId, quote, x, y } = op.node;
    insertNode.run("raw", id, kind, text, speaker, sourceId, quote, x, y, revision, now, now);
    insertOp.run("raw", revision, "bench", op.clientOpId, "bench", op.type, JSON.stringify(op), now);
    updateMap.run(revision, now, "raw");
  };
  const rawWrites = raw.transaction(writeRaw);
  /** What applyClientOps asks of the database, statement for statement, without Prisma. */
  const rawSameInTransaction = raw.transaction((op: ReturnType<typeof addNode>) => {
    findOp.get("raw", "bench", op.clientOpId);
    findMap.get("raw");
    writeRaw(op);
  });
  const rawSameStatements = (op: ReturnType<typeof addNode>) => {
    rawSameInTransaction(op);
    findMap.get("raw");
  };

  const small = await createMapFromDoc(emptyDoc({ title: "Transaction bench" }), "http://127.0.0.1");
  const bigDoc = emptyDoc({ title: "Transaction bench, large map" });
  for (let i = 0; i < LARGE_MAP_NODES; i++) bigDoc.nodes[`seed-${i}`] = { id: `seed-${i}`, kind: "claim", text: `Seed claim ${i}`, speaker: "", sourceId: null, quote: "", x: i, y: i };
  const large = await createMapFromDoc(bigDoc, "http://127.0.0.1");
  const writesOnly = await createMapFromDoc(emptyDoc({ title: "writes only" }), "http://127.0.0.1");
  let writesRevision = 0;
  /** The writes of one addNode, as lazy Prisma promises (they run when awaited or batched). */
  const prismaWrites = (client: Pick<typeof prisma, "node" | "op" | "map">, op: ReturnType<typeof addNode>) => {
    const revision = ++writesRevision;
    const { clientOpId, ...body } = op;
    return [
      client.node.create({ data: { mapId: writesOnly.id, seq: revision, ...body.node } }),
      client.op.create({ data: { mapId: writesOnly.id, revision, clientId: "bench", clientOpId, author: "bench", type: body.type, payload: JSON.stringify(body) } }),
      client.map.update({ where: { id: writesOnly.id }, data: { revision } }),
    ] as const;
  };

  const times = { apply: [] as number[], applyLarge: [] as number[], raw: [] as number[], rawSame: [] as number[], interactive: [] as number[], batch: [] as number[], empty: [] as number[] };
  const deadline = performance.now() + 120_000;
  for (let n = 0; n < TRANSACTION_WARMUP + TRANSACTION_OPS && performance.now() < deadline; n++) {
    const keep = n >= TRANSACTION_WARMUP;
    const sample = async (into: number[], run: () => unknown) => {
      const ms = await elapsed(run);
      if (keep) into.push(ms);
    };
    // Interleaved one op at a time, so load on the machine falls on every variant alike.
    await sample(times.raw, () => rawWrites(addNode("raw", n)));
    await sample(times.apply, () => applyClientOps({ mapId: small.id, clientId: "bench", author: "bench", ops: [addNode("small", n)] }));
    await sample(times.rawSame, () => rawSameStatements(addNode("same", n)));
    await sample(times.applyLarge, () => applyClientOps({ mapId: large.id, clientId: "bench", author: "bench", ops: [addNode("large", n)] }));
    await sample(times.interactive, () =>
      prisma.$transaction(async (tx) => {
        for (const write of prismaWrites(tx, addNode("interactive", n))) await write;
      }),
    );
    await sample(times.batch, () => prisma.$transaction([...prismaWrites(prisma, addNode("batch", n))]));
    await sample(times.empty, () => prisma.$transaction(async () => undefined));
  }
  raw.close();
  await closeDb();

  const p50 = (values: number[]) => percentile(values, 50);
  const base = p50(times.raw);
  const ratio = p50(times.apply) / base;
  const ops = times.apply.length;
  return [
    row(`one op, applyClientOps p50 (Prisma, addNode on an empty map, ${ops} ops) vs raw better-sqlite3 tx, same writes`, p50(times.apply), base, "ms", "≤ 5× raw", ratio <= 5),
    row(`  raw better-sqlite3 doing applyClientOps's statements (2 reads, 3 writes, 1 read) vs raw writes`, p50(times.rawSame), base, "ms"),
    row(`  applyClientOps p50 on a ${LARGE_MAP_NODES}-node map vs raw writes`, p50(times.applyLarge), base, "ms"),
    row(`  Prisma interactive $transaction, the 3 writes only, vs raw writes`, p50(times.interactive), base, "ms"),
    row(`  Prisma batch $transaction([3 writes]) vs raw writes`, p50(times.batch), base, "ms"),
    row(`  Prisma empty interactive $transaction (no commit to disk) vs raw writes`, p50(times.empty), base, "ms"),
  ];
}

// ---- fallback: the real route handlers on node:http, for when `next build` cannot run ----

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function serveRoutes(dbFile: string, port: number): Promise<void> {
  const url = `file:${dbFile}`;
  const { deployMigrations } = await import("../scripts/migrate.mjs");
  await deployMigrations(url);
  process.env.DATABASE_URL = url;
  const table: { method: string; pattern: RegExp; handler: Handler }[] = [
    { method: "POST", pattern: /^\/api\/maps$/, handler: (await import("../app/api/maps/route")).POST as unknown as Handler },
    { method: "POST", pattern: /^\/api\/maps\/([^/]+)\/ops$/, handler: (await import("../app/api/maps/[token]/ops/route")).POST as unknown as Handler },
    { method: "GET", pattern: /^\/api\/maps\/([^/]+)\/events$/, handler: (await import("../app/api/maps/[token]/events/route")).GET as unknown as Handler },
  ];
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const target = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? "127.0.0.1"}`);
      const route = table.find((entry) => entry.method === incoming.method && entry.pattern.test(target.pathname));
      if (!route) return void outgoing.writeHead(404, { "content-type": "application/json" }).end(`{"error":{"code":"not_found","message":"no such route"}}`);
      const token = route.pattern.exec(target.pathname)?.[1] ?? "";
      const abort = new AbortController();
      outgoing.on("close", () => abort.abort());
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
      const body = incoming.method === "POST" ? Buffer.concat(chunks) : undefined;
      const response = await route.handler(new Request(target, { method: incoming.method, headers, body, signal: abort.signal }), { params: Promise.resolve({ token }) });
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      if (!response.body) return void outgoing.end();
      const reader = response.body.getReader();
      outgoing.on("close", () => void reader.cancel().catch(() => undefined));
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        outgoing.write(value);
      }
      outgoing.end();
    } catch (error) {
      console.error("route adapter:", error);
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end();
    }
  });
  server.listen(port, "127.0.0.1", () => console.log(`route handlers listening on http://127.0.0.1:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}

async function main(): Promise<void> {
  if (process.argv[2] === "--serve-routes") return serveRoutes(process.argv[3]!, Number(process.argv[4]));
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
