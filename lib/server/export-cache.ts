/**
 * Exports, kept per map revision and format: a map that has not changed is drawn once however
 * many people (or scripts) export it, and a second request for an export being made waits for
 * that one instead of starting another. Least recently used first out, within a byte budget
 * (ARGUMAP_EXPORT_CACHE_MB).
 */
import { exportCacheBytes } from "./config";
import { processWide } from "./process-wide";

interface Cache {
  done: Map<string, Uint8Array>;
  bytes: number;
  making: Map<string, Promise<Uint8Array>>;
}

const cache = processWide<Cache>("export-cache", () => ({ done: new Map(), bytes: 0, making: new Map() }));

export const exportKey = (mapId: string, revision: number, format: string) => `${mapId}\u0000${revision}\u0000${format}`;

/** The cached export under `key`, or `make`'s, which is then kept. */
export function cachedExport(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const done = cache.done.get(key);
  if (done) {
    cache.done.delete(key);
    cache.done.set(key, done);
    return Promise.resolve(done);
  }
  const making = cache.making.get(key);
  if (making) return making;
  const made = make().then(
    (bytes) => {
      cache.making.delete(key);
      keep(key, bytes);
      return bytes;
    },
    (error: unknown) => {
      cache.making.delete(key);
      throw error;
    },
  );
  cache.making.set(key, made);
  return made;
}

function keep(key: string, bytes: Uint8Array): void {
  const budget = exportCacheBytes();
  if (bytes.byteLength > budget / 4) return;
  cache.done.set(key, bytes);
  cache.bytes += bytes.byteLength;
  for (const [oldKey, old] of cache.done) {
    if (cache.bytes <= budget) break;
    cache.done.delete(oldKey);
    cache.bytes -= old.byteLength;
  }
}

/** For tests: forget every export. */
export function clearExportCache(): void {
  cache.done.clear();
  cache.bytes = 0;
}
