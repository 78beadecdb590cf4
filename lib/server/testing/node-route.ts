/**
 * Calls a Node API route (pages/api) over real HTTP on a loopback port, as Next.js would: the
 * path's parameters and the URL's query arrive in `request.query`. Returns fetch's Response, so
 * tests read statuses, JSON and event streams the way a browser would.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { NodeHandler, NodeRequest } from "../node-http";

interface Mounted {
  handler: NodeHandler;
  params: Record<string, string>;
}

const mounted = new Map<string, Mounted>();
let server: Promise<http.Server> | undefined;
let nextId = 0;

function listening(): Promise<http.Server> {
  server ??= new Promise((resolve) => {
    const created = http.createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const route = mounted.get(url.pathname.split("/")[1] ?? "");
      if (!route) return void response.writeHead(404).end();
      (request as NodeRequest).query = { ...Object.fromEntries(url.searchParams), ...route.params };
      void route.handler(request as NodeRequest, response);
    });
    created.listen(0, "127.0.0.1", () => resolve(created.unref()));
  });
  return server;
}

export interface NodeCall {
  method?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  signal?: AbortSignal;
}

export async function callNodeRoute(handler: NodeHandler, { method = "GET", params = {}, query = {}, headers = {}, body, signal }: NodeCall = {}): Promise<Response> {
  const port = ((await listening()).address() as AddressInfo).port;
  const id = `r${nextId++}`;
  mounted.set(id, { handler, params });
  const search = new URLSearchParams(query).toString();
  try {
    // A stream is sent as it comes (chunked, no Content-Length): fetch needs `duplex` for it.
    const init = { method, headers, body, signal, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit;
    return await fetch(`http://127.0.0.1:${port}/${id}${search ? `?${search}` : ""}`, init);
  } finally {
    // Only dispatch needs the entry: a stream that stays open keeps its own handler.
    mounted.delete(id);
  }
}

/** A JSON POST. */
export const postJson = (handler: NodeHandler, params: Record<string, string>, body: unknown) =>
  callNodeRoute(handler, { method: "POST", params, headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
