/**
 * Token buckets that can be looked at before they are paid from: "may this address still guess?"
 * is asked before a join code is looked up, and only a wrong guess pays. (rate-limit.ts charges
 * every request up front; this is for limits on outcomes.) In memory, per process.
 */
export interface BudgetRate {
  /** Tokens that come back per minute. */
  perMinute: number;
  /** Tokens a full bucket holds. */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export interface Budget {
  /** At least one token is left for `key`. */
  available(key: string, now?: number): boolean;
  /** Takes `cost` tokens (the bucket may go below zero: a burst of failures waits longer). */
  spend(key: string, now?: number, cost?: number): void;
  /** Whole seconds until `key` has a token again (at least 1). */
  retryAfter(key: string, now?: number): number;
}

/** Buckets beyond this many are swept of full ones, so a flood of addresses cannot grow memory without bound. */
const SWEEP_AT = 10_000;

export function createBudget(rate: BudgetRate): Budget {
  const buckets = new Map<string, Bucket>();
  const perMs = rate.perMinute / 60_000;
  const level = (key: string, now: number): Bucket => {
    const bucket = buckets.get(key);
    if (!bucket) return { tokens: rate.burst, at: now };
    return { tokens: Math.min(rate.burst, bucket.tokens + (now - bucket.at) * perMs), at: now };
  };
  return {
    available: (key, now = Date.now()) => level(key, now).tokens >= 1,
    spend(key, now = Date.now(), cost = 1) {
      const bucket = level(key, now);
      bucket.tokens -= cost;
      buckets.set(key, bucket);
      if (buckets.size > SWEEP_AT) for (const [other] of buckets) if (level(other, now).tokens >= rate.burst) buckets.delete(other);
    },
    retryAfter: (key, now = Date.now()) => Math.max(1, Math.ceil((1 - level(key, now).tokens) / perMs / 1000)),
  };
}
