/** Op round trips: POST → the last of 50 listeners has the op, the two servers taking turns. */
import { OP_TIMEOUT_MS, openRoom, timedOp, type Target } from "./rooms";

const WARMUP_OPS = 40;
const ROUND_TRIP_OPS = 300;
const ROUND_TRIP_BLOCK = 50; // the two servers take turns, so a noisy neighbour hits both alike
const ROUND_TRIP_DEADLINE_MS = 180_000;
const MAX_LOST = 5;

/** Round-trip times in milliseconds, for each side. */
export async function measureRoundTrips(argumap: Target, baseline: Target): Promise<{ ours: number[]; base: number[] }> {
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
  return samples;
}
