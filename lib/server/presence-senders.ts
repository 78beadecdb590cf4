/**
 * Who may speak for a presence: a client id belongs to the link and the tab (its secret presence
 * key, never relayed) that first used it on a map, for as long as it is in use and BOUND_FOR_MS
 * after, so nobody can rename someone, move their pointer, or say they left, by sending their id
 * (which every peer sees). Kept in memory per process, like presence itself; a server with
 * several processes keeps it with the presence hub behind the same seam.
 */
import { AppError } from "./errors";
import { processWide } from "./process-wide";

export interface Sender {
  linkId: string;
  /** The tab's secret, sent with each of its heartbeats. */
  key: string;
}

const BOUND_FOR_MS = 10 * 60_000;
/** Ids remembered per map, beyond which the longest unused are let go; and maps remembered. */
const BINDINGS_PER_MAP = 2_000;
const MAPS = 10_000;

const maps = processWide("presence-senders", () => new Map<string, Map<string, Sender & { seenAt: number }>>());

/**
 * Binds `clientId` to `sender` on first use; refuses (403) a sender it is not bound to. `present`
 * says who is on the map now: their bindings are never let go to make room, whatever the churn.
 */
export function claimClientId(mapId: string, clientId: string, sender: Sender, present: (clientId: string) => boolean, now = Date.now()): void {
  const bindings = maps.get(mapId) ?? new Map<string, Sender & { seenAt: number }>();
  maps.delete(mapId);
  maps.set(mapId, bindings);
  if (maps.size > MAPS) maps.delete(maps.keys().next().value!);
  const bound = bindings.get(clientId);
  if (bound && now - bound.seenAt <= BOUND_FOR_MS) {
    if (bound.linkId !== sender.linkId) throw new AppError("forbidden", "This presence belongs to someone on another link.");
    if (bound.key !== sender.key) throw new AppError("forbidden", "This presence belongs to another tab.");
  }
  bindings.delete(clientId);
  bindings.set(clientId, { ...sender, seenAt: now });
  if (bindings.size > BINDINGS_PER_MAP) forgetUnused(bindings, present, now);
}

/** Least recently used first (the map's order): expired ones, then departed ones down to half. */
function forgetUnused(bindings: Map<string, { seenAt: number }>, present: (clientId: string) => boolean, now: number): void {
  for (const [clientId, binding] of bindings) {
    if (present(clientId)) continue;
    if (bindings.size <= BINDINGS_PER_MAP / 2 && now - binding.seenAt <= BOUND_FOR_MS) break;
    bindings.delete(clientId);
  }
}

/** For tests: forget every binding. */
export function forgetSenders(): void {
  maps.clear();
}
