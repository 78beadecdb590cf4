/** One browser's shared storage and tab locks, in memory: the clients given it are its tabs (test code only). */
import { memoryQueueShelf, type QueueShelf } from "../queue-shelf";
import { memoryTabLocks, type TabLocks } from "../tab-locks";

export interface MemoryBrowser {
  shelf: QueueShelf;
  locks: TabLocks;
}

export function memoryBrowser(): MemoryBrowser {
  return { shelf: memoryQueueShelf(), locks: memoryTabLocks() };
}
