-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "baseScore" DOUBLE PRECISION;
