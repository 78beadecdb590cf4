-- AlterTable
ALTER TABLE "Map" ADD COLUMN     "dialogue" TEXT;
