import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";

/**
 * Streaks end to end: the clock moves, learners log "today" as their zone sees it,
 * and stats are compared with figures worked out by hand in the comments.
 */
describe("streaks across time zones and DST over REST", () => {
  let t: TestApp;
  const clock = fixedClock("2026-03-06T20:00:00Z");
  before(async () => {
    t = await startTestApp({ label: "streaks", clock });
  });
  after(() => t.close());

  const log = (l: TestLearner, date: string, minutes = 15) =>
    t.request
      .put(`/api/v1/me/log/${date}`)
      .set(l.auth)
      .send({ minutes, learned: `studied on ${date}` })
      .expect(200);
  const stats = async (l: TestLearner) => (await t.request.get("/api/v1/me/stats").set(l.auth).expect(200)).body;

  it("follows a Los Angeles learner over the spring-forward weekend", async () => {
    clock.set("2026-03-06T20:00:00Z"); // 12:00 PST, 03-06
    const l = await registerLearner(t, "la-dst", "America/Los_Angeles");
    await log(l, "2026-03-06");
    clock.set("2026-03-08T07:30:00Z"); // 23:30 PST on 03-07, already 03-08 in UTC
    await log(l, "2026-03-07");
    await t.request.put("/api/v1/me/log/2026-03-08").set(l.auth).send({ minutes: 10, learned: "" }).expect(422); // still the future in LA
    clock.set("2026-03-08T10:30:00Z"); // 03:30 PDT on 03-08, just after the gap
    await log(l, "2026-03-08");
    clock.set("2026-03-10T06:30:00Z"); // 23:30 PDT on 03-09
    await log(l, "2026-03-09");
    let s = await stats(l);
    assert.deepEqual([s.today, s.currentStreak, s.longestStreak, s.daysLogged, s.status], ["2026-03-09", 4, 4, 4, "ON_TRACK"]);
    clock.set("2026-03-11T06:59:00Z"); // 23:59 PDT on 03-10: not logged yet, streak still alive
    s = await stats(l);
    assert.deepEqual([s.today, s.currentStreak, s.missedDates], ["2026-03-10", 4, []]);
    clock.set("2026-03-11T07:00:00Z"); // 00:00 PDT on 03-11: 03-10 is over and missed
    s = await stats(l);
    assert.deepEqual([s.today, s.currentStreak, s.longestStreak, s.missedDates, s.status], ["2026-03-11", 0, 4, ["2026-03-10"], "BROKEN"]);
  });

  it("follows an Auckland learner over the fall-back night and midnight UTC", async () => {
    clock.set("2026-04-03T10:00:00Z"); // 23:00 NZDT on 04-03
    const l = await registerLearner(t, "akl-dst", "Pacific/Auckland");
    await log(l, "2026-04-03");
    clock.set("2026-04-04T11:30:00Z"); // 00:30 NZDT on 04-05 (04-04 in UTC)
    await log(l, "2026-04-04"); // yesterday, within the grace day
    await log(l, "2026-04-05");
    clock.set("2026-04-05T11:59:00Z"); // 23:59 NZST on 04-05: the 25-hour day is still 04-05
    assert.equal((await stats(l)).currentStreak, 3);
    clock.set("2026-04-06T00:00:00Z"); // 12:00 NZST on 04-06 (midnight UTC)
    await log(l, "2026-04-06");
    const s = await stats(l);
    assert.deepEqual([s.today, s.currentStreak, s.daysLogged, s.missedDates, s.percentComplete], ["2026-04-06", 4, 4, [], 6.1]);
  });

  it("never rewrites a closed day or breaks a streak when the learner flies from Los Angeles to Auckland", async () => {
    clock.set("2026-05-01T19:00:00Z"); // 12:00 PDT on 05-01
    const l = await registerLearner(t, "traveller", "America/Los_Angeles");
    for (const [instant, date] of [
      ["2026-05-01T19:00:00Z", "2026-05-01"],
      ["2026-05-02T19:00:00Z", "2026-05-02"],
      ["2026-05-03T19:00:00Z", "2026-05-03"],
    ]) {
      clock.set(instant!);
      await log(l, date!);
    }
    // Flies overnight and lands on 05-05 morning Auckland time (05-04 afternoon in LA).
    clock.set("2026-05-04T21:00:00Z"); // 09:00 NZST on 05-05; 14:00 PDT on 05-04
    await t.request.patch("/api/v1/me").set(l.auth).send({ timezone: "Pacific/Auckland" }).expect(200);
    let s = await stats(l);
    assert.deepEqual([s.currentStreak, s.status], [3, "ON_TRACK"], "changing zone alone does not break the streak");
    await log(l, "2026-05-04"); // yesterday in Auckland: the date the flight skipped
    await log(l, "2026-05-05");
    s = await stats(l);
    assert.deepEqual([s.today, s.currentStreak, s.missedDates], ["2026-05-05", 5, []]);
    const entries = (await t.request.get("/api/v1/me/log").set(l.auth).expect(200)).body.items;
    assert.deepEqual(
      entries.map((e: { date: string; timezone: string }) => `${e.date} ${e.timezone}`),
      [
        "2026-05-05 Pacific/Auckland",
        "2026-05-04 Pacific/Auckland",
        "2026-05-03 America/Los_Angeles",
        "2026-05-02 America/Los_Angeles",
        "2026-05-01 America/Los_Angeles",
      ],
    );
    // The closed LA dates cannot be rewritten from the new zone.
    await t.request.put("/api/v1/me/log/2026-05-03").set(l.auth).send({ minutes: 1, learned: "overwrite" }).expect(422);
  });

  it("keeps the earlier attempt in history when a learner restarts after a break", async () => {
    clock.set("2026-06-01T12:00:00Z");
    const l = await registerLearner(t, "restarter");
    await log(l, "2026-06-01");
    clock.set("2026-06-02T12:00:00Z");
    await log(l, "2026-06-02");
    clock.set("2026-06-05T12:00:00Z");
    assert.equal((await stats(l)).status, "BROKEN");
    const res = await t.request.post("/api/v1/me/enrollments").set(l.auth).send({}).expect(201);
    assert.equal(res.body.startDate, "2026-06-05");
    await log(l, "2026-06-05");
    const s = await stats(l);
    assert.deepEqual([s.enrollment.startDate, s.currentStreak, s.daysLogged, s.missedDates, s.status], ["2026-06-05", 1, 1, [], "ON_TRACK"]);
    const history = (await t.request.get("/api/v1/me/enrollments").set(l.auth).expect(200)).body.items;
    assert.deepEqual(
      history.map((e: { startDate: string; state: string }) => [e.startDate, e.state]),
      [
        ["2026-06-05", "ACTIVE"],
        ["2026-06-01", "ENDED"],
      ],
    );
    const exported = (await t.request.get("/api/v1/me/export").set(l.auth).expect(200)).body;
    assert.deepEqual(
      exported.log.map((e: { date: string }) => e.date),
      ["2026-06-01", "2026-06-02", "2026-06-05"],
    );
    assert.equal((await t.request.get("/api/v1/me/share/2026-06-02").set(l.auth).expect(200)).body.dayNumber, 2);
  });
});
