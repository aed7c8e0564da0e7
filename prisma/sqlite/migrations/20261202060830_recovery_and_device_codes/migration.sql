-- AlterTable
ALTER TABLE "Learner" ADD COLUMN "recoveryCodeHash" TEXT;

-- CreateTable
CREATE TABLE "DeviceCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeviceCode_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DeviceCode_codeHash_key" ON "DeviceCode"("codeHash");

-- CreateIndex
CREATE INDEX "DeviceCode_learnerId_idx" ON "DeviceCode"("learnerId");

