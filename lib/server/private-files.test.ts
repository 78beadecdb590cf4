/** A database dump or the key file must not be readable by other users of the machine. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDoc } from "../map/types";
import { createMapFromDoc } from "./maps";
import { secretFile, serverSecret } from "./secret";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  delete process.env.ARGUMAP_SECRET;
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("private files", () => {
  it("the SQLite database and the files SQLite adds beside it are 0600", async () => {
    await createMapFromDoc(emptyDoc({ title: "Private" }), "http://test");
    const file = database.url.slice("file:".length);
    expect(modeOf(file)).toBe(0o600);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(modeOf(`${file}-wal`)).toBe(0o600);
  });

  it("the generated key file is 0600, and one found with looser permissions is made 0600", () => {
    serverSecret();
    expect(modeOf(secretFile())).toBe(0o600);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-key-"));
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${path.join(dir, "other.db")}`;
    try {
      fs.writeFileSync(secretFile(), "a".repeat(43), { mode: 0o644 });
      fs.chmodSync(secretFile(), 0o644);
      serverSecret();
      expect(modeOf(secretFile())).toBe(0o600);
    } finally {
      process.env.DATABASE_URL = url;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a key file with no usable secret (one being written, or emptied) is refused, naming it; none is left half-made", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-key-"));
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${path.join(dir, "fresh.db")}`;
    try {
      const made = serverSecret();
      expect(made.length).toBeGreaterThanOrEqual(32);
      // Only the key file: the draft it was written under is gone.
      expect(fs.readdirSync(dir)).toEqual(["argumap-secret.key"]);
      process.env.DATABASE_URL = `file:${path.join(dir, "sub", "other.db")}`;
      fs.mkdirSync(path.join(dir, "sub"));
      fs.writeFileSync(secretFile(), "", { mode: 0o600 });
      expect(() => serverSecret()).toThrow(`The key file ${secretFile()} holds no usable secret`);
    } finally {
      process.env.DATABASE_URL = url;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
