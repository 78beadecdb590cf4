import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MALLOC_ARENAS, serverEnv } from "./next-start.mjs";

describe("the production server's start", () => {
  it("caps glibc's malloc arenas, so memory freed by ended worker threads is reused", () => {
    const env = serverEnv({ PORT: "3000", DATABASE_URL: "file:./x.db" });
    expect(env).toEqual({ PORT: "3000", DATABASE_URL: "file:./x.db", MALLOC_ARENA_MAX: MALLOC_ARENAS });
    expect(Number(MALLOC_ARENAS)).toBeLessThanOrEqual(2);
  });

  it("keeps an allocator setting the operator chose", () => {
    expect(serverEnv({ MALLOC_ARENA_MAX: "8" }).MALLOC_ARENA_MAX).toBe("8");
  });

  it("is how `npm start` and the e2e server start Next", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const scripts = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts as Record<string, string>;
    expect(scripts.serve).toMatch(/node scripts\/next-start\.mjs$/);
    expect(fs.readFileSync(path.join(root, "scripts", "serve-e2e.mjs"), "utf8")).toMatch(/startNext\(/);
  });
});
