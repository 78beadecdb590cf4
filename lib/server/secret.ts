/**
 * The server secret that link tokens are derived from. It lives outside the database (env
 * ARGUMAP_SECRET, or a file generated on first start beside the SQLite file), so a database dump
 * alone yields no working link. Losing it invalidates every link; keep it with your backups.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseUrl, sqlitePath } from "../../scripts/database-url.mjs";

const cache = new Map<string, Buffer>();

export function secretFile(): string {
  const url = databaseUrl();
  const dir = url.startsWith("file:") ? path.dirname(sqlitePath(url)) : path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data");
  return path.join(dir, "argumap-secret.key");
}

export function serverSecret(): Buffer {
  const fromEnv = process.env.ARGUMAP_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("ARGUMAP_SECRET must be at least 32 characters.");
    return Buffer.from(fromEnv, "utf8");
  }
  const file = secretFile();
  const known = cache.get(file);
  if (known) return known;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: two processes starting at once must not both write a different secret.
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // One written before (perhaps by an older version, or copied in): only its owner may read it.
    fs.chmodSync(file, 0o600);
  }
  const secret = Buffer.from(fs.readFileSync(file, "utf8").trim(), "utf8");
  cache.set(file, secret);
  return secret;
}
