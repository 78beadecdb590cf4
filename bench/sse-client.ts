/**
 * A tiny Server-Sent Events reader over node:http for the sync bench, the same code for the
 * baseline and for Argumap, so both pay the same client cost. It reports each `op` frame's
 * revision (its `id:`), and nothing else: with 50 listeners at 2,000 ops/s this runs 100,000 times
 * a second in the bench's own process, on the two cores the server under test also needs, so it
 * scans the raw bytes instead of decoding text and building strings for every frame.
 *
 * What it still checks per frame: the frame is complete (a blank line ends it), it has an
 * `event: op` line, a data line, and an `id:` that is a decimal number; frames of other events,
 * comments (`: keep-alive`) and `retry` are skipped. Loopback only: the benches never leave this
 * machine.
 */
import http from "node:http";

export interface SseListener {
  /** Resolves once the response headers arrived (the server has subscribed this listener). */
  ready: Promise<void>;
  close(): void;
}

export interface SseOptions {
  port: number;
  path: string;
  /** Called once per complete `op` frame received, with the frame's `id:`. */
  onOp: (revision: number) => void;
  /** Gives up on the headers after this long. */
  timeoutMs?: number;
}

export function openSseListener({ port, path, onOp, timeoutMs = 15_000 }: SseOptions): SseListener {
  let request: http.ClientRequest | undefined;
  let closed = false;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`SSE ${path}: no response in ${timeoutMs} ms`)), timeoutMs);
    // An agent of its own: a stream holds its socket for good and must not starve the posters' pool.
    request = http.get({ host: "127.0.0.1", port, path, agent: false, headers: { accept: "text/event-stream" } }, (response) => {
      clearTimeout(timer);
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`SSE ${path}: HTTP ${response.statusCode}`));
        return;
      }
      response.on("data", opFrameScanner(onOp));
      response.on("error", () => undefined);
      resolve();
    });
    request.on("error", (error) => {
      clearTimeout(timer);
      if (!closed) reject(error);
    });
  });
  return {
    ready,
    close() {
      closed = true;
      request?.destroy();
    },
  };
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const BLANK_LINE = Buffer.from("\n\n");
const ID = Buffer.from("id");
const EVENT = Buffer.from("event");
const DATA = Buffer.from("data");
const OP = Buffer.from("op");

/** Returns a function that takes the stream's bytes in any split and calls `onOp` per complete op frame. */
export function opFrameScanner(onOp: (revision: number) => void): (chunk: Buffer) => void {
  let pending: Buffer | undefined;
  return (chunk) => {
    // SSE also allows CR LF and lone CR line ends; neither server sends them, so this costs nothing.
    if (chunk.includes(CR)) chunk = Buffer.from(chunk.toString("latin1").replace(/\r\n?/g, "\n"), "latin1");
    const bytes = pending ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    let end: number;
    while ((end = bytes.indexOf(BLANK_LINE, start)) >= 0) {
      const revision = opRevision(bytes, start, end);
      if (revision !== undefined) onOp(revision);
      start = end + 2;
    }
    pending = start < bytes.length ? bytes.subarray(start) : undefined;
  };
}

/**
 * The `id` of the frame in bytes [start, end) when it is a complete `op` event: its last `event`
 * line says `op`, it has a `data` line, and its last `id` is a decimal number. Otherwise undefined.
 */
function opRevision(bytes: Buffer, start: number, end: number): number | undefined {
  let revision: number | undefined;
  let isOp = false;
  let hasData = false;
  for (let line = start; line < end; ) {
    let lineEnd = bytes.indexOf(LF, line);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let value: number;
    if ((value = valueOf(bytes, line, lineEnd, ID)) >= 0) revision = decimal(bytes, value, lineEnd);
    else if ((value = valueOf(bytes, line, lineEnd, EVENT)) >= 0) isOp = lineEnd - value === OP.length && bytes[value] === OP[0] && bytes[value + 1] === OP[1];
    else if (valueOf(bytes, line, lineEnd, DATA) >= 0) hasData = true;
    line = lineEnd + 1;
  }
  return isOp && hasData ? revision : undefined;
}

/** Where the value starts when the line [from, to) is the field `name` ("name: value", "name:value" or "name"); -1 otherwise. */
function valueOf(bytes: Buffer, from: number, to: number, name: Buffer): number {
  if (to - from < name.length) return -1;
  for (let i = 0; i < name.length; i++) if (bytes[from + i] !== name[i]) return -1;
  const after = from + name.length;
  if (after === to) return to;
  if (bytes[after] !== COLON) return -1;
  return bytes[after + 1] === 0x20 && after + 1 < to ? after + 2 : after + 1;
}

/** The decimal number in bytes [from, to); undefined when it is not one. */
function decimal(bytes: Buffer, from: number, to: number): number | undefined {
  if (from >= to || to - from > 15) return undefined;
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = bytes[i]! - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}
