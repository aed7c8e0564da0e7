/**
 * Every authenticated call pays for its SQL statements: authentication (token → learner)
 * is one, `me { stats }` one more, and the daily-log write one more — whatever the
 * learner has logged or finished. Counts, not timings (see BENCHMARKS.md for the speed).
 */
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { createChallengeRows } from "../support/challengeRows.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { gql } from "../support/graphql.ts";

let t: TestApp;
let l: TestLearner;
const clock = fixedClock("2026-03-10T20:00:00Z");
before(async () => {
  // No content-version poll: its reads would land between the counts.
  t = await startTestApp({ label: "statement_count", clock, prepare: createChallengeRows, config: { CONTENT_VERSION_POLL_MS: 3_600_000 } });
  l = await registerLearner(t, "counted");
  // Registered (and enrolled) on 03-10; 03-09 is logged within the grace period but before
  // the attempt, so stats must leave it out. One lesson done: stats read rows of every kind.
  await t.request.put("/api/v1/me/log/2026-03-09").set(l.auth).send({ minutes: 20, learned: "Pods" }).expect(200);
  await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send({ minutes: 25, learned: "Services" }).expect(200);
  await t.request.put("/api/v1/me/progress/1").set(l.auth).send({ status: "DONE" }).expect(200);
});
after(() => t.close());

/** Statements the database received while `call` ran. */
async function statements<T>(call: () => Promise<T>): Promise<{ count: number; result: T }> {
  const before = t.services.deps.db.queryCount();
  const result = await call();
  return { count: t.services.deps.db.queryCount() - before, result };
}

it("authenticates a request in one statement", async () => {
  const { count, result } = await statements(() => t.request.get("/api/v1/me/log/2026-03-10").set(l.auth));
  assert.equal(result.status, 200);
  assert.equal(result.body.minutes, 25);
  // One for the token, one for the entry.
  assert.equal(count, 2, `GET /me/log/{date} took ${count} statements`);
});

it("answers me { stats } in two statements: the token and learner, then enrolment, log and finished lessons together", async () => {
  await gql(t, "{ me { stats { currentStreak } } }").set(l.auth); // content facts are cached per content version
  const { count, result } = await statements(() =>
    gql(t, "{ me { stats { currentStreak longestStreak daysLogged status nextLesson { day } enrollment { startDate goalDays } } } }").set(l.auth),
  );
  assert.equal(result.status, 200, JSON.stringify(result.body));
  const stats = result.body.data.me.stats;
  assert.deepEqual([stats.currentStreak, stats.daysLogged, stats.nextLesson.day, stats.enrollment.startDate], [1, 1, 2, "2026-03-10"]);
  assert.equal(count, 2, `me { stats } took ${count} statements`);
});

it("writes the daily log in two statements: the token, then one upsert", async () => {
  const { count, result } = await statements(() =>
    t.request
      .put("/api/v1/me/log/2026-03-10")
      .set(l.auth)
      .send({ minutes: 30, learned: "Ingress", days: [2], concepts: ["Ingress"] }),
  );
  assert.equal(result.status, 200, JSON.stringify(result.body));
  assert.deepEqual(
    [result.body.minutes, result.body.learned, result.body.days, result.body.concepts, result.body.counted],
    [30, "Ingress", [2], ["ingress"], true],
  );
  assert.equal(count, 2, `PUT /me/log/{date} took ${count} statements`);
  const row = await t.services.deps.db.prisma.logEntry.findUniqueOrThrow({ where: { learnerId_date: { learnerId: l.id, date: "2026-03-10" } } });
  assert.equal(row.minutes, 30);
});

it("leaves the background content-version poll out of the count, on both databases", async () => {
  const { count, result } = await statements(() => t.services.deps.contentVersion.refresh());
  assert.equal(typeof result, "number");
  assert.equal(count, 0, "the poll's read of ContentState is not a request's statement");
  const day = await statements(() => t.services.deps.db.prisma.day.count());
  assert.equal(day.count, 1, "any other statement is counted");
});
