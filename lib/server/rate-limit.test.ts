import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { takeToken } from "./rate-limit";

const limit = { rate: 10, burst: 20 };

function refused(key: string, now: number): AppError | null {
  try {
    takeToken(key, limit, now);
    return null;
  } catch (error) {
    return error as AppError;
  }
}

describe("write rate limit", () => {
  it("allows a burst, then answers 429 with Retry-After", () => {
    for (let i = 0; i < 20; i++) expect(refused("burst", 0)).toBeNull();
    const error = refused("burst", 0);
    expect(error?.status).toBe(429);
    expect(error?.headers["Retry-After"]).toBe("1");
  });

  it("refills at the sustained rate, and each link has its own bucket", () => {
    for (let i = 0; i < 20; i++) takeToken("refill", limit, 0);
    expect(refused("refill", 0)).not.toBeNull();
    expect(refused("other-link", 0)).toBeNull();
    expect(refused("refill", 150)).toBeNull(); // 1.5 tokens came back
    expect(refused("refill", 150)).not.toBeNull();
  });
});
