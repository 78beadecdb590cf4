/**
 * The classroom bench (design.md "Performance budgets": 200 followers of a presentation on one
 * map get each step change with p95 ≤ 250 ms; the presenter's reaction tally updates at ≤ 10 Hz
 * whatever the room does), against `next start` (built first when missing) and, for step changes,
 * the bare node:http SSE fan-out server (bench/sse-baseline.ts) in the same run:
 *   1. step change p50 / p95: the leader's POST → all 200 followers' streams have the step;
 *   2. the same while the 200 followers also send presence heartbeats as often as the browser's
 *      presence client does (lib/sync/presence-client.ts), as phones in a room do;
 *   3. the presenter's tally events per second (peak one-second window) while 200 people change
 *      their votes, beside the votes per second the server accepted (what an uncoalesced tally
 *      would send), with a check that the last tally is the room's real count.
 *
 *   npx tsx bench/classroom.bench.ts     prints a table, writes bench/results/classroom.json
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { argumapStepTimes, baselineStepTimes, FOLLOWERS, HEARTBEAT_MS, STEPS } from "./classroom/step-fanout";
import { measureTally, VOTERS } from "./classroom/tally-rate";
import { closePostConnections } from "./sync/rooms";
import { ensureBuild, ROOT, startServer, stopChild } from "./sync/servers";
import { percentile, row } from "./sync/stats";
import type { BenchResult, BenchRow } from "./types";

const RESULT_FILE = path.join(ROOT, "bench", "results", "classroom.json");
const STEP_BUDGET_MS = 250;
const TALLY_HZ_BUDGET = 10;
/** One address sends every vote here: lift the per-address reaction limit, keep the per-person one. */
const SERVER_ENV: Record<string, string> = { ARGUMAP_REACTIONS_PER_MINUTE: "100000000", ARGUMAP_RATE_LIMITS: "off" };

export async function runClassroomBench(): Promise<BenchResult> {
  const rows: BenchRow[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-classroom-bench-"));
  const started: ChildProcess[] = [];
  try {
    if (!ensureBuild()) throw new Error("the classroom bench needs the production build (`npm run build`)");
    const baseline = await startServer("bare node:http", ["--import", "tsx", path.join(ROOT, "bench", "sse-baseline.ts"), "{port}"]);
    started.push(baseline.child);
    const argumap = await startServer("next start", [path.join(ROOT, "scripts", "serve-e2e.mjs"), "{port}", path.join(dir, "classroom.db")], SERVER_ENV);
    started.push(argumap.child);

    const base = await baselineStepTimes(baseline.target);
    const quiet = await argumapStepTimes(argumap.target, false);
    const busy = await argumapStepTimes(argumap.target, true);
    const where = `${FOLLOWERS} followers' SSE streams, ${STEPS} steps, next start`;
    const p95 = (times: number[]) => percentile(times, 95);
    rows.push(
      row(`step change p50 (${where})`, percentile(quiet, 50), percentile(base, 50), "ms"),
      row(`step change p95 (${where})`, p95(quiet), p95(base), "ms", `≤ ${STEP_BUDGET_MS} ms`, p95(quiet) <= STEP_BUDGET_MS),
      row(`step change p95, each follower heartbeating presence every ${HEARTBEAT_MS / 1000} s as the browser does (${where})`, p95(busy), p95(base), "ms", `≤ ${STEP_BUDGET_MS} ms`, p95(busy) <= STEP_BUDGET_MS),
    );

    const tally = await measureTally(argumap.target);
    if (!tally.finalCorrect) console.error("classroom: the presenter's last tally was not the room's real count");
    rows.push(
      row(
        `presenter tally updates/s, peak 1 s (${VOTERS} people re-voting every 0.6 s, ${tally.votesAccepted} votes in ${tally.seconds.toFixed(1)} s, ${tally.votesRefused} refused; baseline = votes/s, one update each if uncoalesced; last tally ${tally.finalCorrect ? "exact" : "WRONG"})`,
        tally.peakPerSecond,
        tally.votesAccepted / tally.seconds,
        "Hz",
        `≤ ${TALLY_HZ_BUDGET} Hz, last tally exact`,
        tally.peakPerSecond <= TALLY_HZ_BUDGET && tally.finalCorrect,
      ),
    );
  } catch (error) {
    console.error("classroom: the bench failed:", error);
    process.exitCode = 1;
  } finally {
    await Promise.all(started.map(stopChild));
    closePostConnections();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const result: BenchResult = { name: "classroom", rows };
  fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

async function main(): Promise<void> {
  const { printTable } = await import("./run");
  printTable([await runClassroomBench()]);
  process.exit(process.exitCode ?? 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
