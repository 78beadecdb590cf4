/**
 * Capability tokens: HMAC-SHA256(server secret, per-link random nonce), 256 bits, base64url.
 * The database keeps the nonce and the token's SHA-256 (for lookup), never the token; without
 * the secret, neither gives a working link. Lookup is by hash, so no secret is compared byte by byte.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Role } from "../map/types";
import { serverSecret } from "./secret";

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newNonce(): string {
  return randomBytes(24).toString("base64url");
}

export function tokenFor(nonce: string): string {
  return createHmac("sha256", serverSecret()).update(nonce).digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export const ROLES: readonly Role[] = ["owner", "edit", "view"];

export function canWrite(role: Role): boolean {
  return role === "owner" || role === "edit";
}
