-- CreateTable
CREATE TABLE "ChallengeFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "challengeId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "data" BLOB,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    CONSTRAINT "ChallengeFile_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Day only gains a column: redefining it would cascade-delete its children.
ALTER TABLE "Day" ADD COLUMN "html" TEXT NOT NULL DEFAULT '';

-- RedefineTables (none of these has child rows)
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DayItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dayId" INTEGER NOT NULL,
    "list" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "markdown" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "DayItem_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DayItem" ("dayId", "id", "list", "position", "text") SELECT "dayId", "id", "list", "position", "text" FROM "DayItem";
DROP TABLE "DayItem";
ALTER TABLE "new_DayItem" RENAME TO "DayItem";
CREATE UNIQUE INDEX "DayItem_dayId_list_position_key" ON "DayItem"("dayId", "list", "position");
CREATE TABLE "new_ToolVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dayId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "tool" TEXT NOT NULL,
    "version" TEXT,
    "qualifier" TEXT,
    "raw" TEXT NOT NULL,
    "markdown" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ToolVersion_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ToolVersion" ("dayId", "id", "position", "raw", "tool", "version") SELECT "dayId", "id", "position", "raw", "tool", "version" FROM "ToolVersion";
DROP TABLE "ToolVersion";
ALTER TABLE "new_ToolVersion" RENAME TO "ToolVersion";
CREATE UNIQUE INDEX "ToolVersion_dayId_position_key" ON "ToolVersion"("dayId", "position");
CREATE TABLE "new_Section" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dayId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "html" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Section_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Section" ("anchor", "dayId", "depth", "heading", "id", "markdown", "position") SELECT "anchor", "dayId", "depth", "heading", "id", "markdown", "position" FROM "Section";
DROP TABLE "Section";
ALTER TABLE "new_Section" RENAME TO "Section";
CREATE UNIQUE INDEX "Section_dayId_position_key" ON "Section"("dayId", "position");
CREATE TABLE "new_Attachment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dayId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "data" BLOB,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL DEFAULT '',
    "width" INTEGER,
    "height" INTEGER,
    "kinds" TEXT NOT NULL DEFAULT '[]',
    "apiVersions" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Attachment_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Attachment" ("apiVersions", "dayId", "id", "kinds", "mediaType", "name", "size", "text") SELECT "apiVersions", "dayId", "id", "kinds", "mediaType", "name", "size", "text" FROM "Attachment";
DROP TABLE "Attachment";
ALTER TABLE "new_Attachment" RENAME TO "Attachment";
CREATE UNIQUE INDEX "Attachment_dayId_name_key" ON "Attachment"("dayId", "name");
CREATE TABLE "new_DayLink" (
    "fromDayId" INTEGER NOT NULL,
    "toDayId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "section" TEXT,

    PRIMARY KEY ("fromDayId", "toDayId", "kind"),
    CONSTRAINT "DayLink_fromDayId_fkey" FOREIGN KEY ("fromDayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DayLink_toDayId_fkey" FOREIGN KEY ("toDayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DayLink" ("fromDayId", "kind", "toDayId") SELECT "fromDayId", "kind", "toDayId" FROM "DayLink";
DROP TABLE "DayLink";
ALTER TABLE "new_DayLink" RENAME TO "DayLink";
CREATE INDEX "DayLink_toDayId_idx" ON "DayLink"("toDayId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeFile_challengeId_path_key" ON "ChallengeFile"("challengeId", "path");

