import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { charge, inMemoryRateLimitStore, resetRateLimits } from "./rate-limit";

const rate = { perSecond: 10, burst: 20 };

function refused(key: string, now: number, cost = 1): AppError | null {
  try {
    charge([{ key, rate, cost }], "slow down", now);
    return null;
  } catch (error) {
    return error as AppError;
  }
}

afterEach(() => {
  resetRateLimits();
  delete process.env.ARGUMAP_RATE_LIMITS;
});

describe("rate limits", () => {
  it("allow a burst, then answer 429 with Retry-After", () => {
    for (let i = 0; i < 20; i++) expect(refused("burst", 0)).toBeNull();
    const error = refused("burst", 0);
    expect(error?.status).toBe(429);
    expect(error?.message).toBe("slow down");
    expect(error?.headers["Retry-After"]).toBe("1");
  });

  it("refill at the sustained rate, and each key has its own bucket", () => {
    for (let i = 0; i < 20; i++) charge([{ key: "refill", rate }], "", 0);
    expect(refused("refill", 0)).not.toBeNull();
    expect(refused("other-link", 0)).toBeNull();
    expect(refused("refill", 150)).toBeNull(); // 1.5 tokens came back
    expect(refused("refill", 150)).not.toBeNull();
  });

  it("count what a request costs (ops, bytes), and say how long the refill takes", () => {
    expect(refused("ops", 0, 15)).toBeNull();
    const error = refused("ops", 0, 15);
    expect(error?.headers["Retry-After"]).toBe("1"); // 10 more tokens at 10/s
    expect(refused("ops", 0, 5)).toBeNull();
    // A request larger than the whole bucket is one full bucket, not refused forever.
    expect(refused("huge", 0, 1_000)).toBeNull();
    expect(refused("huge", 0, 1)?.headers["Retry-After"]).toBe("1");
  });

  it("charge every bucket or none: a refusal by one bucket costs the others nothing", () => {
    const store = inMemoryRateLimitStore();
    const tight = { perSecond: 1, burst: 1 };
    expect(store.take([{ key: "ip", rate }, { key: "link", rate: tight }], 0)).toBe(0);
    for (let i = 0; i < 5; i++) expect(store.take([{ key: "ip", rate }, { key: "link", rate: tight }], 0)).toBeGreaterThan(0);
    // The address paid once only: 19 requests of its burst are left.
    for (let i = 0; i < 19; i++) expect(store.take([{ key: "ip", rate }], 0)).toBe(0);
    expect(store.take([{ key: "ip", rate }], 0)).toBeGreaterThan(0);
  });

  it("keep memory bounded under a flood of distinct keys", () => {
    const store = inMemoryRateLimitStore(1_000);
    let refusedCount = 0;
    for (let i = 0; i < 50_000; i++) if (store.take([{ key: `ip${i}`, rate }], 0) > 0) refusedCount++;
    expect(refusedCount).toBe(0);
    expect(store.size()).toBeLessThanOrEqual(1_000);
    // The newest keys are remembered: a key that just spent its burst is still refused.
    for (let i = 0; i < 19; i++) store.take([{ key: "ip49999", rate }], 0);
    expect(store.take([{ key: "ip49999", rate }], 0)).toBeGreaterThan(0);
  });

  it("are lifted by ARGUMAP_RATE_LIMITS=off", () => {
    process.env.ARGUMAP_RATE_LIMITS = "off";
    for (let i = 0; i < 100; i++) expect(refused("off", 0)).toBeNull();
  });
});
