-- CreateTable
CREATE TABLE "ManifestObject" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dayId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT,
    "file" TEXT,
    "snippet" INTEGER,
    "document" INTEGER NOT NULL,
    "listItem" INTEGER,
    "line" INTEGER NOT NULL,
    CONSTRAINT "ManifestObject_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ManifestObject_kind_idx" ON "ManifestObject"("kind");

-- CreateIndex
CREATE INDEX "ManifestObject_apiVersion_kind_idx" ON "ManifestObject"("apiVersion", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ManifestObject_dayId_position_key" ON "ManifestObject"("dayId", "position");

