-- AlterTable
ALTER TABLE "Day" ADD COLUMN     "html" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "DayItem" ADD COLUMN     "markdown" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ToolVersion" ADD COLUMN     "markdown" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "qualifier" TEXT,
ALTER COLUMN "version" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "html" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "data" BYTEA,
ADD COLUMN     "height" INTEGER,
ADD COLUMN     "sha256" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "width" INTEGER;

-- AlterTable
ALTER TABLE "DayLink" ADD COLUMN     "section" TEXT,
ADD COLUMN     "text" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ChallengeFile" (
    "id" SERIAL NOT NULL,
    "challengeId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "data" BYTEA,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,

    CONSTRAINT "ChallengeFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeFile_challengeId_path_key" ON "ChallengeFile"("challengeId", "path");

-- AddForeignKey
ALTER TABLE "ChallengeFile" ADD CONSTRAINT "ChallengeFile_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

