/**
 * Rate limits: token buckets by key (a client address, a link, a presence sender), in memory.
 * A request names every bucket it draws on and what it costs in each (one request, n ops, n
 * bytes); it passes only if all of them can pay, and then pays in all, so a refusal costs the
 * other buckets nothing. Refusals are 429 with Retry-After. The store is a small interface so
 * several server processes can share one (e.g. in PostgreSQL) later.
 */
import { rateLimitsOn, type Rate } from "./config";
import { AppError } from "./errors";
import { processWide } from "./process-wide";

export interface Charge {
  key: string;
  rate: Rate;
  /** What this request costs in that bucket; more than a full bucket counts as a full bucket. */
  cost?: number;
}

export interface RateLimitStore {
  /** Seconds until every charge could be paid (0: paid now, in every bucket). */
  take(charges: readonly Charge[], now: number): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  rate: Rate;
}

export function inMemoryRateLimitStore(maxKeys = 100_000): RateLimitStore & { size(): number } {
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, now: number) => Math.min(bucket.rate.burst, bucket.tokens + (Math.max(0, now - bucket.updatedAt) / 1000) * bucket.rate.perSecond);
  const sweep = (now: number) => {
    for (const [key, bucket] of buckets) if (refill(bucket, now) >= bucket.rate.burst) buckets.delete(key);
    // Still too many (a flood of distinct keys): forget the oldest; they start full again.
    for (const key of buckets.keys()) {
      if (buckets.size <= maxKeys / 2) break;
      buckets.delete(key);
    }
  };
  return {
    size: () => buckets.size,
    take(charges, now) {
      let wait = 0;
      const filled = charges.map(({ key, rate, cost = 1 }) => {
        const bucket = buckets.get(key) ?? { tokens: rate.burst, updatedAt: now, rate };
        bucket.rate = rate;
        bucket.tokens = refill(bucket, now);
        bucket.updatedAt = now;
        const due = Math.min(cost, rate.burst);
        if (bucket.tokens < due) wait = Math.max(wait, (due - bucket.tokens) / rate.perSecond);
        return { key, bucket, due };
      });
      if (wait > 0) return wait;
      for (const { key, bucket, due } of filled) {
        bucket.tokens -= due;
        buckets.delete(key);
        buckets.set(key, bucket);
      }
      if (buckets.size > maxKeys) sweep(now);
      return 0;
    },
  };
}

const store = processWide<{ current: RateLimitStore }>("rate-limits", () => ({ current: inMemoryRateLimitStore() }));

/** For tests: a fresh store (every bucket full). */
export function resetRateLimits(): void {
  store.current = inMemoryRateLimitStore();
}

/** Pays every charge, or throws 429 with Retry-After (whole seconds) and `message`. */
export function charge(charges: readonly Charge[], message: string, now = Date.now()): void {
  if (!rateLimitsOn()) return;
  const wait = store.current.take(charges, now);
  if (wait > 0) throw new AppError("rate_limited", message, { "Retry-After": String(Math.max(1, Math.ceil(wait))) });
}
