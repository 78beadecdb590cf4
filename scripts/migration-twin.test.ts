import { describe, expect, it } from "vitest";
import { dataStatements } from "./migration-twin.mjs";

describe("dataStatements: what a twin copies from a SQLite migration besides the schema change", () => {
  it("keeps a hand-written backfill and leaves out SQLite's table rebuilds and the DDL", () => {
    const sql = [
      "-- CreateTable",
      'CREATE TABLE "Backfill" ("mapId" TEXT NOT NULL PRIMARY KEY);',
      "-- RedefineTables",
      "PRAGMA foreign_keys=OFF;",
      'CREATE TABLE "new_Map" ("id" TEXT NOT NULL PRIMARY KEY, "title" TEXT NOT NULL);',
      'INSERT INTO "new_Map" ("id", "title") SELECT "id", "title" FROM "Map";',
      'DROP TABLE "Map";',
      'ALTER TABLE "new_Map" RENAME TO "Map";',
      "PRAGMA foreign_keys=ON;",
      "-- Every existing map needs its history written once",
      'INSERT INTO "Backfill" ("mapId")',
      '  SELECT "id" FROM "Map";',
      "update \"Node\" set \"quote\" = '' where \"quote\" is null;",
    ].join("\n");
    expect(dataStatements(sql)).toEqual(['INSERT INTO "Backfill" ("mapId")\n  SELECT "id" FROM "Map";', "update \"Node\" set \"quote\" = '' where \"quote\" is null;"]);
  });

  it("finds nothing in a migration that only changes the schema", () => {
    expect(dataStatements('-- AlterTable\nALTER TABLE "Node" ADD COLUMN "baseScore" REAL;\n')).toEqual([]);
  });
});
