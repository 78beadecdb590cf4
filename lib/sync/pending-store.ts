/**
 * Keeps a map's unsaved ops in the browser (localStorage), so a reload or a crash while offline
 * loses nothing. The server dedupes by clientId + clientOpId, so re-sending a saved op is harmless.
 */
import type { PendingOp } from "./protocol";

export interface PendingStore {
  load(): { clientId: string; pending: PendingOp[] } | null;
  save(clientId: string, pending: readonly PendingOp[]): void;
}

export function localPendingStore(token: string): PendingStore {
  const key = `argumap:pending:${token}`;
  const storage = typeof localStorage === "undefined" ? null : localStorage;
  return {
    load() {
      try {
        const raw = storage?.getItem(key);
        return raw ? (JSON.parse(raw) as { clientId: string; pending: PendingOp[] }) : null;
      } catch {
        return null;
      }
    },
    save(clientId, pending) {
      try {
        if (pending.length === 0) storage?.removeItem(key);
        else storage?.setItem(key, JSON.stringify({ clientId, pending }));
      } catch {
        // Storage full or disabled: the ops are still queued in memory.
      }
    },
  };
}

export const memoryPendingStore = (): PendingStore => {
  let saved: { clientId: string; pending: PendingOp[] } | null = null;
  return {
    load: () => saved,
    save: (clientId, pending) => {
      saved = pending.length ? { clientId, pending: [...pending] } : null;
    },
  };
};
