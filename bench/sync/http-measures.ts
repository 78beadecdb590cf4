/** The HTTP rows of the sync bench: op round trip p50 / p95 and sustained ops/s, each beside the baseline. */
import type { BenchRow } from "../types";
import { LISTENERS, POSTERS, type Target } from "./rooms";
import { measureRoundTrips } from "./round-trip";
import { mean, percentile, row } from "./stats";
import { OFFER_MS, OFFERED_OPS_PER_SECOND, offeredLoad, ONE_OP_MS, oneOpPerRequest, type SustainedRun } from "./sustained";

const SUSTAIN_ROUNDS = 2;
const SUSTAINED_BUDGET = 1_500;

/** Both servers, SUSTAIN_ROUNDS times each, alternating, so load on the machine falls on both alike. */
async function rounds(argumap: Target, baseline: Target, drive: (target: Target) => Promise<SustainedRun>): Promise<{ ours: SustainedRun[]; base: SustainedRun[] }> {
  const runs = { ours: [] as SustainedRun[], base: [] as SustainedRun[] };
  for (let round = 0; round < SUSTAIN_ROUNDS; round++) {
    runs.base.push(await drive(baseline));
    runs.ours.push(await drive(argumap));
  }
  const lost = runs.ours.reduce((sum, run) => sum + run.sent - run.delivered, 0);
  if (lost > 0) console.error(`sync: ${lost} sustained ops (${drive.name}) were acknowledged but not delivered to every listener`);
  return runs;
}

const opsPerSecond = (runs: SustainedRun[]) => mean(runs.map((run) => run.opsPerSecond));
const opsPerRequest = (runs: SustainedRun[]) => runs.reduce((sum, run) => sum + run.sent, 0) / runs.reduce((sum, run) => sum + run.requests, 0);

export async function measureHttp(argumap: Target, baseline: Target, label: string): Promise<BenchRow[]> {
  const samples = await measureRoundTrips(argumap, baseline);
  const batched = await rounds(argumap, baseline, offeredLoad);
  const single = await rounds(argumap, baseline, oneOpPerRequest);
  const p50 = percentile(samples.ours, 50);
  const p95 = percentile(samples.ours, 95);
  const throughput = opsPerSecond(batched.ours);
  const where = `${label}, ${LISTENERS} listeners`;
  const batches = `${opsPerRequest(batched.ours).toFixed(1)} ops/request, baseline ${opsPerRequest(batched.base).toFixed(1)}`;
  return [
    row(`op round trip p50 (${where}, ${samples.ours.length} ops)`, p50, percentile(samples.base, 50), "ms"),
    row(`op round trip p95 (${where}, ${samples.ours.length} ops)`, p95, percentile(samples.base, 95), "ms", "≤ 3× bare node:http SSE", p95 / percentile(samples.base, 95) <= 3),
    row(
      `sustained ops/s, posted like the sync client (${where}, ${POSTERS} posters offering ${OFFERED_OPS_PER_SECOND} ops/s, ${batches}, ${SUSTAIN_ROUNDS}×${OFFER_MS / 1000} s)`,
      throughput,
      opsPerSecond(batched.base),
      "ops/s",
      `≥ ${SUSTAINED_BUDGET} ops/s`,
      throughput >= SUSTAINED_BUDGET,
    ),
    row(`  requests/s at one op each, back to back (${POSTERS} posters, ${SUSTAIN_ROUNDS}×${ONE_OP_MS / 1000} s): request overhead`, opsPerSecond(single.ours), opsPerSecond(single.base), "ops/s"),
  ];
}
