import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { gql } from "../support/graphql.ts";
import { callTool, listen, mcpClient } from "../support/mcp.ts";

/**
 * The streak explanation end to end: REST, GraphQL and MCP answer the same
 * explanation, worked out by hand in the comments.
 */
describe("the streak explained over REST, GraphQL and MCP", () => {
  let t: TestApp;
  const clock = fixedClock("2026-03-06T20:00:00Z");
  before(async () => {
    t = await startTestApp({ label: "streak_explained", clock });
  });
  after(() => t.close());

  const log = (l: TestLearner, date: string, minutes = 15) =>
    t.request
      .put(`/api/v1/me/log/${date}`)
      .set(l.auth)
      .send({ minutes, learned: `studied on ${date}` })
      .expect(200);

  it("explains a Los Angeles attempt that broke, date by date, with the deadline in local time and UTC", async () => {
    clock.set("2026-03-06T20:00:00Z"); // 12:00 PST on 03-06
    const l = await registerLearner(t, "la-explained", "America/Los_Angeles");
    await log(l, "2026-03-06");
    clock.set("2026-03-08T07:30:00Z"); // 23:30 PST on 03-07
    await log(l, "2026-03-07", 3); // below the minimum
    clock.set("2026-03-09T20:00:00Z"); // 13:00 PDT on 03-09: 03-08 passed without a log
    await log(l, "2026-03-09", 25);
    const res = await t.request.get("/api/v1/me/streak").set(l.auth).expect(200);
    assert.equal(res.headers["cache-control"], "private, no-store");
    const e = res.body;
    assert.deepEqual(
      e.dates.map((d: { date: string; status: string }) => `${d.date} ${d.status}`),
      ["2026-03-06 COUNTED", "2026-03-07 BELOW_MINIMUM", "2026-03-08 MISSED", "2026-03-09 COUNTED"],
    );
    assert.deepEqual([e.currentStreak, e.longestStreak, e.status], [1, 1, "BROKEN"]);
    assert.deepEqual(e.broke, {
      date: "2026-03-07",
      status: "BELOW_MINIMUM",
      streakBefore: 1,
      reason: "Missed: only 3 minutes logged, below the daily minimum of 5. It ended a 1-day streak.",
    });
    assert.deepEqual(e.deadline, {
      date: "2026-03-09",
      timezone: "America/Los_Angeles",
      counted: true,
      endsAt: { local: "2026-03-10T00:00:00-07:00", utc: "2026-03-10T07:00:00.000Z" },
      lateUntil: { local: "2026-03-11T00:00:00-07:00", utc: "2026-03-11T07:00:00.000Z" },
    });
    assert.deepEqual(e.freezePolicy, { everyCountedDays: 0, maxBanked: 0 });
    assert.deepEqual(e.freezes, { earned: 0, used: 0, banked: 0 });

    const stats = (await t.request.get("/api/v1/me/stats").set(l.auth).expect(200)).body;
    assert.deepEqual(stats.missedDates, ["2026-03-07", "2026-03-08"], "the stats agree with the explanation");
    assert.deepEqual(
      stats.heatmap.map((c: { date: string; status: string }) => `${c.date} ${c.status}`),
      ["2026-03-06 COUNTED", "2026-03-07 BELOW_MINIMUM", "2026-03-09 COUNTED"],
    );

    const g = await gql(
      t,
      "{ me { streak { today status currentStreak dates { date status reason streak } broke { date status } deadline { endsAt { local utc } } freezes { earned used banked } summary } } }",
    ).set(l.auth);
    assert.equal(g.status, 200, JSON.stringify(g.body));
    const gs = g.body.data.me.streak;
    assert.deepEqual(
      gs.dates,
      e.dates.map((d: { date: string; status: string; reason: string; streak: number }) => ({
        date: d.date,
        status: d.status,
        reason: d.reason,
        streak: d.streak,
      })),
    );
    assert.deepEqual(
      [gs.today, gs.status, gs.broke, gs.deadline.endsAt, gs.summary],
      [e.today, e.status, { date: "2026-03-07", status: "BELOW_MINIMUM" }, e.deadline.endsAt, e.summary],
    );
  });

  it("shows yesterday logged right after registering as before the attempt, not counted", async () => {
    clock.set("2026-04-02T09:00:00Z"); // 11:00 CEST on 04-02
    const l = await registerLearner(t, "newcomer", "Europe/Madrid");
    await log(l, "2026-04-01", 30); // yesterday: allowed by the grace day, but before the attempt's start
    const e = (await t.request.get("/api/v1/me/streak").set(l.auth).expect(200)).body;
    assert.deepEqual(
      e.dates.map((d: { date: string; status: string }) => `${d.date} ${d.status}`),
      ["2026-04-01 BEFORE_ENROLMENT", "2026-04-02 OPEN"],
    );
    assert.equal(e.startDate, "2026-04-02");
    assert.deepEqual(e.deadline.endsAt, { local: "2026-04-03T00:00:00+02:00", utc: "2026-04-02T22:00:00.000Z" });
  });

  it("answers 401 without a token, on REST and GraphQL", async () => {
    await t.request.get("/api/v1/me/streak").expect(401);
    const g = await gql(t, "{ me { streak { today } } }");
    assert.equal(g.body.errors[0].extensions.code, "UNAUTHENTICATED");
  });

  it("gives a chat assistant the explanation through explain_streak", async () => {
    clock.set("2026-05-01T19:00:00Z"); // 12:00 PDT on 05-01
    const l = await registerLearner(t, "chatty", "America/Los_Angeles");
    await log(l, "2026-05-01");
    const http = await listen(t);
    const client = await mcpClient(http.base, l.token);
    try {
      const r = await callTool(client, "explain_streak", {});
      assert.equal(r.isError, undefined, r.text);
      assert.equal(r.data!.currentStreak, 1);
      assert.equal(r.data!.deadline.endsAt.utc, "2026-05-02T07:00:00.000Z");
      assert.match(r.text, /^Streak: 1 day \(longest 1\)/);
      assert.match(r.text, /- 2026-05-01 COUNTED \(streak 1\): Counted: 15 minutes logged/);
      assert.match(r.text, /Sources:\n- Your streak explained \(private\): http:\/\/127\.0\.0\.1:\d+\/api\/v1\/me\/streak/);
    } finally {
      await client.close();
      await http.close();
    }
  });
});
