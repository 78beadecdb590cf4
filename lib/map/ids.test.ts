import { describe, expect, it } from "vitest";
import { newId } from "./ids";
import { idSchema } from "./ops";

describe("newId", () => {
  it("is 16 URL-safe characters that the id schema accepts", () => {
    const id = newId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(idSchema.safeParse(id).success).toBe(true);
  });

  it("puts a prefix in front, joined by '_'", () => {
    expect(newId("node")).toMatch(/^node_[A-Za-z0-9_-]{16}$/);
  });

  it("refuses a prefix that would make an invalid id", () => {
    expect(() => newId("no spaces")).toThrow(/prefixes/);
  });

  it("does not repeat itself and uses the whole alphabet", () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.join("")).size).toBe(64);
  });
});
