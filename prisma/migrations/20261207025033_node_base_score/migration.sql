-- AlterTable
ALTER TABLE "Node" ADD COLUMN "baseScore" REAL;
