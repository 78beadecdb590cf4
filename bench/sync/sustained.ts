/**
 * Sustained ops/s: a fresh room, 8 posters feeding it, and only ops that every one of the 50
 * listeners received count, over the time from the start to the last full delivery. Two ways to post:
 *
 * - `offeredLoad`, the budgeted one, posts the way users produce load. Each poster stands for one
 *   editor whose ops arrive at a steady rate, and, like lib/sync/client.ts, keeps one request in
 *   flight and sends in the next one everything that piled up meanwhile (at most
 *   LIMITS.opsPerRequest). A server that falls behind gets bigger batches, as it would in use.
 * - `oneOpPerRequest`, a diagnostic: each poster sends requests of one op, back to back, so the
 *   figure is requests/s and shows the cost of a request rather than of an op.
 */
import { LIMITS } from "../../lib/map/limits";
import { openRoom, POSTERS, sendOps, type Target } from "./rooms";

/** Offered by all 8 posters together; the design's budget is 1,500 ops/s delivered. */
export const OFFERED_OPS_PER_SECOND = 2_000;
export const OFFER_MS = 2_000;
export const ONE_OP_MS = 3_000;
/** Under LIMITS.nodesPerMap (5,000): every op of a run adds one node, and the room's first op one more. */
const SUSTAIN_CAP = 4_500;
const DRAIN_MS = 10_000;

export interface SustainedRun {
  /** Ops every listener received, per second from the start to the last full delivery. */
  opsPerSecond: number;
  delivered: number;
  sent: number;
  requests: number;
}

/** One poster: calls `send(count)` (one request of `count` ops) until it is done. */
type Poster = (send: (count: number) => Promise<void>, client: number, start: number) => Promise<void>;

async function sustainedRun(target: Target, poster: Poster): Promise<SustainedRun> {
  const room = await openRoom(target);
  try {
    const revisions: number[] = [];
    let requests = 0;
    const start = performance.now();
    const send = (client: number) => async (count: number) => {
      requests++;
      for (const revision of await sendOps(room, `poster-${client}`, count)) revisions.push(revision);
    };
    await Promise.all(Array.from({ length: POSTERS }, (_, client) => poster(send(client), client, start)));
    const deadline = performance.now() + DRAIN_MS;
    const arrivals = await Promise.all(revisions.map((revision) => room.deliveries.whenFull(revision, Math.max(1, deadline - performance.now()))));
    const delivered = arrivals.filter((at): at is number => at !== undefined);
    const seconds = (Math.max(...delivered) - start) / 1000;
    return { opsPerSecond: delivered.length / seconds, delivered: delivered.length, sent: revisions.length, requests };
  } finally {
    room.close();
  }
}

/** Each poster offers OFFERED_OPS_PER_SECOND / 8 ops/s for OFFER_MS, batching like the sync client. */
export function offeredLoad(target: Target): Promise<SustainedRun> {
  const perMs = OFFERED_OPS_PER_SECOND / POSTERS / 1000;
  const quota = Math.min(Math.floor(perMs * OFFER_MS), Math.floor(SUSTAIN_CAP / POSTERS));
  return sustainedRun(target, async (send, client, start) => {
    // Out of step with each other, as independent editors are: poster c's k-th op is due at (k - c/8) / rate.
    const phase = client / POSTERS;
    const offered = () => Math.min(quota, Math.floor((performance.now() - start) * perMs + phase));
    let sent = 0;
    while (sent < quota) {
      const pending = offered() - sent;
      if (pending <= 0) {
        const nextDue = start + (sent + 1 - phase) / perMs;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextDue - performance.now())));
        continue;
      }
      const count = Math.min(pending, LIMITS.opsPerRequest);
      await send(count);
      sent += count;
    }
  });
}

/** Each poster sends requests of one op, back to back, for ONE_OP_MS (SUSTAIN_CAP ops at most in all). */
export function oneOpPerRequest(target: Target): Promise<SustainedRun> {
  let sent = 0;
  return sustainedRun(target, async (send, _client, start) => {
    while (performance.now() - start < ONE_OP_MS && sent < SUSTAIN_CAP) {
      sent++;
      await send(1);
    }
  });
}
