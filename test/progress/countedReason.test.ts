/**
 * A log answer says why it counts or not (`countedReason`, one of the DateStatus values) on
 * REST, GraphQL and MCP; `learned` may be empty; an entry dated before the current
 * enrolment's start is `counted: false` with BEFORE_ENROLMENT and its share text is never "Day 1".
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { countedReasonOf } from "../../src/modules/progress/attemptDates.ts";
import { createChallengeRows } from "../support/challengeRows.ts";
import { gql } from "../support/graphql.ts";
import { registerLearner } from "../support/learners.ts";
import { callTool, listen, mcpClient } from "../support/mcp.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

describe("countedReasonOf", () => {
  const enrolledAt = new Date("2026-03-10T09:00:00Z");
  const attempt = { startDate: "2026-03-10", enrolledAt };
  const cases: [string, { date: string; minutes: number; loggedAt?: Date }, ReturnType<typeof countedReasonOf>][] = [
    ["enough minutes on the start date", { date: "2026-03-10", minutes: 5, loggedAt: enrolledAt }, "COUNTED"],
    ["minutes under the minimum", { date: "2026-03-10", minutes: 4, loggedAt: enrolledAt }, "BELOW_MINIMUM"],
    ["the day before the start, logged after enrolling", { date: "2026-03-09", minutes: 60, loggedAt: new Date("2026-03-10T10:00:00Z") }, "BEFORE_ENROLMENT"],
    ["a date of an earlier attempt, logged while it ran", { date: "2026-03-01", minutes: 30, loggedAt: new Date("2026-03-01T10:00:00Z") }, "COUNTED"],
  ];
  for (const [what, entry, reason] of cases) it(`says ${reason} for ${what}`, () => assert.equal(countedReasonOf(entry, 5, attempt), reason));
  it("counts by minutes alone without an attempt", () => assert.equal(countedReasonOf({ date: "2026-03-09", minutes: 5 }, 5, null), "COUNTED"));
});

describe("why a log entry counts, over REST, GraphQL and MCP", () => {
  let t: TestApp;
  const clock = fixedClock("2026-03-10T20:00:00Z"); // learners registered now are enrolled from 2026-03-10 (UTC)
  before(async () => {
    t = await startTestApp({ label: "counted-reason", clock, prepare: createChallengeRows });
  });
  after(() => t.close());

  it("REST: COUNTED, BELOW_MINIMUM, and BEFORE_ENROLMENT for yesterday logged after enrolling today", async () => {
    const l = await registerLearner(t, "reasons");
    const counted = await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send({ minutes: 20, learned: "Pods" }).expect(200);
    assert.deepEqual([counted.body.counted, counted.body.countedReason], [true, "COUNTED"]);
    const below = await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send({ minutes: 3, learned: "Pods" }).expect(200);
    assert.deepEqual([below.body.counted, below.body.countedReason], [false, "BELOW_MINIMUM"]);
    const early = await t.request.put("/api/v1/me/log/2026-03-09").set(l.auth).send({ minutes: 45, learned: "Before I enrolled" }).expect(200);
    assert.deepEqual([early.body.counted, early.body.countedReason], [false, "BEFORE_ENROLMENT"]);
    // Read back, one by one and as a list, the same reasons.
    assert.equal((await t.request.get("/api/v1/me/log/2026-03-09").set(l.auth).expect(200)).body.countedReason, "BEFORE_ENROLMENT");
    const list = await t.request.get("/api/v1/me/log").set(l.auth).expect(200);
    assert.deepEqual(
      list.body.items.map((e: { date: string; countedReason: string }) => [e.date, e.countedReason]),
      [
        ["2026-03-10", "BELOW_MINIMUM"],
        ["2026-03-09", "BEFORE_ENROLMENT"],
      ],
    );
    // The streak explanation agrees: one rule, one set of statuses.
    const streak = await t.request.get("/api/v1/me/streak").set(l.auth).expect(200);
    assert.equal(streak.body.dates.find((d: { date: string }) => d.date === "2026-03-09")?.status, "BEFORE_ENROLMENT");
  });

  it("REST: a page of the log costs the same SQL statements for one entry as for two (no enrolment lookup per entry)", async () => {
    const l = await registerLearner(t, "counter");
    const statements = async () => {
      const before = t.services.deps.db.queryCount();
      await t.request.get("/api/v1/me/log").set(l.auth).expect(200);
      return t.services.deps.db.queryCount() - before;
    };
    await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send({ minutes: 20 }).expect(200);
    await statements(); // fills the content caches once
    const one = await statements();
    await t.request.put("/api/v1/me/log/2026-03-09").set(l.auth).send({ minutes: 20 }).expect(200);
    const two = await statements();
    console.log(`SQL statements of GET /me/log: 1 entry → ${one}, 2 entries → ${two}`);
    assert.equal(two, one);
  });

  it("REST: the share post of a date before the attempt is day 0 and never says Day 1", async () => {
    const l = await registerLearner(t, "earlybird");
    await t.request.put("/api/v1/me/log/2026-03-09").set(l.auth).send({ minutes: 30, learned: "Read about Pods" }).expect(200);
    const share = await t.request.get("/api/v1/me/share/2026-03-09").set(l.auth).expect(200);
    assert.equal(share.body.dayNumber, 0);
    assert.match(share.body.text, /^Getting ready for #66DaysOfK8s: Read about Pods/);
    assert.doesNotMatch(share.body.text, /Day 1\b/);
    await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send({ minutes: 30, learned: "Pods" }).expect(200);
    assert.match((await t.request.get("/api/v1/me/share/2026-03-10").set(l.auth).expect(200)).body.text, /^Day 1 of #66DaysOfK8s: Pods/);
  });

  it("REST: learned may be empty or left out", async () => {
    const l = await registerLearner(t, "quiet");
    const empty = await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send({ minutes: 10, learned: "" }).expect(200);
    assert.equal(empty.body.learned, "");
    const omitted = await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send({ minutes: 12 }).expect(200);
    assert.deepEqual([omitted.body.learned, omitted.body.minutes, omitted.body.countedReason], ["", 12, "COUNTED"]);
    assert.match(
      (await t.request.get("/api/v1/me/share/2026-03-10").set(l.auth).expect(200)).body.text,
      /^Day 1 of #66DaysOfK8s: 12 minutes of Kubernetes practice\./,
    );
  });

  it("GraphQL: logDay and log answer countedReason; learned may be left out", async () => {
    const l = await registerLearner(t, "graphreason");
    const log = (date: string, minutes: number) =>
      gql(t, `mutation($input: LogDayInput!) { logDay(input: $input) { entry { date learned counted countedReason } } }`, { input: { date, minutes } }).set(
        l.auth,
      );
    const today = await log("2026-03-10", 2);
    assert.deepEqual(today.body.data.logDay.entry, { date: "2026-03-10", learned: "", counted: false, countedReason: "BELOW_MINIMUM" });
    const early = await log("2026-03-09", 30);
    assert.deepEqual(early.body.data.logDay.entry, { date: "2026-03-09", learned: "", counted: false, countedReason: "BEFORE_ENROLMENT" });
    const read = await gql(
      t,
      `{ me { logEntry(date: "2026-03-09") { countedReason } log { items { date countedReason } } share(date: "2026-03-09") { dayNumber text } } }`,
    ).set(l.auth);
    assert.equal(read.body.data.me.logEntry.countedReason, "BEFORE_ENROLMENT");
    assert.deepEqual(read.body.data.me.log.items, [
      { date: "2026-03-10", countedReason: "BELOW_MINIMUM" },
      { date: "2026-03-09", countedReason: "BEFORE_ENROLMENT" },
    ]);
    assert.equal(read.body.data.me.share.dayNumber, 0);
    assert.doesNotMatch(read.body.data.me.share.text, /Day 1\b/);
  });

  it("MCP: log_today answers countedReason in its data and says it in words; learned may be left out", async () => {
    const l = await registerLearner(t, "mcpreason");
    const server = await listen(t);
    const client = await mcpClient(server.base, l.token);
    try {
      const below = await callTool(client, "log_today", { minutes: 2 });
      assert.equal(below.isError, undefined, below.text);
      assert.deepEqual([below.data!.entry.learned, below.data!.entry.counted, below.data!.entry.countedReason], ["", false, "BELOW_MINIMUM"]);
      assert.match(below.text, /BELOW_MINIMUM/);
      const counted = await callTool(client, "log_today", { minutes: 25, learned: "Services" });
      assert.equal(counted.data!.entry.countedReason, "COUNTED");
      // A date logged before the attempt (over REST) is shared by MCP without "Day 1".
      await t.request.put("/api/v1/me/log/2026-03-09").set(l.auth).send({ minutes: 30, learned: "Warm-up" }).expect(200);
      const share = await callTool(client, "share_post", { date: "2026-03-09" });
      assert.equal(share.data!.dayNumber, 0);
      assert.doesNotMatch(share.text, /Day 1\b/);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
