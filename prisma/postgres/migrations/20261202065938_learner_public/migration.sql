-- AlterTable
ALTER TABLE "Learner" ADD COLUMN     "public" BOOLEAN NOT NULL DEFAULT false;

