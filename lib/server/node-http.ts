/**
 * The live routes (ops, events, presence) are Next.js API routes (`pages/api`), which hand over
 * Node's own request and response. The App Router builds a web Request for every call and pipes
 * every Response, event streams included, through web streams; for the routes hit on every
 * keystroke and drag, and for 50 streams per op, that was a third of the op round trip
 * (bench/sync.bench.ts). Errors, limits and validation are the same as in `route()`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { LIMITS } from "../map/limits";
import { AppError, errorAnswer } from "./errors";
import type { EventSink } from "./events";
import { clientAddress, nodeHeaders, siteOrigin } from "./forwarded";
import { bodyTooLarge, parseJsonText } from "./http";
import { requireSameOrigin } from "./same-origin";

/** A request as Next.js hands it to an API route: `query` holds the path's and the URL's parameters. */
export interface NodeRequest extends IncomingMessage {
  query: Partial<Record<string, string | string[]>>;
}
export type NodeHandler = (request: NodeRequest, response: ServerResponse) => Promise<void>;
type Method = "GET" | "POST" | "DELETE";

/**
 * Dispatches on the method (405 with `Allow` otherwise), refuses state-changing requests from
 * other sites' pages (same-origin.ts), and turns any thrown error into `{error}` JSON.
 */
export function nodeRoute(handlers: Partial<Record<Method, NodeHandler>>): NodeHandler {
  const allow = Object.keys(handlers).join(", ");
  return async (request, response) => {
    try {
      const handler = handlers[request.method as Method];
      if (!handler) throw new AppError("method_not_allowed", `Use ${allow} here.`, { Allow: allow });
      requireSameOrigin(request.method, nodeHeaders(request.headers));
      await handler(request, response);
    } catch (error) {
      const { status, headers, body } = errorAnswer(error);
      if (response.headersSent) return void response.destroy();
      sendJson(response, status, body, headers);
    }
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** A path or query parameter as one string ("" when absent). */
export function param(request: NodeRequest, name: string): string {
  const value = request.query[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** The client's address (the socket's peer, or what trusted proxies say: forwarded.ts), for per-client limits. */
export function clientOf(request: IncomingMessage): string {
  return clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"]);
}

/** Where the user reached us, for full link URLs. */
export function originOf(request: IncomingMessage): string {
  return siteOrigin(nodeHeaders(request.headers));
}

/** Reads at most `limit` bytes of the body as UTF-8 text; never trusts Content-Length alone. */
export async function readBodyText(request: IncomingMessage, limit: number = LIMITS.requestBody): Promise<string> {
  if (Number(request.headers["content-length"] ?? 0) > limit) throw bodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw bodyTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads at most `limit` bytes of JSON and validates it. */
export async function readJsonBody<S extends z.ZodType>(request: IncomingMessage, schema: S, limit: number = LIMITS.requestBody): Promise<z.output<S>> {
  return parseJsonText(await readBodyText(request, limit), schema);
}

/** Starts a Server-Sent Events response and returns it as a sink for lib/server/events. */
export function eventStreamSink(response: ServerResponse): EventSink {
  response.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    // no-transform also keeps Next's gzip from holding frames back.
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  response.flushHeaders();
  return {
    write(bytes) {
      if (response.destroyed) return false;
      response.write(bytes);
      return true;
    },
    buffered: () => response.writableLength,
    drained: () =>
      new Promise((resolve) => {
        if (!response.writableNeedDrain || response.destroyed) return resolve();
        const done = () => {
          response.off("drain", done);
          response.off("close", done);
          resolve();
        };
        response.on("drain", done);
        response.on("close", done);
      }),
    end: () => response.end(),
    onClose: (listener) => void response.once("close", listener),
  };
}
