/**
 * One lock per tab, held for as long as the tab lives: a tab whose lock is free is gone (closed,
 * crashed, reloaded), and whoever gets its lock next may adopt its unsent ops. The Web Locks API
 * (`navigator.locks`) gives exactly that, across every tab of a browser: a lock is released when
 * its tab ends, however it ends, and a waiting request is granted to one tab at a time.
 */

export interface TabLocks {
  /** Takes this tab's own lock; resolves with the way to let it go once it is held. */
  hold(clientId: string): Promise<() => void>;
  /**
   * Runs `run` while holding `clientId`'s lock, as soon as its tab is gone (at once if it already
   * is). At most one tab runs it at a time for one client id. Returns the way to stop waiting.
   */
  whenGone(clientId: string, run: () => void | Promise<void>): () => void;
}

const lockName = (clientId: string) => `argumap-tab:${clientId}`;

interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<unknown>): Promise<unknown>;
}

/** The browser's Web Locks, or null where there are none (old browsers, insecure origins). */
export function webTabLocks(): TabLocks | null {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (!locks) return null;
  return {
    hold: (clientId) =>
      new Promise((held) => {
        void locks.request(lockName(clientId), {}, () => new Promise<void>((release) => held(() => release()))).catch(() => undefined);
      }),
    whenGone(clientId, run) {
      const stop = new AbortController();
      void locks
        .request(lockName(clientId), { signal: stop.signal }, async () => {
          if (!stop.signal.aborted) await run();
        })
        .catch(() => undefined); // aborted
      return () => stop.abort();
    },
  };
}

/** Locks within one process, with the same rules (tests: several "tabs" sharing one browser). */
export function memoryTabLocks(): TabLocks {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (name: string) => {
    const next = waiting.get(name)?.shift();
    if (next) queueMicrotask(next); // handed on: the lock stays held
    else held.delete(name);
  };
  /** Grants `granted` the lock now or once free; returns the way to leave the queue. */
  const acquire = (name: string, granted: () => void): (() => void) => {
    if (!held.has(name)) {
      held.add(name);
      queueMicrotask(granted);
      return () => {};
    }
    waiting.set(name, [...(waiting.get(name) ?? []), granted]);
    return () => waiting.set(name, (waiting.get(name) ?? []).filter((entry) => entry !== granted));
  };
  return {
    hold: (clientId) => new Promise((resolve) => acquire(lockName(clientId), () => resolve(() => release(lockName(clientId))))),
    whenGone(clientId, run) {
      let stopped = false;
      const name = lockName(clientId);
      const leave = acquire(name, () => {
        void (async () => {
          try {
            if (!stopped) await run();
          } finally {
            release(name);
          }
        })();
      });
      return () => {
        stopped = true;
        leave();
      };
    },
  };
}

/**
 * Where there are no Web Locks: each tab stamps the time into storage every few seconds while it
 * lives, and a queue whose tab has not stamped for a while is adopted. Two tabs may then adopt the
 * same queue at once; the server's dedupe by clientId + clientOpId still applies each op once.
 */
export function stampTabLocks(storage: Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem">, now: () => number = Date.now): TabLocks {
  const STAMP_MS = 3_000;
  const STALE_MS = 12_000;
  const key = (clientId: string) => `argumap:alive:${clientId}`;
  const stamp = (clientId: string) => {
    try {
      storage.setItem(key(clientId), String(now()));
    } catch {
      // storage full: the tab may be adopted early, which the server's dedupe makes harmless
    }
  };
  const gone = (clientId: string) => {
    const at = Number(storage.getItem(key(clientId)) ?? "0");
    return !(now() - at < STALE_MS);
  };
  return {
    async hold(clientId) {
      stamp(clientId);
      const timer = setInterval(() => stamp(clientId), STAMP_MS);
      return () => {
        clearInterval(timer);
        storage.removeItem(key(clientId));
      };
    },
    whenGone(clientId, run) {
      let stopped = false;
      const check = () => {
        if (stopped || !gone(clientId)) return;
        stopped = true;
        clearInterval(timer);
        void run();
      };
      const timer = setInterval(check, STAMP_MS);
      queueMicrotask(check);
      return () => {
        stopped = true;
        clearInterval(timer);
      };
    },
  };
}
