-- CreateTable
CREATE TABLE "NodeVersion" (
    "mapId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "change" TEXT NOT NULL,
    "node" TEXT NOT NULL,
    "links" TEXT,

    PRIMARY KEY ("mapId", "nodeId", "revision"),
    CONSTRAINT "NodeVersion_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "Map" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NodeHistoryBackfill" (
    "mapId" TEXT NOT NULL PRIMARY KEY
);

-- CreateIndex
CREATE INDEX "NodeVersion_mapId_change_revision_idx" ON "NodeVersion"("mapId", "change", "revision");

-- Maps logged before node history existed get their versions from a replay of their log.
INSERT INTO "NodeHistoryBackfill" ("mapId") SELECT "id" FROM "Map";
