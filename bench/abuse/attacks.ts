/**
 * The four attacks of issue 12, each a client that sends its request again as soon as the last
 * one is answered (whatever the answer: a 429 is not a reason for an attacker to wait), until the
 * signal stops it: the 78 kB trailing-space Argdown, the 5,000-statement tangle, the AIF fan-out,
 * and 8 clients looping the demo's PNG export. Counts every answer by status.
 */
import { fanOutAif, tangledArgdown, trailingSpaceArgdown } from "../../lib/map/testing/hostileInputs";
import { send, type RequestOptions } from "./http-client";

export const PNG_LOOPERS = 8;

export interface AttackTally {
  name: string;
  /** status → count; 0 is "no answer" (timeout, connection reset). */
  statuses: Record<number, number>;
}

interface Attack {
  name: string;
  request: Omit<RequestOptions, "port" | "signal">;
}

export function attacks(): Attack[] {
  const text = { "content-type": "text/plain; charset=utf-8" };
  const json = { "content-type": "application/json" };
  return [
    { name: "trailing-space Argdown (78 kB)", request: { path: "/api/maps/import", method: "POST", headers: text, body: trailingSpaceArgdown() } },
    { name: "5,000-statement Argdown (15,000 links)", request: { path: "/api/maps/import", method: "POST", headers: text, body: tangledArgdown() } },
    { name: "AIF fan-out (2,500 × 2,500)", request: { path: "/api/maps/import", method: "POST", headers: json, body: JSON.stringify(fanOutAif()) } },
    ...Array.from({ length: PNG_LOOPERS }, () => ({ name: `${PNG_LOOPERS} looping PNG exports`, request: { path: "/api/maps/demo/export?format=png" } })),
  ];
}

/** Runs every attack until `signal` aborts; resolves with the tallies once every client stopped. */
export async function runAttacks(port: number, signal: AbortSignal): Promise<AttackTally[]> {
  const tallies = new Map<string, AttackTally>();
  const loops = attacks().map(async ({ name, request }) => {
    const tally = tallies.get(name) ?? { name, statuses: {} };
    tallies.set(name, tally);
    while (!signal.aborted) {
      const answer = await send({ ...request, port, signal, timeoutMs: 300_000 });
      if (signal.aborted) break;
      tally.statuses[answer.status] = (tally.statuses[answer.status] ?? 0) + 1;
    }
  });
  await Promise.all(loops);
  return [...tallies.values()];
}

export function describeTally(tally: AttackTally): string {
  const parts = Object.entries(tally.statuses).map(([status, count]) => `${count}× ${status === "0" ? "no answer" : status}`);
  return `${tally.name}: ${parts.join(", ") || "no answer within the run"}`;
}
