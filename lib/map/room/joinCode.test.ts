import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeFromBytes, joinCodeRequestSchema, normalizeJoinCode } from "./joinCode";

describe("join codes", () => {
  it("use 30 characters with no look-alikes", () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(30);
    for (const lookAlike of "01ILOU") expect(JOIN_CODE_ALPHABET).not.toContain(lookAlike);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it("any random bytes give a code of the alphabet, or null when too few bytes were usable", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (bytes) => {
        const code = joinCodeFromBytes(bytes);
        if (code === null) return bytes.filter((byte) => byte < 240).length < JOIN_CODE_LENGTH;
        return code.length === JOIN_CODE_LENGTH && [...code].every((character) => JOIN_CODE_ALPHABET.includes(character));
      }),
    );
  });

  it("every character is equally likely: the bytes that would favour some are skipped", () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const code = joinCodeFromBytes(new Uint8Array([byte, 0, 0, 0, 0, 0]));
      if (code) counts.set(code[0]!, (counts.get(code[0]!) ?? 0) + 1);
    }
    expect([...counts.values()].every((count) => count === 8)).toBe(true);
    expect(counts.size).toBe(30);
  });

  it("read back whatever way a person types them: lower case, spaces, the dash", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...JOIN_CODE_ALPHABET), minLength: 6, maxLength: 6 }), (code) => {
        expect(normalizeJoinCode(formatJoinCode(code))).toBe(code);
        expect(normalizeJoinCode(` ${formatJoinCode(code).toLowerCase()} `)).toBe(code);
      }),
    );
    expect(normalizeJoinCode("K7M-P2")).toBeNull();
    expect(normalizeJoinCode("K0M-P2Q")).toBeNull();
    expect(formatJoinCode("K7MP2Q")).toBe("K7M-P2Q");
  });

  it("a code request defaults to an hour and keeps to a minute … a day", () => {
    expect(joinCodeRequestSchema.parse({ role: "edit" })).toEqual({ role: "edit", minutes: 60 });
    expect(joinCodeRequestSchema.safeParse({ role: "view", minutes: 24 * 60 }).success).toBe(true);
    expect(joinCodeRequestSchema.safeParse({ role: "view", minutes: 24 * 60 + 1 }).success).toBe(false);
  });
});
