/**
 * Adopting the unsent ops of tabs that are gone. Every live tab waits on the lock of each other
 * tab that has a queue saved; when that tab ends, its lock is granted to one waiting tab, which
 * moves the queue into its own (saved first, then the orphan removed) and sends it under the
 * original client id, so the server's dedupe still applies each op exactly once.
 */
import type { QueueShelf, ShelfEntry } from "./queue-shelf";
import type { TabLocks } from "./tab-locks";

export interface OrphanWatch {
  shelf: QueueShelf;
  locks: TabLocks;
  /** This tab's own client id (its queue is not an orphan). */
  self: string;
  /** Takes the ops (and kept words) into this tab's own entry and saves it, before the orphan is removed. */
  adopt(owner: string, entry: ShelfEntry): void;
}

export function watchOrphans({ shelf, locks, self, adopt }: OrphanWatch): () => void {
  const waiting = new Map<string, () => void>();
  let stopped = false;
  const scan = () => {
    if (stopped) return;
    for (const owner of shelf.owners()) {
      if (owner === self || waiting.has(owner)) continue;
      const stop = locks.whenGone(owner, () => {
        waiting.delete(owner);
        if (stopped) return;
        const entry = shelf.load(owner);
        if (entry.pending.length > 0 || entry.kept.length > 0) adopt(owner, entry);
        shelf.remove(owner);
      });
      waiting.set(owner, stop);
    }
  };
  scan();
  const unwatch = shelf.watch(scan);
  return () => {
    stopped = true;
    unwatch();
    for (const stop of waiting.values()) stop();
    waiting.clear();
  };
}
