/**
 * Client-generated ids, so a node can be drawn before the server has seen it.
 * 16 characters of base64url carry 96 random bits: collisions within a map are out of reach.
 * (Share-link tokens are not made here; they need 128 bits and live on the server.)
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const RANDOM_LENGTH = 16;

/** A fresh id such as "hV3k_9aQzL0pX2mE", or "node_hV3k_9aQzL0pX2mE" with a prefix. */
export function newId(prefix?: string): string {
  if (prefix !== undefined && !/^[A-Za-z0-9]{1,16}$/.test(prefix)) {
    throw new Error(`id prefixes are 1 to 16 letters or digits, not ${JSON.stringify(prefix)}`);
  }
  // globalThis.crypto exists in browsers, workers and Node 20 alike.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(RANDOM_LENGTH));
  let random = "";
  // 256 is a multiple of 64, so taking the low six bits keeps every character equally likely.
  for (const byte of bytes) random += ALPHABET[byte & 63];
  return prefix ? `${prefix}_${random}` : random;
}
