-- CreateTable
CREATE TABLE "Challenge" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hashtag" TEXT NOT NULL,
    "hashtags" TEXT NOT NULL DEFAULT '[]',
    "description" TEXT NOT NULL DEFAULT '',
    "totalDays" INTEGER NOT NULL DEFAULT 66,
    "minMinutesPerDay" INTEGER NOT NULL DEFAULT 5,
    "sourceUrl" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Day" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "challengeId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "week" INTEGER,
    "title" TEXT NOT NULL,
    "series" TEXT,
    "part" INTEGER,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "date" TEXT,
    "intro" TEXT NOT NULL DEFAULT '',
    "tldr" TEXT NOT NULL DEFAULT '',
    "basedOn" TEXT NOT NULL DEFAULT '[]',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "body" TEXT NOT NULL DEFAULT '',
    "sourcePath" TEXT,
    "contentHash" TEXT NOT NULL DEFAULT '',
    "hasLesson" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Day_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DayItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dayId" INTEGER NOT NULL,
    "list" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "DayItem_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ToolVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dayId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "tool" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    CONSTRAINT "ToolVersion_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Section" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dayId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    CONSTRAINT "Section_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Snippet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dayId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "language" TEXT,
    "code" TEXT NOT NULL,
    "section" TEXT,
    CONSTRAINT "Snippet_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dayId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "kinds" TEXT NOT NULL DEFAULT '[]',
    "apiVersions" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Attachment_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reference" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "kind" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "DayReference" (
    "dayId" INTEGER NOT NULL,
    "referenceId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "listed" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("dayId", "referenceId"),
    CONSTRAINT "DayReference_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DayReference_referenceId_fkey" FOREIGN KEY ("referenceId") REFERENCES "Reference" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Concept" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "summary" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL,
    "docsUrl" TEXT
);

-- CreateTable
CREATE TABLE "ConceptRelation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "weight" REAL NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "ConceptRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Concept" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConceptRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Concept" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConceptReference" (
    "conceptId" INTEGER NOT NULL,
    "referenceId" INTEGER NOT NULL,

    PRIMARY KEY ("conceptId", "referenceId"),
    CONSTRAINT "ConceptReference_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConceptReference_referenceId_fkey" FOREIGN KEY ("referenceId") REFERENCES "Reference" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DayConcept" (
    "dayId" INTEGER NOT NULL,
    "conceptId" INTEGER NOT NULL,
    "mentions" INTEGER NOT NULL,
    "weight" REAL NOT NULL,
    "focus" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("dayId", "conceptId"),
    CONSTRAINT "DayConcept_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DayConcept_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DayLink" (
    "fromDayId" INTEGER NOT NULL,
    "toDayId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,

    PRIMARY KEY ("fromDayId", "toDayId", "kind"),
    CONSTRAINT "DayLink_fromDayId_fkey" FOREIGN KEY ("fromDayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DayLink_toDayId_fkey" FOREIGN KEY ("toDayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LearningPath" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "challengeId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "LearningPath_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LearningPathStep" (
    "pathId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "dayNumber" INTEGER NOT NULL,

    PRIMARY KEY ("pathId", "position"),
    CONSTRAINT "LearningPathStep_pathId_fkey" FOREIGN KEY ("pathId") REFERENCES "LearningPath" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContentState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Learner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "handle" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'LEARNER',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AccessToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "AccessToken_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "challengeSlug" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "goalDays" INTEGER NOT NULL DEFAULT 66,
    "state" TEXT NOT NULL DEFAULT 'ACTIVE',
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Enrollment_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LessonProgress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "challengeSlug" TEXT NOT NULL,
    "dayNumber" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" DATETIME,
    "completedAt" DATETIME,
    "note" TEXT,
    "confidence" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LessonProgress_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LogEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "learned" TEXT NOT NULL DEFAULT '',
    "days" TEXT NOT NULL DEFAULT '[]',
    "concepts" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LogEntry_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Challenge_slug_key" ON "Challenge"("slug");

-- CreateIndex
CREATE INDEX "Day_challengeId_week_idx" ON "Day"("challengeId", "week");

-- CreateIndex
CREATE INDEX "Day_series_idx" ON "Day"("series");

-- CreateIndex
CREATE UNIQUE INDEX "Day_challengeId_number_key" ON "Day"("challengeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DayItem_dayId_list_position_key" ON "DayItem"("dayId", "list", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ToolVersion_dayId_position_key" ON "ToolVersion"("dayId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Section_dayId_position_key" ON "Section"("dayId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Snippet_dayId_position_key" ON "Snippet"("dayId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_dayId_name_key" ON "Attachment"("dayId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Reference_url_key" ON "Reference"("url");

-- CreateIndex
CREATE INDEX "DayReference_referenceId_idx" ON "DayReference"("referenceId");

-- CreateIndex
CREATE UNIQUE INDEX "Concept_slug_key" ON "Concept"("slug");

-- CreateIndex
CREATE INDEX "ConceptRelation_toId_idx" ON "ConceptRelation"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "ConceptRelation_fromId_toId_kind_source_key" ON "ConceptRelation"("fromId", "toId", "kind", "source");

-- CreateIndex
CREATE INDEX "ConceptReference_referenceId_idx" ON "ConceptReference"("referenceId");

-- CreateIndex
CREATE INDEX "DayConcept_conceptId_idx" ON "DayConcept"("conceptId");

-- CreateIndex
CREATE INDEX "DayLink_toDayId_idx" ON "DayLink"("toDayId");

-- CreateIndex
CREATE UNIQUE INDEX "LearningPath_challengeId_name_key" ON "LearningPath"("challengeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Learner_handle_key" ON "Learner"("handle");

-- CreateIndex
CREATE UNIQUE INDEX "AccessToken_tokenHash_key" ON "AccessToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccessToken_learnerId_idx" ON "AccessToken"("learnerId");

-- CreateIndex
CREATE INDEX "Enrollment_learnerId_challengeSlug_idx" ON "Enrollment"("learnerId", "challengeSlug");

-- CreateIndex
CREATE UNIQUE INDEX "LessonProgress_learnerId_challengeSlug_dayNumber_key" ON "LessonProgress"("learnerId", "challengeSlug", "dayNumber");

-- CreateIndex
CREATE UNIQUE INDEX "LogEntry_learnerId_date_key" ON "LogEntry"("learnerId", "date");

