import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentAt, segmentsOf } from "./segments";

describe("a text cut into marked segments", () => {
  it("marks each passage, and the overlap of two with both nodes", () => {
    const segments = segmentsOf(20, [
      { nodeId: "a", start: 2, end: 10, changed: false },
      { nodeId: "b", start: 6, end: 14, changed: true },
    ]);
    expect(segments.map(({ start, end, nodeIds, changed }) => [start, end, nodeIds.join("+"), changed])).toEqual([
      [0, 2, "", false],
      [2, 6, "a", false],
      [6, 10, "a+b", true],
      [10, 14, "b", true],
      [14, 20, "", false],
    ]);
  });

  it("finds the segment under the caret", () => {
    const segments = segmentsOf(10, [{ nodeId: "a", start: 3, end: 6, changed: false }]);
    expect(segmentAt(segments, 4)?.nodeIds).toEqual(["a"]);
    expect(segmentAt(segments, 3)?.nodeIds).toEqual(["a"]);
    expect(segmentAt(segments, 6)?.nodeIds).toEqual(["a"]);
    expect(segmentAt(segments, 7)?.nodeIds).toEqual([]);
    expect(segmentAt(segments, 0)?.nodeIds).toEqual([]);
  });

  it("always covers the whole text with consecutive, non-empty segments", () => {
    const passage = fc.record({ nodeId: fc.constantFrom("a", "b", "c"), start: fc.integer({ min: -5, max: 60 }), end: fc.integer({ min: -5, max: 60 }), changed: fc.boolean() });
    fc.assert(
      fc.property(fc.nat(50), fc.array(passage, { maxLength: 6 }), (length, passages) => {
        const segments = segmentsOf(length, passages);
        let at = 0;
        for (const segment of segments) {
          expect(segment.start).toBe(at);
          expect(segment.end).toBeGreaterThan(segment.start);
          at = segment.end;
        }
        expect(at).toBe(length);
      }),
    );
  });
});
