-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Challenge" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hashtag" TEXT NOT NULL,
    "hashtags" TEXT NOT NULL DEFAULT '[]',
    "description" TEXT NOT NULL DEFAULT '',
    "totalDays" INTEGER NOT NULL DEFAULT 66,
    "minMinutesPerDay" INTEGER NOT NULL DEFAULT 5,
    "sourceUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Day" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Day_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DayItem" (
    "id" SERIAL NOT NULL,
    "dayId" INTEGER NOT NULL,
    "list" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "DayItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolVersion" (
    "id" SERIAL NOT NULL,
    "dayId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "tool" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "raw" TEXT NOT NULL,

    CONSTRAINT "ToolVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section" (
    "id" SERIAL NOT NULL,
    "dayId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Snippet" (
    "id" SERIAL NOT NULL,
    "dayId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "language" TEXT,
    "code" TEXT NOT NULL,
    "section" TEXT,

    CONSTRAINT "Snippet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" SERIAL NOT NULL,
    "dayId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "kinds" TEXT NOT NULL DEFAULT '[]',
    "apiVersions" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reference" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "Reference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DayReference" (
    "dayId" INTEGER NOT NULL,
    "referenceId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "listed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DayReference_pkey" PRIMARY KEY ("dayId","referenceId")
);

-- CreateTable
CREATE TABLE "Concept" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "summary" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL,
    "docsUrl" TEXT,

    CONSTRAINT "Concept_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConceptRelation" (
    "id" SERIAL NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "ConceptRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConceptReference" (
    "conceptId" INTEGER NOT NULL,
    "referenceId" INTEGER NOT NULL,

    CONSTRAINT "ConceptReference_pkey" PRIMARY KEY ("conceptId","referenceId")
);

-- CreateTable
CREATE TABLE "DayConcept" (
    "dayId" INTEGER NOT NULL,
    "conceptId" INTEGER NOT NULL,
    "mentions" INTEGER NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "focus" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DayConcept_pkey" PRIMARY KEY ("dayId","conceptId")
);

-- CreateTable
CREATE TABLE "DayLink" (
    "fromDayId" INTEGER NOT NULL,
    "toDayId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "DayLink_pkey" PRIMARY KEY ("fromDayId","toDayId","kind")
);

-- CreateTable
CREATE TABLE "LearningPath" (
    "id" SERIAL NOT NULL,
    "challengeId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "LearningPath_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningPathStep" (
    "pathId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "dayNumber" INTEGER NOT NULL,

    CONSTRAINT "LearningPathStep_pkey" PRIMARY KEY ("pathId","position")
);

-- CreateTable
CREATE TABLE "ContentState" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContentState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Learner" (
    "id" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'LEARNER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Learner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessToken" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AccessToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "challengeSlug" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "goalDays" INTEGER NOT NULL DEFAULT 66,
    "state" TEXT NOT NULL DEFAULT 'ACTIVE',
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonProgress" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "challengeSlug" TEXT NOT NULL,
    "dayNumber" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "note" TEXT,
    "confidence" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LessonProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LogEntry" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "learned" TEXT NOT NULL DEFAULT '',
    "days" TEXT NOT NULL DEFAULT '[]',
    "concepts" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LogEntry_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Day" ADD CONSTRAINT "Day_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayItem" ADD CONSTRAINT "DayItem_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolVersion" ADD CONSTRAINT "ToolVersion_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snippet" ADD CONSTRAINT "Snippet_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayReference" ADD CONSTRAINT "DayReference_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayReference" ADD CONSTRAINT "DayReference_referenceId_fkey" FOREIGN KEY ("referenceId") REFERENCES "Reference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptRelation" ADD CONSTRAINT "ConceptRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptRelation" ADD CONSTRAINT "ConceptRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptReference" ADD CONSTRAINT "ConceptReference_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptReference" ADD CONSTRAINT "ConceptReference_referenceId_fkey" FOREIGN KEY ("referenceId") REFERENCES "Reference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayConcept" ADD CONSTRAINT "DayConcept_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayConcept" ADD CONSTRAINT "DayConcept_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayLink" ADD CONSTRAINT "DayLink_fromDayId_fkey" FOREIGN KEY ("fromDayId") REFERENCES "Day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayLink" ADD CONSTRAINT "DayLink_toDayId_fkey" FOREIGN KEY ("toDayId") REFERENCES "Day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningPath" ADD CONSTRAINT "LearningPath_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningPathStep" ADD CONSTRAINT "LearningPathStep_pathId_fkey" FOREIGN KEY ("pathId") REFERENCES "LearningPath"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LogEntry" ADD CONSTRAINT "LogEntry_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

