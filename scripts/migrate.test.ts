/**
 * A rolling restart on SQLite: a second server starts on a file another server has open. With
 * nothing to migrate it must start (it only reads the migration table); with migrations pending
 * it cannot (Prisma's schema engine wants the file to itself) and must say so in words a person
 * can act on, instead of the engine's WebAssembly error alone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { deployMigrations, pendingMigrations } from "./migrate.mjs";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A database file, and another "server" holding it open with a write transaction in progress. */
function fileHeldByAnotherServer(file: string) {
  const other = new Database(file);
  other.pragma("journal_mode = WAL");
  other.exec("CREATE TABLE IF NOT EXISTS other_server (x INTEGER)");
  other.exec("BEGIN IMMEDIATE");
  other.exec("INSERT INTO other_server VALUES (1)");
  cleanups.push(() => {
    if (other.inTransaction) other.exec("ROLLBACK");
    other.close();
  });
}

function tempFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-migrate-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, "argumap.db");
}

describe("deployMigrations on a SQLite file another server has open", () => {
  it("with nothing pending, starts at once beside a server that is writing", async () => {
    const file = tempFile();
    expect((await deployMigrations(`file:${file}`)).length).toBeGreaterThan(0);
    fileHeldByAnotherServer(file);
    expect(await deployMigrations(`file:${file}`)).toEqual([]);
  });

  it("with migrations pending, refuses with a sentence naming the file, the migrations and what to do", async () => {
    const file = tempFile();
    fileHeldByAnotherServer(file);
    const pending = await pendingMigrations(`file:${file}`);
    expect(pending.length).toBeGreaterThan(0);
    const refusal = await deployMigrations(`file:${file}`).then(() => null, (error: Error) => error.message);
    expect(refusal).toContain(`Cannot apply the migrations ${pending.join(", ")} to ${file}: another process`);
    expect(refusal).toContain("Stop it, start this server again (it applies them), then start the others.");
    // Nothing was half-applied: the same migrations are still pending.
    expect(await pendingMigrations(`file:${file}`)).toEqual(pending);
  });
});
