import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { addDays } from "../../src/modules/progress/calendar.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { writeSeedTree } from "../support/seedTree.ts";
import { gql } from "../support/graphql.ts";
import { callTool, listen, mcpClient } from "../support/mcp.ts";

/** A challenge that hands out a freeze per 7 counted dates, at most 2 banked (seeds/challenge.yaml keys). */
const forgivingChallenge = [
  "slug: 66daysofk8s",
  'name: "#66DaysOfK8s"',
  'hashtag: "#66DaysOfK8s"',
  "totalDays: 66",
  "minMinutesPerDay: 5",
  "freezeEveryCountedDays: 7",
  "maxFreezesBanked: 2",
  "",
].join("\n");

/**
 * Streak freezes end to end: the challenge setting comes from the seeds, the clock
 * moves across the Los Angeles spring-forward night, and stats, the explanation
 * and MCP report the same freeze.
 */
describe("streak freezes over REST, GraphQL and MCP", () => {
  let t: TestApp;
  let l: TestLearner;
  const clock = fixedClock("2026-03-01T20:00:00Z"); // 12:00 PST on 03-01
  before(async () => {
    t = await startTestApp({
      label: "freezes",
      clock,
      prepare: (s) => s.content.importer.loadSeeds(writeSeedTree({ extra: { "challenge.yaml": forgivingChallenge } })).then(() => undefined),
    });
    l = await registerLearner(t, "forgiven", "America/Los_Angeles");
  });
  after(() => t.close());

  it("covers the missed spring-forward date with the freeze earned by the first week", async () => {
    // Log 03-01..03-07 at 12:00 local each day (20:00Z in PST).
    for (let i = 0; i < 7; i++) {
      const date = addDays("2026-03-01", i);
      clock.set(`${date}T20:00:00Z`);
      await t.request
        .put(`/api/v1/me/log/${date}`)
        .set(l.auth)
        .send({ minutes: 10, learned: `day ${i + 1}` })
        .expect(200);
    }
    // 03-08 (the 23-hour day) passes without a log; 2026-03-09T19:00Z is 12:00 PDT on 03-09.
    clock.set("2026-03-09T19:00:00Z");
    await t.request.put("/api/v1/me/log/2026-03-09").set(l.auth).send({ minutes: 10, learned: "back" }).expect(200);
    const s = (await t.request.get("/api/v1/me/stats").set(l.auth).expect(200)).body;
    assert.deepEqual([s.today, s.currentStreak, s.missedDates, s.status], ["2026-03-09", 8, [], "ON_TRACK"]);
    assert.deepEqual(s.freezes, { earned: 1, used: 1, banked: 0 });
    assert.deepEqual(s.freezePolicy, { everyCountedDays: 7, maxBanked: 2 });
    assert.deepEqual(
      s.heatmap.find((c: { date: string }) => c.date === "2026-03-08"),
      { date: "2026-03-08", minutes: 0, counted: false, status: "FROZEN" },
    );

    const e = (await t.request.get("/api/v1/me/streak").set(l.auth).expect(200)).body;
    const frozen = e.dates.find((d: { date: string }) => d.date === "2026-03-08");
    assert.equal(frozen.status, "FROZEN");
    assert.match(frozen.reason, /^Frozen: nothing logged, so a banked streak freeze covered the date/);
    assert.equal(e.broke, null);

    const g = await gql(
      t,
      "{ me { stats { currentStreak freezes { earned used banked } freezePolicy { everyCountedDays maxBanked } heatmap { date status } } } }",
    ).set(l.auth);
    assert.deepEqual(g.body.data.me.stats.freezes, { earned: 1, used: 1, banked: 0 });
    assert.deepEqual(
      g.body.data.me.stats.heatmap.filter((c: { status: string }) => c.status === "FROZEN"),
      [{ date: "2026-03-08", status: "FROZEN" }],
    );
  });

  it("tells the learner about freezes in my_stats", async () => {
    const http = await listen(t);
    const client = await mcpClient(http.base, l.token);
    try {
      const r = await callTool(client, "my_stats", {});
      assert.deepEqual(r.data!.freezes, { earned: 1, used: 1, banked: 0 });
      assert.match(r.text, /Streak freezes: 0 banked \(earned 1, used 1; one per 7 counted dates, at most 2\)\./);
    } finally {
      await client.close();
      await http.close();
    }
  });
});
