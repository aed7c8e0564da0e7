import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { createChallengeRows } from "../support/challengeRows.ts";
import { registerLearner } from "../support/learners.ts";

describe("daily log over REST", () => {
  let t: TestApp;
  const clock = fixedClock("2026-03-10T20:00:00Z"); // 03-10 in UTC
  before(async () => {
    t = await startTestApp({ label: "log", clock, prepare: createChallengeRows });
  });
  after(() => t.close());

  it("upserts one entry per date: repeating the request changes nothing", async () => {
    const l = await registerLearner(t, "repeat");
    const body = { minutes: 20, learned: "Pods share a network namespace", days: [3, 3], concepts: ["Pod"] };
    const first = await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send(body).expect(200);
    const second = await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send(body).expect(200);
    assert.deepEqual(second.body, first.body);
    assert.deepEqual([first.body.days, first.body.concepts, first.body.timezone, first.body.counted], [[3], ["pod"], "UTC", true]);
    assert.equal(await t.services.deps.db.prisma.logEntry.count({ where: { learnerId: l.id } }), 1);
    const changed = await t.request
      .put("/api/v1/me/log/2026-03-10")
      .set(l.auth)
      .send({ ...body, minutes: 30 })
      .expect(200);
    assert.equal(changed.body.minutes, 30);
    assert.equal((await t.request.get("/api/v1/me/log/2026-03-10").set(l.auth).expect(200)).body.minutes, 30);
  });

  it("produces one row and no lost update when the same date is logged concurrently", async () => {
    const l = await registerLearner(t, "racer");
    const minutes = [11, 12, 13, 14, 15, 16, 17, 18];
    const results = await Promise.all(
      minutes.map((m) =>
        t.request
          .put("/api/v1/me/log/2026-03-10")
          .set(l.auth)
          .send({ minutes: m, learned: `run ${m}` }),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      minutes.map(() => 200),
    );
    const rows = await t.services.deps.db.prisma.logEntry.findMany({ where: { learnerId: l.id } });
    assert.equal(rows.length, 1);
    assert.ok(minutes.includes(rows[0]!.minutes));
    assert.equal(rows[0]!.learned, `run ${rows[0]!.minutes}`, "minutes and text come from the same request");
  });

  it("rejects future dates and dates beyond the grace period with 422", async () => {
    const l = await registerLearner(t, "timely");
    const body = { minutes: 10, learned: "x" };
    await t.request.put("/api/v1/me/log/2026-03-11").set(l.auth).send(body).expect(422);
    await t.request.put("/api/v1/me/log/2026-03-09").set(l.auth).send(body).expect(200); // yesterday: within grace
    const old = await t.request.put("/api/v1/me/log/2026-03-08").set(l.auth).send(body).expect(422);
    assert.deepEqual(old.body.errors[0].path, ["date"]);
    await t.request.put("/api/v1/me/log/2026-02-30").set(l.auth).send(body).expect(422);
    await t.request.put("/api/v1/me/log/tomorrow").set(l.auth).send(body).expect(400);
  });

  it("judges future dates in the learner's zone, not in UTC", async () => {
    // 2026-03-10T20:00Z is 2026-03-11 09:00 in Auckland.
    const l = await registerLearner(t, "kiwi", "Pacific/Auckland");
    const res = await t.request.put("/api/v1/me/log/2026-03-11").set(l.auth).send({ minutes: 10, learned: "ahead of UTC" }).expect(200);
    assert.equal(res.body.timezone, "Pacific/Auckland");
  });

  it("validates the body: minutes, text length, lesson numbers", async () => {
    const l = await registerLearner(t, "validator");
    for (const body of [
      { minutes: -1, learned: "" },
      { minutes: 10, learned: "x".repeat(1001) },
      { minutes: 10, learned: "", days: [67] },
      { learned: "no minutes" },
    ]) {
      const res = await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send(body).expect(422);
      assert.equal(res.body.code, "VALIDATION_FAILED");
    }
    await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).set("Content-Type", "text/plain").send("minutes=5").expect(415);
  });

  it("stores minutes below the daily minimum without counting them", async () => {
    const l = await registerLearner(t, "brief");
    const res = await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send({ minutes: 3, learned: "just a glance" }).expect(200);
    assert.equal(res.body.counted, false);
    const stats = await t.request.get("/api/v1/me/stats").set(l.auth).expect(200);
    assert.deepEqual([stats.body.daysLogged, stats.body.currentStreak], [0, 0]);
    assert.deepEqual(stats.body.heatmap, [{ date: "2026-03-10", minutes: 3, counted: false, status: "OPEN" }]);
  });

  it("pages the log newest first and its Link: rel=next visits every entry once", async () => {
    const l = await registerLearner(t, "pager");
    const rows = Array.from({ length: 7 }, (_, i) => ({ learnerId: l.id, date: `2026-02-0${i + 1}`, timezone: "UTC", minutes: 10 + i }));
    await t.services.deps.db.prisma.logEntry.createMany({ data: rows });
    const seen: string[] = [];
    let url: string | null = "/api/v1/me/log?limit=3";
    while (url) {
      const res: import("supertest").Response = await t.request.get(url).set(l.auth).expect(200);
      seen.push(...res.body.items.map((e: { date: string }) => e.date));
      const link = res.headers.link as string | undefined;
      url = link ? /<([^>]+)>; rel="next"/.exec(link)![1]! : null;
      assert.equal(Boolean(link), res.body.next !== null);
    }
    assert.deepEqual(seen, rows.map((r) => r.date).reverse());
    await t.request.get("/api/v1/me/log?limit=101").set(l.auth).expect(400);
  });

  it("builds the share post from the entry: Day N of the attempt with the challenge's hashtags", async () => {
    const l = await registerLearner(t, "sharer"); // enrolled 2026-03-10 (UTC)
    await t.request
      .put("/api/v1/me/log/2026-03-10")
      .set(l.auth)
      .send({ minutes: 25, learned: "How Services find Pods. ".repeat(20) })
      .expect(200);
    const res = await t.request.get("/api/v1/me/share/2026-03-10").set(l.auth).expect(200);
    assert.equal(res.body.dayNumber, 1);
    assert.match(res.body.text, /^Day 1 of #66DaysOfK8s: How Services find Pods\./);
    assert.match(res.body.text, /#kubernetes #learning$/);
    assert.ok([...res.body.short].length <= 280);
    await t.request.get("/api/v1/me/share/2026-03-09").set(l.auth).expect(404);
  });
});

describe("lesson progress and mastery over REST", () => {
  let t: TestApp;
  const clock = fixedClock("2026-03-10T20:00:00Z");
  before(async () => {
    t = await startTestApp({ label: "lessons", clock, prepare: createChallengeRows });
  });
  after(() => t.close());

  it("sets startedAt and completedAt on status transitions", async () => {
    const l = await registerLearner(t, "student");
    const empty = await t.request.get("/api/v1/me/progress/3").set(l.auth).expect(200);
    assert.deepEqual([empty.body.status, empty.body.startedAt, empty.body.updatedAt], ["NOT_STARTED", null, null]);
    const started = await t.request.put("/api/v1/me/progress/3").set(l.auth).send({ status: "IN_PROGRESS" }).expect(200);
    assert.deepEqual([started.body.startedAt, started.body.completedAt], ["2026-03-10T20:00:00.000Z", null]);
    clock.advance(3_600_000);
    const done = await t.request.put("/api/v1/me/progress/3").set(l.auth).send({ status: "DONE", note: "**Pods** are the unit", confidence: 4 }).expect(200);
    assert.deepEqual([done.body.startedAt, done.body.completedAt, done.body.confidence], ["2026-03-10T20:00:00.000Z", "2026-03-10T21:00:00.000Z", 4]);
    clock.advance(3_600_000);
    const noteOnly = await t.request.put("/api/v1/me/progress/3").set(l.auth).send({ note: "edited" }).expect(200);
    assert.deepEqual([noteOnly.body.status, noteOnly.body.completedAt, noteOnly.body.note], ["DONE", "2026-03-10T21:00:00.000Z", "edited"]);
    const reset = await t.request.put("/api/v1/me/progress/3").set(l.auth).send({ status: "NOT_STARTED" }).expect(200);
    assert.deepEqual([reset.body.startedAt, reset.body.completedAt], [null, null]);
  });

  it("rejects long notes, bad confidence, unknown statuses and days outside the challenge", async () => {
    const l = await registerLearner(t, "strict");
    await t.request
      .put("/api/v1/me/progress/1")
      .set(l.auth)
      .send({ note: "x".repeat(4001) })
      .expect(422);
    await t.request.put("/api/v1/me/progress/1").set(l.auth).send({ confidence: 6 }).expect(422);
    await t.request.put("/api/v1/me/progress/1").set(l.auth).send({ status: "FINISHED" }).expect(422);
    await t.request.put("/api/v1/me/progress/67").set(l.auth).send({ status: "DONE" }).expect(404);
    await t.request.get("/api/v1/me/progress/0").set(l.auth).expect(400);
  });

  it("lists recorded progress, filtered by status", async () => {
    const l = await registerLearner(t, "lister");
    for (const [day, status] of [
      [1, "DONE"],
      [2, "SKIPPED"],
      [4, "DONE"],
    ] as const) {
      await t.request.put(`/api/v1/me/progress/${day}`).set(l.auth).send({ status }).expect(200);
    }
    const all = await t.request.get("/api/v1/me/progress").set(l.auth).expect(200);
    assert.deepEqual(
      all.body.items.map((p: { day: number }) => p.day),
      [1, 2, 4],
    );
    const done = await t.request.get("/api/v1/me/progress?status=DONE&limit=1").set(l.auth).expect(200);
    assert.equal(done.body.items[0].day, 1);
    const rest = await t.request.get(`/api/v1/me/progress?status=DONE&limit=1&cursor=${done.body.next}`).set(l.auth).expect(200);
    assert.deepEqual([rest.body.items.map((p: { day: number }) => p.day), rest.body.next], [[4], null]);
  });

  it("derives concept mastery from done lessons weighted by confidence", async () => {
    const l = await registerLearner(t, "master");
    await t.request.put("/api/v1/me/progress/3").set(l.auth).send({ status: "DONE", confidence: 5 }).expect(200);
    await t.request.put("/api/v1/me/progress/5").set(l.auth).send({ status: "IN_PROGRESS" }).expect(200);
    const res = await t.request.get("/api/v1/me/mastery").set(l.auth).expect(200);
    // pod: day 3 (weight 1, confidence 5/5) done, day 4 (weight 0.5) not: 1 / 1.5.
    assert.deepEqual(res.body.items, [{ concept: "pod", name: "Pod", mastery: 0.67, daysDone: 1, daysTotal: 2 }]);
  });

  it("suggests the next lesson chronologically or along a learning path", async () => {
    const l = await registerLearner(t, "next");
    await t.request.put("/api/v1/me/progress/1").set(l.auth).send({ status: "DONE" }).expect(200);
    const chrono = await t.request.get("/api/v1/me/stats").set(l.auth).expect(200);
    assert.deepEqual(chrono.body.nextLesson, { day: 2, title: "Cluster architecture", path: "chronological" });
    const suggested = await t.request.get("/api/v1/me/stats?path=suggested").set(l.auth).expect(200);
    assert.deepEqual(suggested.body.nextLesson, { day: 3, title: "Pods", path: "suggested" });
    await t.request.get("/api/v1/me/stats?path=nope").set(l.auth).expect(404);
  });
});
