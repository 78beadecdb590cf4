/** The one error type of the HTTP boundary, and the one function that turns it into a response. */

export type ErrorCode =
  | "invalid_input"
  | "invalid_op"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_op: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
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

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers: error.headers });
  }
  console.error(error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on the server." } }, { status: 500 });
}
