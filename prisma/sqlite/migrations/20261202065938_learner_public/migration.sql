-- Learner has child rows (tokens, enrolments, progress, log): add the column in place,
-- never redefine the table (SQLite would cascade-delete the children).
-- AlterTable
ALTER TABLE "Learner" ADD COLUMN "public" BOOLEAN NOT NULL DEFAULT false;
