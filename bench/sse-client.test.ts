/** The bench's SSE scanner against the frames both servers send, split at every possible place. */
import { expect, it } from "vitest";
import { opFrameScanner } from "./sse-client";

const op = (revision: number, text = "Claim") =>
  `id: ${revision}\nevent: op\ndata: ${JSON.stringify({ revision, clientId: "c", clientOpId: `o${revision}`, op: { type: "addNode", node: { text } } })}\n\n`;
const stream = [
  "retry: 1000\n\n",
  op(1),
  ": keep-alive\n\n",
  op(2, "éèê — “quotes”, 日本語, emoji 🙂"),
  `event: presence\ndata: {"peers":[]}\n\n`,
  op(3),
  `id: 4\nevent: op\n\n`, // no data: not dispatched
  `event: op\ndata: {}\n\n`, // no id: cannot be matched to a revision
  `id: 5x\nevent: op\ndata: {}\n\n`, // not a revision
  `id: 6\nevent: operation\ndata: {}\n\n`,
  `id:7\nevent:op\ndata:{}\n\n`, // no space after the colon is the same field
  `eventful: op\nid: 8\ndata: {}\n\n`, // an unknown field, so a plain message
  op(9),
].join("");
const expected = [1, 2, 3, 7, 9];

function scan(chunks: Buffer[]): number[] {
  const seen: number[] = [];
  const push = opFrameScanner((revision) => seen.push(revision));
  for (const chunk of chunks) push(chunk);
  return seen;
}

it("an op frame is reported once, with its id, and other frames are not", () => {
  expect(scan([Buffer.from(stream)])).toEqual(expected);
});

it("the stream may be split anywhere, even inside a character", () => {
  const bytes = Buffer.from(stream);
  for (let at = 0; at <= bytes.length; at++) expect(scan([bytes.subarray(0, at), bytes.subarray(at)]), `split at ${at}`).toEqual(expected);
});

it("a stream that arrives byte by byte reports the same", () => {
  const bytes = Buffer.from(stream);
  expect(scan([...bytes].map((byte) => Buffer.from([byte])))).toEqual(expected);
});

it("CR LF line ends are read like LF", () => {
  expect(scan([Buffer.from(stream.replace(/\n/g, "\r\n"))])).toEqual(expected);
});

it("an incomplete last frame is not reported until its blank line arrives", () => {
  const seen: number[] = [];
  const push = opFrameScanner((revision) => seen.push(revision));
  push(Buffer.from(op(1).slice(0, -1)));
  expect(seen).toEqual([]);
  push(Buffer.from("\n"));
  expect(seen).toEqual([1]);
});
