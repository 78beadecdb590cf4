/**
 * Join codes: the short code a room types (or scans) to join a map. Six characters from an
 * alphabet without look-alikes (Crockford's base 32 without 0 and 1: no O/0, I/L/1, U/V), so a code read off a projector is typed
 * right; shown as two groups of three ("K7M-P2Q"). How long a code lives and how guessing it is
 * kept out of reach is the server's business (lib/server/join-codes.ts).
 */
import { z } from "zod";

export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const JOIN_CODE_LENGTH = 6;
/** How long an owner may keep a code open: from a minute to a school day and a half. */
export const JOIN_CODE_MINUTES = { min: 1, max: 24 * 60, default: 60 } as const;
/** Live codes one map may have at once. */
export const JOIN_CODES_PER_MAP = 20;

/** The code as stored and compared: upper case, no spaces or dashes; null when it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const character of code) if (!JOIN_CODE_ALPHABET.includes(character)) return null;
  return code;
}

/** "K7MP2Q" → "K7M-P2Q": easier to read aloud and to copy from a screen. */
export function formatJoinCode(code: string): string {
  return code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

/** Six alphabet characters from random bytes (rejection sampling, so every code is equally likely). */
export function joinCodeFromBytes(bytes: Uint8Array): string | null {
  const size = JOIN_CODE_ALPHABET.length;
  // The largest multiple of the alphabet's size below 256: bytes at or above it would favour some letters.
  const limit = 256 - (256 % size);
  let code = "";
  for (const byte of bytes) {
    if (byte >= limit) continue;
    code += JOIN_CODE_ALPHABET[byte % size];
    if (code.length === JOIN_CODE_LENGTH) return code;
  }
  return null;
}

export const joinCodeRequestSchema = z.object({
  role: z.enum(["view", "edit"], 'role must be "view" or "edit"'),
  minutes: z
    .number()
    .int("minutes must be a whole number")
    .min(JOIN_CODE_MINUTES.min, `a code lives at least ${JOIN_CODE_MINUTES.min} minute`)
    // A refinement, not .max(): a time out of range is invalid input (400), not a body too large (413).
    .refine((minutes) => minutes <= JOIN_CODE_MINUTES.max, `a code lives at most ${JOIN_CODE_MINUTES.max} minutes (24 hours)`)
    .default(JOIN_CODE_MINUTES.default),
});

export const joinRequestSchema = z.object({ code: z.string().max(40, "that is not a join code") });

export interface JoinCodeView {
  code: string;
  role: "view" | "edit";
  expiresAt: string;
  url: string;
}
