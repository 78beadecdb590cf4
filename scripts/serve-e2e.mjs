// Starts the production server for e2e tests on a fresh SQLite file (migrated, demo seeded on start).
// Usage: node scripts/serve-e2e.mjs <port> [database-file]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deployMigrations } from "./migrate.mjs";
import { startNext } from "./next-start.mjs";

const port = process.argv[2] ?? "3210";
const file = process.argv[3] ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "argumap-e2e-")), "e2e.db");
const url = `file:${file}`;
await deployMigrations(url);
// Started as users start it (scripts/next-start.mjs), so tests and benches measure that server.
startNext(["-p", port, "-H", "127.0.0.1"], { ...process.env, DATABASE_URL: url, PORT: port });
