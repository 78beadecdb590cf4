/** A fresh, migrated SQLite file for one test file: real Prisma, real better-sqlite3, no mocks. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deployMigrations } from "../../../scripts/migrate.mjs";
import { closeDb } from "../db";

export async function useTempDatabase(): Promise<{ url: string; dispose: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  await closeDb();
  process.env.DATABASE_URL = url;
  await deployMigrations(url);
  return {
    url,
    dispose: async () => {
      await closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
