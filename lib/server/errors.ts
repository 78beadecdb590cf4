/** The one error type of the HTTP boundary, and the one function that turns it into a response. */

export type ErrorCode =
  | "invalid_input"
  | "invalid_op"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "too_complex"
  | "method_not_allowed"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_op: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_complex: 422,
  method_not_allowed: 405,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

/** Unknown, malformed and revoked tokens all get this same answer. */
export const mapNotFound = () => new AppError("not_found", "No map at this link. It may have been revoked.");

/** What an error becomes on the wire: status, headers and the `{error:{code,message}}` body. */
export function errorAnswer(error: unknown): { status: number; headers: Record<string, string>; body: { error: { code: ErrorCode; message: string } } } {
  if (error instanceof AppError) return { status: error.status, headers: error.headers, body: { error: { code: error.code, message: error.message } } };
  console.error(error);
  return { status: 500, headers: {}, body: { error: { code: "internal", message: "Something went wrong on the server." } } };
}

export function errorResponse(error: unknown): Response {
  const { status, headers, body } = errorAnswer(error);
  return Response.json(body, { status, headers });
}
