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
  // Written whole under a name of its own, then linked into place (which fails if the file exists):
  // instances starting at once on one machine (npm run start:cluster) agree on one secret, and none
  // reads a file another is still writing.
  const draft = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
  fs.writeFileSync(draft, randomBytes(32).toString("base64url"), { mode: 0o600 });
  try {
    fs.linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // One written before (perhaps by an older version, or copied in): only its owner may read it.
    fs.chmodSync(file, 0o600);
  } finally {
    fs.rmSync(draft, { force: true });
  }
  const text = fs.readFileSync(file, "utf8").trim();
  if (text.length < 32) throw new Error(`The key file ${file} holds no usable secret (fewer than 32 characters): restore it from a backup, or delete it to have a new one made (every link then changes).`);
  const secret = Buffer.from(text, "utf8");
  cache.set(file, secret);
  return secret;
}
