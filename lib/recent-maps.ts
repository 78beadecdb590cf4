/**
 * The maps this browser created or opened, kept in localStorage so the home page can list them.
 * Browser-only: on the server every read is an empty list and every write does nothing.
 * The list holds share links, so it stays on this device and is never sent anywhere.
 */
import { z } from "zod";

export interface RecentMap {
  token: string;
  title: string;
  role: "owner" | "edit" | "view";
  /** ISO timestamp of the last time it was opened here. */
  openedAt: string;
}

const STORAGE_KEY = "argumap.recentMaps.v1";
const MAX_ENTRIES = 50;

const entrySchema = z.object({
  token: z.string().min(1).max(200),
  title: z.string().max(200),
  role: z.enum(["owner", "edit", "view"]),
  openedAt: z.string(),
});

const EMPTY: readonly RecentMap[] = Object.freeze([]);
const listeners = new Set<() => void>();
let cachedRaw: string | null = null;
let cachedList: readonly RecentMap[] = EMPTY;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (privacy settings): behave as an empty list
  }
}

function parse(raw: string | null): readonly RecentMap[] {
  if (!raw) return EMPTY;
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return EMPTY;
    return value.flatMap((entry) => {
      const parsed = entrySchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return EMPTY;
  }
}

/** Newest first. Returns the same array until the list changes (as useSyncExternalStore needs). */
export function listRecentMaps(): readonly RecentMap[] {
  const store = storage();
  if (!store) return EMPTY;
  let raw: string | null = null;
  try {
    raw = store.getItem(STORAGE_KEY);
  } catch {
    return EMPTY;
  }
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedList = parse(raw);
  }
  return cachedList;
}

/** The server's (and the first render's) view of the list: always empty. */
export function serverRecentMaps(): readonly RecentMap[] {
  return EMPTY;
}

function save(list: readonly RecentMap[]): void {
  const store = storage();
  if (!store) return;
  try {
    store.setItem(STORAGE_KEY, JSON.stringify(list.slice(0, MAX_ENTRIES)));
  } catch {
    // quota exceeded or storage disabled: the list is a convenience, never worth an error
  }
  for (const listener of listeners) listener();
}

/** Adds the map, or moves it to the top with a fresh title and role. */
export function rememberMap(entry: Omit<RecentMap, "openedAt"> & { openedAt?: string }): void {
  if (!storage()) return;
  const next: RecentMap = { ...entry, openedAt: entry.openedAt ?? new Date().toISOString() };
  save([next, ...listRecentMaps().filter((map) => map.token !== entry.token)]);
}

export function forgetMap(token: string): void {
  save(listRecentMaps().filter((map) => map.token !== token));
}

/** After a link is rotated: an entry holding the old token gets the new one, so the list never keeps a dead link. */
export function replaceMapToken(oldToken: string, newToken: string): void {
  const list = listRecentMaps();
  if (!list.some((map) => map.token === oldToken)) return;
  save(list.filter((map) => map.token !== newToken).map((map) => (map.token === oldToken ? { ...map, token: newToken } : map)));
}

export function subscribeRecentMaps(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) listener();
  };
  if (typeof window !== "undefined") window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== "undefined") window.removeEventListener("storage", onStorage);
  };
}

/** The token in a share link ("http://host/m/TOKEN" or "/m/TOKEN"), or null. */
export function tokenFromLink(link: string): string | null {
  try {
    const path = new URL(link, "http://local").pathname;
    const match = /^\/m\/([^/]+)\/?$/.exec(path);
    return match?.[1] ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

/** The in-app path of a map, so links keep working whatever host served them. */
export function mapPath(token: string): string {
  return `/m/${encodeURIComponent(token)}`;
}
