-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "quotePrefix" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "quoteSuffix" TEXT NOT NULL DEFAULT '';
