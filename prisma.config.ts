import { defineConfig } from "prisma/config";
import { databaseUrl } from "./scripts/database-url.mjs";

// `prisma migrate deploy` keeps working where Prisma's engine can be downloaded;
// offline we apply the same migrations with scripts/migrate.mjs.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: databaseUrl() },
});
