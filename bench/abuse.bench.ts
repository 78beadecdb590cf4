/**
 * The abuse run (issue 12, design.md "Performance budgets"): can anyone without a link slow down
 * someone else? Against the production server (`next start` on a fresh SQLite file):
 *   1. idle: a bystander reads the demo (`GET /api/maps/demo`, `GET /m/demo`) for 10 s; then each
 *      attack's request once on its own, timed to its answer (bench/abuse/solo.ts);
 *   2. attack: the same bystander while the four attacks run together for 20 s (bench/abuse/attacks.ts);
 *   3. attack + streams: 20 s more, with 200 `?since=0` event streams that never read, on a map
 *      whose op log is 40 MB.
 * The bystander's p95 under attack is compared with its idle p95 in the same run; the server's
 * resident memory (every process of its group) is sampled throughout, against its idle figure.
 *
 *   npx tsx bench/abuse.bench.ts     prints a table, writes bench/results/abuse.json
 * The server runs with the defaults a user gets; `ABUSE_SERVER_ENV='{"ARGUMAP_…":"…"}'` adds settings.
 */
import { randomBytes } from "node:crypto";
import { setMaxListeners } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describeTally, runAttacks, type AttackTally } from "./abuse/attacks";
import { BYSTANDER_PATHS, readAsBystander, type BystanderSample } from "./abuse/bystander";
import { writeLongLog } from "./abuse/long-log";
import { openStalledStreams, sampleRss } from "./abuse/memory";
import { measureAlone, soloRows } from "./abuse/solo";
import { ensureBuild, ROOT, startServer, stopChild } from "./sync/servers";
import { percentile, row } from "./sync/stats";
import type { BenchResult, BenchRow } from "./types";

const RESULT_FILE = path.join(ROOT, "bench", "results", "abuse.json");
const IDLE_MS = 10_000;
const ATTACK_MS = 20_000;
const STREAMS = 200;
/** Opening streams stops past this growth: the old server would take the machine down with it. */
const SAFETY_GROWTH_MB = 3_000;
const P95_BUDGET_MS = 1_000;
const P95_BUDGET_RATIO = 5;
const RSS_BUDGET_MB = 200;

/** Runs the bystander for `ms` beside whatever `during` starts; returns its samples and what `during` gave. */
async function phase<T>(port: number, ms: number, during: (signal: AbortSignal) => Promise<T>): Promise<{ samples: BystanderSample[]; result: T }> {
  const controller = new AbortController();
  setMaxListeners(100, controller.signal); // every attacking client and the bystander listen to it
  const timer = setTimeout(() => controller.abort(), ms);
  const [samples, result] = await Promise.all([readAsBystander(port, controller.signal), during(controller.signal)]);
  clearTimeout(timer);
  return { samples, result };
}

const p95Of = (samples: BystanderSample[], path: string) => {
  const times = samples.filter((sample) => sample.path === path).map((sample) => sample.ms);
  return times.length > 0 ? percentile(times, 95) : Number.NaN;
};

function bystanderRows(label: string, idle: BystanderSample[], loaded: BystanderSample[], budgeted: boolean): BenchRow[] {
  return BYSTANDER_PATHS.map((urlPath) => {
    const value = p95Of(loaded, urlPath);
    const baseline = p95Of(idle, urlPath);
    const count = loaded.filter((sample) => sample.path === urlPath).length;
    const failed = loaded.filter((sample) => sample.path === urlPath && sample.status !== 200 && !sample.cut).length;
    const metric = `${budgeted ? "" : "  "}bystander GET ${urlPath} p95, ${label} (${count} requests${failed ? `, ${failed} not 200` : ""})`;
    if (!budgeted) return row(metric, value, baseline, "ms");
    return row(metric, value, baseline, "ms", `≤ ${P95_BUDGET_MS} ms and ≤ ${P95_BUDGET_RATIO}× idle`, failed === 0 && value <= P95_BUDGET_MS && value <= P95_BUDGET_RATIO * baseline);
  });
}

export async function runAbuseBench(): Promise<BenchResult> {
  if (!ensureBuild()) throw new Error("abuse: the bench needs a production build (`npm run build`)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-abuse-"));
  const databaseFile = path.join(dir, "abuse.db");
  const secret = randomBytes(32).toString("base64url");
  console.error("abuse: writing a map with a 40 MB op log…");
  const { viewToken, bytes } = await writeLongLog(`file:${databaseFile}`, secret);
  const extraEnv = JSON.parse(process.env.ABUSE_SERVER_ENV ?? "{}") as Record<string, string>;
  const server = await startServer("next start", [path.join(ROOT, "scripts", "serve-e2e.mjs"), "{port}", databaseFile], { ARGUMAP_SECRET: secret, ...extraEnv });
  const { port } = server.target;
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = { logBytes: bytes, serverEnv: extraEnv };
  try {
    await phase(port, 2_000, async () => undefined); // warm-up: both pages compiled and cached
    console.error("abuse: idle…");
    const rss = sampleRss(server.child.pid!);
    const idle = await phase(port, IDLE_MS, async () => undefined);
    const idleRss = rss.peak();
    console.error("abuse: each attack alone…");
    const alone = await measureAlone(port);
    details.alone = alone;
    console.error(`abuse: idle RSS ${idleRss.toFixed(0)} MB; attacking for ${ATTACK_MS / 1000} s…`);
    const attacked = await phase(port, ATTACK_MS, (signal) => runAttacks(port, signal));
    console.error(`abuse: peak RSS ${rss.peak().toFixed(0)} MB; attacking with ${STREAMS} stalled streams…`);
    let streams: Awaited<ReturnType<typeof openStalledStreams>> | undefined;
    const withStreams = await phase(port, ATTACK_MS, async (signal) => {
      const attacking = runAttacks(port, signal);
      streams = await openStalledStreams(port, viewToken, STREAMS, () => rss.peak() - idleRss < SAFETY_GROWTH_MB);
      return attacking;
    });
    const peakRss = rss.peak();
    streams?.close();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    rss.stop();
    const { groupRssMb } = await import("./abuse/memory");
    const afterClose = groupRssMb(server.child.pid!);

    rows.push(...bystanderRows("4 attacks", idle.samples, attacked.samples, true));
    rows.push(...bystanderRows(`4 attacks + ${streams?.opened ?? 0} stalled streams`, idle.samples, withStreams.samples, false));
    const growth = peakRss - idleRss;
    const capped = (streams?.opened ?? 0) < STREAMS ? ` (stopped opening at ${streams?.opened} streams: over ${SAFETY_GROWTH_MB} MB)` : "";
    rows.push(row(`server RSS growth, attacks + ${streams?.opened ?? 0} stalled ?since=0 streams on a ${(bytes / 1e6).toFixed(0)} MB log${capped} (baseline: idle RSS)`, growth, idleRss, "MB", `≤ ${RSS_BUDGET_MB} MB`, growth <= RSS_BUDGET_MB && !capped));
    rows.push(row("  server RSS 5 s after the streams closed (baseline: idle RSS)", afterClose, idleRss, "MB"));
    rows.push(...soloRows(alone));
    const tallies = [...(attacked.result as AttackTally[]), ...(withStreams.result as AttackTally[])];
    details.attacks = { attack: attacked.result, attackWithStreams: withStreams.result };
    for (const tally of tallies) console.error(`abuse: ${describeTally(tally)}`);
  } finally {
    await stopChild(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const result: BenchResult & { details: Record<string, unknown> } = { name: "abuse", rows, details };
  fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  Promise.all([import("./run"), runAbuseBench()]).then(
    ([{ printTable }, result]) => {
      printTable([result]);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
