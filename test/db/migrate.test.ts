import assert from "node:assert/strict";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { fixedClock } from "../../src/clock.ts";
import { migrate, migrationsDir, MigrationError } from "../../src/db/migrate.ts";
import { sqlitePath } from "../../src/db/provider.ts";
import { onPostgres } from "../support/databases.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { tempDir } from "../support/tempDir.ts";

/** The learner's rows in each child table of Learner. */
const CHILDREN = ["AccessToken", "Enrollment", "LessonProgress", "LogEntry"] as const;

/**
 * A migration redefining Learner exactly as `prisma migrate dev` writes one on SQLite (add a
 * column in a way SQLite's ALTER TABLE cannot: new table, copy, drop, rename), built from the
 * table as it is now so it keeps matching the models.
 */
function redefineLearnerSql(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const create = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'Learner'`).pluck().get() as string;
    const columns = (db.prepare(`PRAGMA table_info("Learner")`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(", ");
    const indexes = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Learner' AND sql IS NOT NULL`).pluck().all() as string[];
    const body = create
      .replace(/^CREATE TABLE "Learner" \(/, `CREATE TABLE "new_Learner" (`)
      .replace(/\)\s*$/, `,\n    "motto" TEXT NOT NULL DEFAULT 'keep going'\n)`);
    return [
      "-- RedefineTables",
      "PRAGMA defer_foreign_keys=ON;",
      "PRAGMA foreign_keys=OFF;",
      `${body};`,
      `INSERT INTO "new_Learner" (${columns}) SELECT ${columns} FROM "Learner";`,
      `DROP TABLE "Learner";`,
      `ALTER TABLE "new_Learner" RENAME TO "Learner";`,
      ...indexes.map((sql) => `${sql};`),
      "PRAGMA foreign_keys=ON;",
      "PRAGMA defer_foreign_keys=OFF;",
    ].join("\n");
  } finally {
    db.close();
  }
}

/** The committed SQLite migrations plus `extra` (name → SQL), in a temp folder. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = tempDir("migrations");
  cpSync(migrationsDir("sqlite"), dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

function countChildren(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(CHILDREN.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

describe("SQLite migrations keep learners' data", { skip: onPostgres && "SQLite only (PostgreSQL migrations never redefine tables)" }, () => {
  let t: TestApp;
  let file: string;
  let token: string;
  const folders: string[] = [];
  before(async () => {
    t = await startTestApp({ label: "migrate_safety", clock: fixedClock("2026-03-10T20:00:00Z") });
    file = sqlitePath(t.url);
    const reg = await t.request.post("/api/v1/learners").send({ handle: "keeper", timezone: "UTC" }).expect(201);
    token = reg.body.token;
    const auth = { Authorization: `Bearer ${token}` };
    await t.request.post("/api/v1/me/tokens").set(auth).send({ name: "laptop" }).expect(201);
    await t.request.put("/api/v1/me/progress/2").set(auth).send({ status: "DONE", note: "kept" }).expect(200);
    await t.request.put("/api/v1/me/log/2026-03-10").set(auth).send({ minutes: 30, learned: "pods" }).expect(200);
    await t.request.put("/api/v1/me/log/2026-03-09").set(auth).send({ minutes: 20, learned: "services" }).expect(200);
  });
  after(async () => {
    await t.close();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it("holds a learner with tokens, an enrolment, progress and log rows to start with", () => {
    const counts = countChildren(file);
    for (const table of CHILDREN) assert.ok(counts[table]! > 0, `${table} has rows: ${JSON.stringify(counts)}`);
  });

  it("would lose every child row if the redefining migration ran inside a transaction with foreign keys on", () => {
    // The control: the same migration applied naively to a copy cascades the DROP TABLE.
    const copyDir = tempDir("naive");
    folders.push(copyDir);
    const copy = join(copyDir, "copy.db");
    const source = new Database(file);
    source.exec(`VACUUM INTO '${copy}'`);
    source.close();
    const naive = new Database(copy);
    naive.transaction(() => naive.exec(redefineLearnerSql(copy)))();
    naive.close();
    assert.deepEqual(countChildren(copy), Object.fromEntries(CHILDREN.map((c) => [c, 0])));
  });

  it("applies a migration that redefines Learner and keeps every token, enrolment, progress and log row", async () => {
    const before = countChildren(file);
    const dir = migrationsWith({ "29990101000000_redefine_learner": redefineLearnerSql(file) });
    folders.push(dir);
    assert.deepEqual(await migrate(t.url, { dir }), ["29990101000000_redefine_learner"]);
    assert.deepEqual(countChildren(file), before);
    const db = new Database(file, { readonly: true });
    assert.equal(db.prepare(`SELECT motto FROM "Learner" WHERE handle = 'keeper'`).pluck().get(), "keep going");
    assert.equal(db.pragma("foreign_keys", { simple: true }), 1, "foreign keys are on for the next connection");
    db.close();
    // The running app still serves the learner with the token issued before the migration.
    const me = await t.request.get("/api/v1/me/log").set("Authorization", `Bearer ${token}`).expect(200);
    assert.ok(JSON.stringify(me.body).includes("services"));
    assert.deepEqual(await migrate(t.url, { dir }), [], "a second run applies nothing");
  });

  it("rolls back a migration that leaves rows pointing at a missing parent, naming the table", async () => {
    const before = countChildren(file);
    const dir = migrationsWith({
      "29990101000000_redefine_learner": redefineLearnerSql(file),
      "29990102000000_orphans": `DELETE FROM "Learner" WHERE handle = 'keeper';`,
    });
    folders.push(dir);
    // The first one is recorded already; the second must fail whole.
    await assert.rejects(migrate(t.url, { dir }), (err: Error) => {
      assert.ok(err instanceof MigrationError, String(err));
      assert.match(err.message, /29990102000000_orphans/);
      assert.match(err.message, /(AccessToken|Enrollment|LessonProgress|LogEntry) row \d+ → Learner/);
      return true;
    });
    assert.deepEqual(countChildren(file), before);
    const db = new Database(file, { readonly: true });
    assert.equal(db.prepare(`SELECT count(*) FROM "Learner" WHERE handle = 'keeper'`).pluck().get(), 1);
    assert.equal(db.prepare(`SELECT count(*) FROM "_prisma_migrations" WHERE migration_name = '29990102000000_orphans'`).pluck().get(), 0);
    db.close();
  });
});
