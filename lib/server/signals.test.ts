/** Signal payloads: PostgreSQL takes at most 8000 bytes per NOTIFY, so longer messages go in parts. */
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
});
