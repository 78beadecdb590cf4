/**
 * A reader's own view of "which claims stand", kept in this browser (localStorage) and never sent:
 * whether the overlay is on, and per map the nodes they accept as given or reject ("what if").
 * Nothing here is a document edit: the map stays the same for everyone else.
 * Browser-only, like recent-maps: on the server reads are empty and writes do nothing.
 */
import { z } from "zod";
import type { Assumption } from "./map/evaluation/input";

const OVERLAY_KEY = "argumap.standOverlay.v1";
const ASSUMPTIONS_PREFIX = "argumap.whatIf.v1:";
/** More would be a different map, not a "what if"; it also bounds what a page keeps in storage. */
export const MAX_ASSUMPTIONS = 500;

export type Assumptions = ReadonlyMap<string, Assumption>;

const assumptionsSchema = z.record(z.string().max(64), z.enum(["accept", "reject"]));
const NONE: Assumptions = new Map();
const listeners = new Set<() => void>();
const parsed = new Map<string, { raw: string | null; value: Assumptions }>();

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled: a personal view that lasts until the page closes
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    const store = storage();
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // quota or privacy settings: the view still changes on this page, it just is not kept
  }
  for (const listener of listeners) listener();
}

/** The map's assumptions; the same object until they change (as useSyncExternalStore needs). */
export function assumptionsFor(mapId: string): Assumptions {
  const key = ASSUMPTIONS_PREFIX + mapId;
  const raw = read(key);
  const cached = parsed.get(key);
  if (cached && cached.raw === raw) return cached.value;
  let value = NONE;
  try {
    const result = raw === null ? null : assumptionsSchema.safeParse(JSON.parse(raw));
    if (result?.success) value = new Map(Object.entries(result.data).slice(0, MAX_ASSUMPTIONS));
  } catch {
    // not JSON: start afresh
  }
  parsed.set(key, { raw, value });
  return value;
}

/** Accept a node as given, reject it, or (null) take the map's word for it again. */
export function setAssumption(mapId: string, nodeId: string, assumption: Assumption | null): void {
  const next = new Map(assumptionsFor(mapId));
  if (assumption === null) next.delete(nodeId);
  else if (next.size < MAX_ASSUMPTIONS || next.has(nodeId)) next.set(nodeId, assumption);
  saveAssumptions(mapId, next);
}

export function clearAssumptions(mapId: string): void {
  saveAssumptions(mapId, NONE);
}

function saveAssumptions(mapId: string, assumptions: Assumptions): void {
  write(ASSUMPTIONS_PREFIX + mapId, assumptions.size === 0 ? null : JSON.stringify(Object.fromEntries(assumptions)));
}

/** Whether this reader wants the overlay on in the editor (off until they turn it on). */
export function overlayWanted(): boolean {
  return read(OVERLAY_KEY) === "on";
}

export function setOverlayWanted(on: boolean): void {
  write(OVERLAY_KEY, on ? "on" : null);
}

/** Changes made here, and in this browser's other tabs. */
export function subscribePersonalView(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === OVERLAY_KEY || event.key.startsWith(ASSUMPTIONS_PREFIX)) listener();
  };
  if (typeof window !== "undefined") window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== "undefined") window.removeEventListener("storage", onStorage);
  };
}
