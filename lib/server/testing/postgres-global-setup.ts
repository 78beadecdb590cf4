/**
 * Vitest's global setup for the `postgresql` project: a server to test on (ARGUMAP_TEST_POSTGRES_URL,
 * as CI passes it, or a throwaway cluster started here when PostgreSQL is installed), and a
 * template database with the migrations applied once, which every test file copies (fast).
 */
import type { TestProject } from "vitest/node";
import { deployMigrations } from "../../../scripts/migrate.mjs";
import { createDatabase, dropDatabase } from "../../../scripts/postgres-databases.mjs";
import { startThrowawayPostgres } from "../../../scripts/throwaway-postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  let url = process.env.ARGUMAP_TEST_POSTGRES_URL;
  const cluster = url ? undefined : await startThrowawayPostgres({ durable: false });
  url ??= cluster!.url;
  try {
    const template = await createDatabase(url, { prefix: "argumap_template" });
    await deployMigrations(template.url);
    project.provide("postgresUrl", url);
    project.provide("postgresTemplate", template.name);
    return async () => {
      await dropDatabase(url, template.name);
      cluster?.stop();
    };
  } catch (error) {
    cluster?.stop();
    throw error;
  }
}
