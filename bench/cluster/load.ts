/**
 * Sustained load on a spread room: 8 posters, each posting the way the sync client does (one
 * request in flight, everything that piled up meanwhile in the next, at most LIMITS.opsPerRequest),
 * through the instance it is given, at an offered rate; only ops every listener received count.
 */
import { LIMITS } from "../../lib/map/limits";
import { POSTERS } from "../sync/rooms";
import { openSpreadRoom, sendMoves } from "./rooms";

const DRAIN_MS = 10_000;
const NODES = 50;

export interface LoadRun {
  offered: number;
  delivered: number;
  opsPerSecond: number;
}

/** `posters[i]` is the port poster i posts through; listeners as `listenOn`. */
export async function sustained(createOn: number, posters: number[], listenOn: number[], offeredPerSecond: number, durationMs: number): Promise<LoadRun> {
  const room = await openSpreadRoom(createOn, listenOn, NODES);
  try {
    const perMs = offeredPerSecond / posters.length / 1000;
    const quota = Math.floor(perMs * durationMs);
    const revisions: number[] = [];
    const start = performance.now();
    await Promise.all(
      posters.map(async (port, client) => {
        const phase = client / POSTERS;
        let sent = 0;
        while (sent < quota) {
          const pending = Math.min(quota, Math.floor((performance.now() - start) * perMs + phase)) - sent;
          if (pending <= 0) {
            await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + (sent + 1 - phase) / perMs - performance.now())));
            continue;
          }
          const count = Math.min(pending, LIMITS.opsPerRequest);
          revisions.push(...(await sendMoves(room, port, `poster-${client}`, count, NODES)));
          sent += count;
        }
      }),
    );
    const deadline = performance.now() + DRAIN_MS;
    const arrivals = (await Promise.all(revisions.map((revision) => room.deliveries.whenFull(revision, Math.max(1, deadline - performance.now()))))).filter((at): at is number => at !== undefined);
    const seconds = (Math.max(...arrivals) - start) / 1000;
    return { offered: offeredPerSecond, delivered: arrivals.length, opsPerSecond: arrivals.length / seconds };
  } finally {
    room.close();
  }
}

/**
 * Raises the offered rate until delivery stops keeping up, and returns the highest delivered rate:
 * the capacity, not the offered load. "Stops keeping up" is under 90 % of what was offered *and*
 * no more than 10 % above the best rate so far: at a low offered rate the delivered one is
 * bounded by each op's latency (requests carry one op, and the last op's delivery ends the
 * clock), not by capacity, so a shortfall there alone must not end the climb.
 */
export async function saturate(run: (offered: number) => Promise<LoadRun>, rates: number[]): Promise<{ capacity: number; runs: LoadRun[] }> {
  const runs: LoadRun[] = [];
  for (const rate of rates) {
    // Past saturation a request can wait longer than the client's timeout: that rate is past capacity.
    const result = await run(rate).catch(() => null);
    if (!result) break;
    runs.push(result);
    const best = Math.max(0, ...runs.slice(0, -1).map((r) => r.opsPerSecond));
    if (result.opsPerSecond < 0.9 * rate && result.opsPerSecond <= 1.1 * best) break;
  }
  if (runs.length === 0) throw new Error("not even the lowest offered rate completed");
  return { capacity: Math.max(...runs.map((r) => r.opsPerSecond)), runs };
}
