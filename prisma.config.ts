import { defineConfig } from "prisma/config";
import { databaseUrl, PROVIDER_LAYOUT, providerOf } from "./scripts/database-url.mjs";

// `prisma migrate deploy` keeps working where Prisma's engine can be downloaded, on the schema and
// migrations of DATABASE_URL's provider; offline we apply the same migrations with scripts/migrate.mjs.
const url = databaseUrl();
const layout = PROVIDER_LAYOUT[providerOf(url)];

export default defineConfig({
  schema: layout.schema,
  migrations: { path: layout.migrations },
  datasource: { url },
});
