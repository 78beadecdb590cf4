/**
 * A tiny Server-Sent Events reader over node:http, the same code for the baseline and for Argumap,
 * so both pay the same client cost. It splits the stream into frames (a blank line ends one) and
 * hands each frame's `id`, `event` and `data` to the caller; comments (`: keep-alive`) and `retry`
 * are skipped. Loopback only: the benches never leave this machine.
 */
import http from "node:http";

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

export interface SseListener {
  /** Resolves once the response headers arrived (the server has subscribed this listener). */
  ready: Promise<void>;
  close(): void;
}

export interface SseOptions {
  port: number;
  path: string;
  onEvent: (event: SseEvent) => void;
  /** Gives up on the headers after this long. */
  timeoutMs?: number;
}

export function openSseListener({ port, path, onEvent, timeoutMs = 15_000 }: SseOptions): SseListener {
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
      response.setEncoding("utf8");
      const parse = frameParser(onEvent);
      response.on("data", parse);
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

/** Returns a function that takes text chunks in any split and calls `onEvent` per complete frame. */
export function frameParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let pending = "";
  return (chunk) => {
    pending += chunk.includes("\r") ? chunk.replace(/\r\n?/g, "\n") : chunk;
    let end: number;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      const frame = pending.slice(0, end);
      pending = pending.slice(end + 2);
      const event = parseFrame(frame);
      if (event) onEvent(event);
    }
  };
}

function parseFrame(frame: string): SseEvent | undefined {
  let id: string | undefined;
  let event = "message";
  const data: string[] = [];
  let hasData = false;
  for (const line of frame.split("\n")) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "id") id = value;
    else if (field === "event") event = value;
    else if (field === "data") {
      data.push(value);
      hasData = true;
    }
  }
  return hasData ? { id, event, data: data.join("\n") } : undefined;
}
