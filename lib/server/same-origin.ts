/**
 * State-changing requests must come from our own pages or from a client that is not a browser.
 * Browsers send `Origin` with every cross-origin request and every POST (and `Sec-Fetch-Site`),
 * so a page on another site that posts to us is refused here; curl, scripts and the tests send
 * neither header and are let through (they hold the link, which is the real authorization).
 */
import { AppError } from "./errors";
import { siteOrigin } from "./forwarded";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function requireSameOrigin(method: string | undefined, headers: { get(name: string): string | null }): void {
  if (SAFE_METHODS.has((method ?? "GET").toUpperCase())) return;
  const origin = headers.get("origin");
  if (origin === null) {
    if (headers.get("sec-fetch-site") === "cross-site") throw crossOrigin();
    return;
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw crossOrigin(); // "null" (a sandboxed frame, a file) and anything unreadable
  }
  const ours = new Set([new URL(siteOrigin(headers)).host, headers.get("host")]);
  if (!ours.has(host)) throw crossOrigin();
}

const crossOrigin = () => new AppError("forbidden", "This request came from another site's page; it is accepted only from this site (or from a client that sends no Origin header).");
