/** The classroom bench's SSE reader, split at every possible place. */
import { expect, it } from "vitest";
import { frameReader } from "./frames";

const stream = [
  "retry: 1000\n\n",
  `event: lead\ndata: {"leader":{"step":3}}\n\n`,
  ": keep-alive\n\n",
  `id: 7\nevent: op\ndata: {"revision":7}\n\n`,
  `event: tally\ndata: {"steps":{"0":{"agree":1}}}\r\n\r\n`,
  `event: nothing\n\n`,
  `event:results\ndata:{"x":"é 🙂"}\n\n`,
].join("");

it("reads the same frames however the stream is split", () => {
  const bytes = Buffer.from(stream, "utf8");
  const whole: unknown[] = [];
  frameReader((event, data, id) => whole.push([event, data, id]))(bytes);
  expect(whole).toEqual([
    ["lead", `{"leader":{"step":3}}`, null],
    ["op", `{"revision":7}`, "7"],
    ["tally", `{"steps":{"0":{"agree":1}}}`, null],
    ["results", `{"x":"é 🙂"}`, null],
  ]);
  for (let split = 1; split < bytes.length; split++) {
    const parts: unknown[] = [];
    const read = frameReader((event, data, id) => parts.push([event, data, id]));
    read(bytes.subarray(0, split));
    read(bytes.subarray(split));
    expect(parts).toEqual(whole);
  }
});
