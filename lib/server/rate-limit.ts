/**
 * Per-link write rate limit: a token bucket per link, in memory. Generous enough for a class
 * typing at once on one edit link, tight enough that a runaway script gets 429 with Retry-After.
 */
import { AppError } from "./errors";
import { processWide } from "./process-wide";

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface RateLimit {
  /** Requests a second, sustained. */
  rate: number;
  /** Requests allowed in a burst. */
  burst: number;
}

export function defaultWriteLimit(): RateLimit {
  const rate = Number(process.env.ARGUMAP_WRITES_PER_SECOND ?? 50);
  return { rate, burst: rate * 4 };
}

const buckets = processWide("rate-buckets", () => new Map<string, Bucket>());

/** Takes one request from `key`'s bucket, or throws 429 with how long to wait. */
export function takeToken(key: string, limit: RateLimit = defaultWriteLimit(), now = Date.now()): void {
  const bucket = buckets.get(key) ?? { tokens: limit.burst, updatedAt: now };
  bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * limit.rate);
  bucket.updatedAt = now;
  buckets.set(key, bucket);
  if (bucket.tokens < 1) {
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.rate));
    throw new AppError("rate_limited", "Too many changes at once on this link; slow down and try again.", { "Retry-After": String(retryAfter) });
  }
  bucket.tokens -= 1;
  if (buckets.size > 10_000) sweep(now, limit);
}

function sweep(now: number, limit: RateLimit): void {
  for (const [key, bucket] of buckets) {
    if (bucket.tokens + ((now - bucket.updatedAt) / 1000) * limit.rate >= limit.burst) buckets.delete(key);
  }
}
