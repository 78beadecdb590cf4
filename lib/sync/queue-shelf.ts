/**
 * Where a browser keeps what its tabs must not lose on a map: each tab's unsent ops and the words
 * kept for its user in notices, one entry per tab (per client id), in storage every tab of the
 * browser shares (localStorage). A reload or a crash while offline loses nothing, and no tab can
 * overwrite another's entry. The entry of a tab that is gone is adopted by exactly one live tab
 * (see orphan-queues.ts); the server dedupes by clientId + clientOpId, so a queue sent twice is
 * still applied once.
 */
import type { SyncNotice } from "./notices";
import type { PendingOp } from "./protocol";

export interface ShelfEntry {
  pending: PendingOp[];
  /** Notices that keep someone's words (they outlive a reload, like the ops). */
  kept: SyncNotice[];
}

const EMPTY: ShelfEntry = { pending: [], kept: [] };
const isEmpty = (entry: ShelfEntry) => entry.pending.length === 0 && entry.kept.length === 0;

export interface QueueShelf {
  /** Replaces the tab's saved entry; an empty one removes it. */
  save(clientId: string, entry: ShelfEntry): void;
  load(clientId: string): ShelfEntry;
  remove(clientId: string): void;
  /** The client ids that have a queue saved. */
  owners(): string[];
  /** Calls back when another tab saves or removes a queue; returns the way to stop. */
  watch(listener: () => void): () => void;
}

type Storage = Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** Before queues were per tab, a map had one queue: `{clientId, pending}` under this key. */
const legacyKey = (token: string) => `argumap:pending:${token}`;

export function localQueueShelf(token: string, storage: Storage | null = typeof localStorage === "undefined" ? null : localStorage): QueueShelf {
  const prefix = `argumap:queue:${token}:`;
  const read = (key: string): unknown => {
    try {
      const raw = storage?.getItem(key);
      return raw ? (JSON.parse(raw) as unknown) : null;
    } catch {
      return null;
    }
  };
  const legacy = () => read(legacyKey(token)) as { clientId?: string; pending?: PendingOp[] } | null;
  return {
    save(clientId, entry) {
      try {
        if (isEmpty(entry)) storage?.removeItem(prefix + clientId);
        else storage?.setItem(prefix + clientId, JSON.stringify(entry));
      } catch {
        // Storage full or disabled: the ops are still queued in memory.
      }
    },
    load(clientId) {
      const saved = read(prefix + clientId) as Partial<ShelfEntry> | null;
      if (saved && Array.isArray(saved.pending)) return { pending: saved.pending, kept: Array.isArray(saved.kept) ? saved.kept : [] };
      const old = legacy();
      return old?.clientId === clientId && Array.isArray(old.pending) ? { pending: old.pending, kept: [] } : EMPTY;
    },
    remove(clientId) {
      try {
        storage?.removeItem(prefix + clientId);
        if (legacy()?.clientId === clientId) storage?.removeItem(legacyKey(token));
      } catch {
        // nothing to do
      }
    },
    owners() {
      const found = new Set<string>();
      try {
        for (let i = 0; i < (storage?.length ?? 0); i++) {
          const key = storage?.key(i);
          if (key?.startsWith(prefix)) found.add(key.slice(prefix.length));
        }
      } catch {
        return [];
      }
      const old = legacy();
      if (typeof old?.clientId === "string") found.add(old.clientId);
      return [...found];
    },
    watch(listener) {
      const onStorage = (event: StorageEvent) => {
        if (event.key === null || event.key.startsWith(prefix)) listener();
      };
      globalThis.addEventListener?.("storage", onStorage);
      return () => globalThis.removeEventListener?.("storage", onStorage);
    },
  };
}

/** A shelf in memory, shared by the clients given it (tests: several "tabs" of one browser). */
export function memoryQueueShelf(): QueueShelf {
  const entries = new Map<string, string>();
  const listeners = new Set<() => void>();
  const changed = () => queueMicrotask(() => listeners.forEach((listener) => listener()));
  return {
    save(clientId, entry) {
      if (isEmpty(entry)) entries.delete(clientId);
      else entries.set(clientId, JSON.stringify(entry));
      changed();
    },
    load: (clientId) => {
      const saved = entries.get(clientId);
      return saved ? (JSON.parse(saved) as ShelfEntry) : EMPTY;
    },
    remove(clientId) {
      entries.delete(clientId);
      changed();
    },
    owners: () => [...entries.keys()],
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
