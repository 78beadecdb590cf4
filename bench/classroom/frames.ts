/**
 * A Server-Sent Events reader for the classroom bench that reports every named event with its
 * data (the sync bench's reader only counts `op` frames). The same code reads Argumap and the
 * baseline, so both pay the same client cost; a step change is one small frame per listener.
 */
import http from "node:http";
import { StringDecoder } from "node:string_decoder";

export interface EventListener {
  ready: Promise<void>;
  close(): void;
}

/** Calls `onFrame` with each complete frame's event name, data and id (comments and `retry` skipped). */
export function frameReader(onFrame: (event: string, data: string, id: string | null) => void): (chunk: Buffer) => void {
  let pending = "";
  // A character split between two chunks is held back until its last byte arrives.
  const decoder = new StringDecoder("utf8");
  return (chunk) => {
    pending += decoder.write(chunk);
    // A lone CR at the end may be the first half of CR LF: normalise line ends only up to it.
    pending = pending.replace(/\r\n|\r(?!$)/g, "\n");
    let end: number;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      const frame = pending.slice(0, end);
      pending = pending.slice(end + 2);
      let event = "message";
      let id: string | null = null;
      const data: string[] = [];
      for (const line of frame.split("\n")) {
        if (line === "" || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") event = value;
        else if (field === "data") data.push(value);
        else if (field === "id") id = value;
      }
      if (data.length > 0) onFrame(event, data.join("\n"), id);
    }
  };
}

export function openEventListener(port: number, path: string, onFrame: (event: string, data: string, id: string | null) => void, timeoutMs = 20_000): EventListener {
  let request: http.ClientRequest | undefined;
  let closed = false;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`SSE ${path}: no response in ${timeoutMs} ms`)), timeoutMs);
    request = http.get({ host: "127.0.0.1", port, path, agent: false, headers: { accept: "text/event-stream" } }, (response) => {
      clearTimeout(timer);
      if (response.statusCode !== 200) {
        response.resume();
        return reject(new Error(`SSE ${path}: HTTP ${response.statusCode}`));
      }
      response.on("data", frameReader(onFrame));
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
