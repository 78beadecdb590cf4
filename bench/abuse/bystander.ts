/**
 * A bystander: someone with no part in the attack, reading the public demo. One request at a time,
 * the snapshot and the page in turn, each timed to the end of its body, over one kept-alive
 * connection as a browser would. A request with no answer counts as the time it waited.
 */
import http from "node:http";
import { send } from "./http-client";

export const BYSTANDER_PATHS = ["/api/maps/demo", "/m/demo"] as const;
export type BystanderPath = (typeof BYSTANDER_PATHS)[number];

export interface BystanderSample {
  path: BystanderPath;
  ms: number;
  /** 0: no answer; `cut` when the phase ended while it waited (its time still counts). */
  status: number;
  cut?: boolean;
}

const TIMEOUT_MS = 30_000;

/** Reads until `signal` aborts (a request under way then ends too); resolves with every sample. */
export async function readAsBystander(port: number, signal: AbortSignal): Promise<BystanderSample[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: BystanderSample[] = [];
  try {
    for (let i = 0; !signal.aborted; i++) {
      const path = BYSTANDER_PATHS[i % BYSTANDER_PATHS.length]!;
      const answer = await send({ port, path, agent, timeoutMs: TIMEOUT_MS, signal });
      samples.push({ path, ms: answer.ms, status: answer.status, ...(answer.status === 0 && signal.aborted ? { cut: true } : {}) });
      // Not a polling loop: a reader pauses between pages, and the idle figure is then not
      // the server's saturation point.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    agent.destroy();
  }
  return samples;
}
