/** The few things every route handler does: read a bounded JSON body, know its origin, map errors. */
import type { z } from "zod";
import { LIMITS } from "../map/limits";
import { describeZodError } from "../map/ops";
import { AppError, errorResponse } from "./errors";
import { siteOrigin } from "./forwarded";
import { requireSameOrigin } from "./same-origin";

export type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a handler so any thrown error becomes `{error:{code,message}}` with the right status, and
 * a state-changing request from another site's page is refused (same-origin.ts).
 */
export function route<P>(handler: (request: Request, params: P) => Promise<Response>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      requireSameOrigin(request.method, request.headers);
      return await handler(request, await context.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads at most `limit` bytes of JSON and validates it; never trusts Content-Length alone. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, limit: number = LIMITS.requestBody): Promise<z.output<S>> {
  return parseJsonText(await readText(request, limit), schema);
}

/** Parses a request body's text as JSON and validates it: 400 for bad JSON or shape, 413 for too much. */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const { tooLarge, message } = describeZodError(result.error);
    throw new AppError(tooLarge ? "too_large" : "invalid_input", message);
  }
  return result.data;
}

export const bodyTooLarge = (limit: number) => new AppError("too_large", `The request body is over ${limit} bytes.`);

/** Reads at most `limit` bytes of the body as UTF-8 text, refusing a larger declared length at once. */
export async function readText(request: Request, limit: number = LIMITS.requestBody): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw bodyTooLarge(limit);
  return readBounded(request, limit);
}

export async function readBounded(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The origin users reached us at, for full link URLs. */
export function originOf(request: Request): string {
  return siteOrigin(request.headers);
}

/**
 * The other methods of an App Router route: 405 with `Allow` and the JSON error body (Next's own
 * 405 has no body). `export const { POST, PUT, PATCH, DELETE } = otherMethods("GET")`.
 */
export function otherMethods(allow: string) {
  const refuse = async () => errorResponse(new AppError("method_not_allowed", `Use ${allow} here.`, { Allow: allow }));
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
