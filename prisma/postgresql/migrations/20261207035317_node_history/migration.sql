-- CreateTable
CREATE TABLE "NodeVersion" (
    "mapId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "change" TEXT NOT NULL,
    "node" TEXT NOT NULL,
    "links" TEXT,

    CONSTRAINT "NodeVersion_pkey" PRIMARY KEY ("mapId","nodeId","revision")
);

-- CreateTable
CREATE TABLE "NodeHistoryBackfill" (
    "mapId" TEXT NOT NULL,

    CONSTRAINT "NodeHistoryBackfill_pkey" PRIMARY KEY ("mapId")
);

-- CreateIndex
CREATE INDEX "NodeVersion_mapId_change_revision_idx" ON "NodeVersion"("mapId", "change", "revision");

-- AddForeignKey
ALTER TABLE "NodeVersion" ADD CONSTRAINT "NodeVersion_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "Map"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data, copied from the SQLite migration (check it reads the same on PostgreSQL)
INSERT INTO "NodeHistoryBackfill" ("mapId") SELECT "id" FROM "Map";
