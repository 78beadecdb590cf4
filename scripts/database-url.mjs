// The one place that decides which database the app uses: DATABASE_URL, or a SQLite file under ./data/.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/argumap.db";

export function databaseUrl() {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The filesystem path of a `file:` SQLite URL, resolved against the working directory. */
export function sqlitePath(url = databaseUrl()) {
  if (!url.startsWith("file:")) throw new Error(`Only SQLite file: URLs are supported here, got ${url.split(":")[0]}:`);
  const file = url.slice("file:".length).split("?")[0];
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}
