// Starts the production server for e2e tests on a fresh SQLite file (migrated, demo seeded on start).
// Usage: node scripts/serve-e2e.mjs <port> [database-file]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { deployMigrations } from "./migrate.mjs";

const port = process.argv[2] ?? "3210";
const file = process.argv[3] ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "argumap-e2e-")), "e2e.db");
const url = `file:${file}`;
await deployMigrations(url);
const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [next, "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
