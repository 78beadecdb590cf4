/** A small HTTP client for the abuse bench: one request, its status, its time, never a thrown error. */
import http from "node:http";

export interface Answer {
  status: number;
  /** Wall time from sending to the end of the body, in ms. */
  ms: number;
  bytes: number;
  /** 0 status: no answer (timeout, reset); the reason. */
  error?: string;
}

export interface RequestOptions {
  port: number;
  path: string;
  method?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  agent?: http.Agent;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function send({ port, path, method = "GET", body, headers = {}, agent, timeoutMs = 30_000, signal }: RequestOptions): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: Omit<Answer, "ms">) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, ms: performance.now() - started });
    };
    const request = http.request(
      { host: "127.0.0.1", port, path, method, agent: agent ?? false, timeout: timeoutMs, signal, headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.byteLength));
        response.on("end", () => done({ status: response.statusCode ?? 0, bytes }));
        response.on("error", (error) => done({ status: 0, bytes, error: error.message }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    request.on("error", (error) => done({ status: 0, bytes: 0, error: error.message }));
    request.end(body);
  });
}
