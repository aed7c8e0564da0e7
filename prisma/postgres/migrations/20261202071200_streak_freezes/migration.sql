-- AlterTable
ALTER TABLE "Challenge" ADD COLUMN     "freezeEveryCountedDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "maxFreezesBanked" INTEGER NOT NULL DEFAULT 0;

