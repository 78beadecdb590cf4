/**
 * Where a browser keeps its tabs' unsent ops for a map: one queue per tab (per client id), in
 * storage every tab of the browser shares (localStorage), so a reload or a crash while offline
 * loses nothing and no tab can overwrite another's queue. A queue whose tab is gone is adopted by
 * exactly one live tab (see orphan-queues.ts); the server dedupes by clientId + clientOpId, so a
 * queue sent twice is still applied once.
 */
import type { PendingOp } from "./protocol";

export interface QueueShelf {
  /** Replaces the tab's saved queue; an empty queue removes it. */
  save(clientId: string, pending: readonly PendingOp[]): void;
  load(clientId: string): PendingOp[];
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
    save(clientId, pending) {
      try {
        if (pending.length === 0) storage?.removeItem(prefix + clientId);
        else storage?.setItem(prefix + clientId, JSON.stringify(pending));
      } catch {
        // Storage full or disabled: the ops are still queued in memory.
      }
    },
    load(clientId) {
      const saved = read(prefix + clientId);
      if (Array.isArray(saved)) return saved as PendingOp[];
      const old = legacy();
      return old?.clientId === clientId && Array.isArray(old.pending) ? old.pending : [];
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
  const queues = new Map<string, PendingOp[]>();
  const listeners = new Set<() => void>();
  const changed = () => queueMicrotask(() => listeners.forEach((listener) => listener()));
  return {
    save(clientId, pending) {
      if (pending.length === 0) queues.delete(clientId);
      else queues.set(clientId, pending.map((entry) => ({ ...entry })));
      changed();
    },
    load: (clientId) => (queues.get(clientId) ?? []).map((entry) => ({ ...entry })),
    remove(clientId) {
      queues.delete(clientId);
      changed();
    },
    owners: () => [...queues.keys()],
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
