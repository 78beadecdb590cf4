import { defineConfig } from "vitest/config";

const shared = {
  environment: "node",
  pool: "forks",
  testTimeout: 20_000,
} as const;

/**
 * Two projects: everything on SQLite (the default database), and the suites that touch the
 * database (data layer, routes and authorization, sync and convergence, the cluster) again on
 * PostgreSQL, each test file on a database of its own (lib/server/testing/temp-database.ts).
 */
export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: "sqlite",
          include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["**/*.postgresql.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "postgresql",
          include: ["lib/server/**/*.test.ts", "lib/sync/**/*.test.ts", "lib/**/*.postgresql.test.ts", "prisma/**/*.postgresql.test.ts"],
          // Suites about SQLite's own files (their permissions), which a PostgreSQL server keeps itself.
          exclude: ["**/node_modules/**", "lib/server/private-files.test.ts"],
          env: { ARGUMAP_TEST_DATABASE: "postgresql" },
          globalSetup: ["lib/server/testing/postgres-global-setup.ts"],
        },
      },
    ],
  },
});
