// Generates both Prisma clients: lib/generated/prisma (SQLite) and lib/generated/prisma-postgresql,
// from prisma/schema.prisma and the PostgreSQL schema derived from it. A client embeds its
// provider's query compiler, so one client cannot serve both databases.
// `prisma generate` never runs the schema engine but refuses to start without one, and offline
// it cannot download it. Point it at any existing executable for this step only.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { PROVIDER_LAYOUT } from "./database-url.mjs";
import { writePostgresSchema } from "./prisma-schemas.mjs";

writePostgresSchema();
const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
for (const { schema } of Object.values(PROVIDER_LAYOUT)) {
  const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", schema], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
