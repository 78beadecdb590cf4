/**
 * This tab's place on the shelf: its entry is saved only once its lock is held (a saved entry
 * whose lock is free looks orphaned), and from then on it adopts the entries of tabs that are gone.
 * Disposing lets the lock go and leaves the entry saved, for a live tab (or this one, reloaded).
 */
import { watchOrphans } from "./orphan-queues";
import type { QueueShelf, ShelfEntry } from "./queue-shelf";
import type { TabLocks } from "./tab-locks";

export interface TabQueue {
  /** Saves this tab's entry (once the lock is held; until then `current` is asked again when it is). */
  save(): void;
  dispose(): void;
}

export function tabQueue(options: { shelf: QueueShelf; locks: TabLocks; clientId: string; current(): ShelfEntry; adopt(owner: string, entry: ShelfEntry): void }): TabQueue {
  const { shelf, locks, clientId } = options;
  let held = false;
  let disposed = false;
  let release = () => {};
  let stopOrphans = () => {};
  const save = () => {
    if (held && !disposed) shelf.save(clientId, options.current());
  };
  void locks.hold(clientId).then((letGo) => {
    if (disposed) return letGo();
    release = letGo;
    held = true;
    save();
    stopOrphans = watchOrphans({ shelf, locks, self: clientId, adopt: options.adopt });
  });
  return {
    save,
    dispose() {
      disposed = true;
      stopOrphans();
      release();
    },
  };
}
