-- AlterTable
ALTER TABLE "Map" ADD COLUMN     "presentation" TEXT;
