/** Signal payloads: PostgreSQL takes at most 8000 bytes per NOTIFY, so longer messages go in parts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { payloadsOf, reassemble } from "./signals";

describe("signal payloads", () => {
  it("a short message is one payload, unchanged", () => {
    expect(payloadsOf('{"t":"op","m":"abc","r":3}')).toEqual(['{"t":"op","m":"abc","r":3}']);
  });

  it("a long message is cut into parts under the limit that put it back together in any order, emoji and all", () => {
    const message = JSON.stringify({ t: "presence", text: "🙂 débat ".repeat(3_000) });
    const payloads = payloadsOf(message, 7_000);
    expect(payloads.length).toBeGreaterThan(3);
    for (const payload of payloads) {
      expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
      expect(Buffer.from(payload).toString()).toBe(payload); // valid UTF-8 on its own: no split surrogate pair
    }
    const parts = new Map();
    const arrived = [...payloads].reverse().map((payload) => reassemble(payload, parts));
    expect(arrived.slice(0, -1).every((result) => result === null)).toBe(true);
    expect(arrived.at(-1)).toBe(message);
    expect(parts.size).toBe(0);
  });

  it("any message, cut at any part size, arrives whole whatever order the parts of two messages interleave in", () => {
    // Quotes, backslashes and control characters grow when the message is escaped into a part; emoji are 4 bytes.
    const awkward = fc.string({ unit: fc.constantFrom('"', "\\", "\u0001", "🙂", "é", "a"), maxLength: 8_000 });
    const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 3_000 }), awkward);
    fc.assert(
      fc.property(text, text, fc.integer({ min: 40, max: 7_000 }), fc.infiniteStream(fc.boolean()), (a, b, partBytes, picks) => {
        const [first, second] = [JSON.stringify({ t: "presence", a }), JSON.stringify({ t: "presence", b })];
        const queues = [payloadsOf(first, partBytes), payloadsOf(second, partBytes)];
        for (const payload of queues.flat()) {
          // A part's envelope (id, index, count) adds under 64 bytes to the size asked for.
          expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(Math.max(partBytes + 64, Buffer.byteLength(first), Buffer.byteLength(second)));
          expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
          expect(Buffer.from(payload).toString()).toBe(payload);
        }
        // Two instances' parts interleaved, reversed within each (the worst NOTIFY could do is less).
        for (const queue of queues) queue.reverse();
        const parts = new Map();
        const whole: string[] = [];
        const choices = picks[Symbol.iterator]();
        while (queues.some((queue) => queue.length > 0)) {
          const queue = queues[0]!.length === 0 ? queues[1]! : queues[1]!.length === 0 ? queues[0]! : queues[choices.next().value ? 0 : 1]!;
          const message = reassemble(queue.shift()!, parts);
          if (message !== null) whole.push(message);
        }
        expect(whole.sort()).toEqual([first, second].sort());
        expect(parts.size).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
