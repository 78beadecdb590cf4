/**
 * Capability tokens: 256 random bits, base64url. Only their SHA-256 is stored, so a database dump
 * yields no working link; lookup is by hash, so no secret is ever compared byte by byte.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "../map/types";

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString("base64url");
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
