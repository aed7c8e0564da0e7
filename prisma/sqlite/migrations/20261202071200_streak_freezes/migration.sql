-- Streak freezes on Challenge. Hand-written: Prisma's diff redefines the table
-- (CREATE new_Challenge / DROP TABLE Challenge), which would cascade-delete its days.
ALTER TABLE "Challenge" ADD COLUMN "freezeEveryCountedDays" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Challenge" ADD COLUMN "maxFreezesBanked" INTEGER NOT NULL DEFAULT 0;
