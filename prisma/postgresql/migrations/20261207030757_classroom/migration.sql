-- AlterTable
ALTER TABLE "Map" ADD COLUMN     "editorsMayLead" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "JoinCode" (
    "id" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "JoinCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PresentationSession" (
    "id" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "leaderName" TEXT NOT NULL DEFAULT '',
    "steps" TEXT NOT NULL DEFAULT '{}',
    "revealed" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "PresentationSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reaction" (
    "sessionId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "voterId" TEXT NOT NULL,
    "vote" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reaction_pkey" PRIMARY KEY ("sessionId","step","voterId")
);

-- CreateTable
CREATE TABLE "RaisedHand" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "voterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "question" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "RaisedHand_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "JoinCode_codeHash_key" ON "JoinCode"("codeHash");

-- CreateIndex
CREATE INDEX "JoinCode_mapId_expiresAt_idx" ON "JoinCode"("mapId", "expiresAt");

-- CreateIndex
CREATE INDEX "PresentationSession_mapId_startedAt_idx" ON "PresentationSession"("mapId", "startedAt");

-- CreateIndex
CREATE INDEX "RaisedHand_sessionId_closedAt_idx" ON "RaisedHand"("sessionId", "closedAt");

-- AddForeignKey
ALTER TABLE "JoinCode" ADD CONSTRAINT "JoinCode_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "MapLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinCode" ADD CONSTRAINT "JoinCode_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "Map"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PresentationSession" ADD CONSTRAINT "PresentationSession_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "Map"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "PresentationSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RaisedHand" ADD CONSTRAINT "RaisedHand_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "PresentationSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
