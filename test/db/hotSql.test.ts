/**
 * The hot statements (src/db/hotSql.ts) run on Prisma's own driver: they must read and
 * write exactly what Prisma reads and writes, and a learner's write must never join (and
 * be rolled back with) another caller's open transaction — on SQLite, where there is one
 * connection, as on PostgreSQL.
 */
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { createChallengeRows } from "../support/challengeRows.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

let t: TestApp;
let l: TestLearner;
const clock = fixedClock("2026-03-10T20:00:00.123Z");
before(async () => {
  t = await startTestApp({ label: "hot_sql", clock, prepare: createChallengeRows });
  l = await registerLearner(t, "hot");
});
after(() => t.close());

it("writes a log entry Prisma reads back unchanged: dates, numbers and text", async () => {
  const res = await t.request
    .put("/api/v1/me/log/2026-03-10")
    .set(l.auth)
    .send({ minutes: 42, learned: "Pods · 日本語", days: [2, 1] });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const row = await t.services.deps.db.prisma.logEntry.findFirst({ where: { learnerId: l.id, date: "2026-03-10" } });
  assert.ok(row);
  assert.equal(row.createdAt.toISOString(), "2026-03-10T20:00:00.123Z");
  assert.equal(row.updatedAt.toISOString(), "2026-03-10T20:00:00.123Z");
  assert.equal(row.minutes, 42);
  assert.equal(row.learned, "Pods · 日本語");
  assert.equal(row.days, "[1,2]");
  // …and the hot read gives the same entry back.
  const read = await t.request.get("/api/v1/me/log/2026-03-10").set(l.auth).expect(200);
  assert.equal(read.body.minutes, 42);
  assert.equal(read.body.createdAt, "2026-03-10T20:00:00.123Z");
});

it("keeps a learner's write made while another caller's transaction is open when that transaction rolls back", async () => {
  const prisma = t.services.deps.db.prisma;
  let write: Promise<{ status: number }> | undefined;
  let progress: Promise<{ status: number }> | undefined;
  await assert.rejects(
    prisma.$transaction(async (tx) => {
      await tx.learner.count();
      // The request starts while the transaction is open; it must not become part of it.
      write = t.request
        .put("/api/v1/me/log/2026-03-09")
        .set(l.auth)
        .send({ minutes: 30, learned: "during a rollback" })
        .then((r) => r);
      // A statement through Prisma outside the transaction (not a hot statement) must not join it either.
      progress = prisma.$executeRaw`UPDATE "Learner" SET "displayName" = 'Kept' WHERE "id" = ${l.id}`.then(() => ({ status: 200 }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error("roll back");
    }),
    /roll back/,
  );
  assert.equal((await write!).status, 200);
  assert.equal((await progress!).status, 200);
  const kept = await t.request.get("/api/v1/me/log/2026-03-09").set(l.auth);
  assert.equal(kept.status, 200, "the entry written during the rolled-back transaction is still there");
  assert.equal(kept.body.learned, "during a rollback");
  const me = await t.request.get("/api/v1/me").set(l.auth).expect(200);
  assert.equal(me.body.displayName, "Kept");
});
