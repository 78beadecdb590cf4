import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { occurrences } from "./occurrences";

function naive(text: string, pattern: string): number[] {
  const found: number[] = [];
  if (!pattern) return found;
  for (let i = text.indexOf(pattern); i >= 0; i = text.indexOf(pattern, i + 1)) found.push(i);
  return found;
}

describe("occurrences", () => {
  it("finds every start of the pattern, overlapping ones included", () => {
    expect(occurrences("abababa", "aba")).toEqual([0, 2, 4]);
    expect(occurrences("the cat and the hat", "the")).toEqual([0, 12]);
  });

  it("finds nothing for an empty or longer pattern", () => {
    expect(occurrences("abc", "")).toEqual([]);
    expect(occurrences("abc", "abcd")).toEqual([]);
  });

  it("stops after the limit", () => {
    expect(occurrences("aaaaaa", "a", 3)).toEqual([0, 1, 2]);
  });

  it("agrees with a plain search on any text (small alphabets make repeats likely)", () => {
    const letters = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 40 });
    fc.assert(fc.property(letters, fc.string({ unit: fc.constantFrom("a", "b", "c"), minLength: 1, maxLength: 5 }), (text, pattern) => {
      expect(occurrences(text, pattern)).toEqual(naive(text, pattern));
    }));
  });
});
