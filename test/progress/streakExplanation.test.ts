import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { addDays, localIsoTime, offsetMinutes, startOfDateIn } from "../../src/modules/progress/calendar.ts";
import { explainStreak, type ExplainInput } from "../../src/modules/progress/streakExplanation.ts";
import type { LoggedDate } from "../../src/modules/progress/streak.ts";

const LA = "America/Los_Angeles";
const AKL = "Pacific/Auckland";

/** Consecutive dates from `from`, `n` of them, logged in `tz` with `minutes`. */
function run(from: string, n: number, tz: string, minutes = 10): LoggedDate[] {
  return Array.from({ length: n }, (_, i) => ({ date: addDays(from, i), timezone: tz, minutes }));
}

const base = { goalDays: 66, minMinutes: 5, graceDays: 1 };
const explain = (input: Omit<ExplainInput, "goalDays" | "minMinutes" | "graceDays"> & Partial<ExplainInput>) => explainStreak({ ...base, ...input });
const statuses = (e: ReturnType<typeof explainStreak>) => e.dates.map((d) => `${d.date} ${d.status}`);

describe("the first instant of a date in a zone", () => {
  const cases: [string, string, string, string][] = [
    // date, zone, first instant (UTC), local ISO time
    ["2026-03-08", LA, "2026-03-08T08:00:00.000Z", "2026-03-08T00:00:00-08:00"], // the 23-hour spring-forward day starts in PST
    ["2026-03-09", LA, "2026-03-09T07:00:00.000Z", "2026-03-09T00:00:00-07:00"], // the next one in PDT
    ["2026-04-06", AKL, "2026-04-05T12:00:00.000Z", "2026-04-06T00:00:00+12:00"], // after the 25-hour fall-back day
    ["2026-09-06", "America/Santiago", "2026-09-06T04:00:00.000Z", "2026-09-06T01:00:00-03:00"], // midnight does not exist: 01:00
    ["2026-03-02", "Pacific/Kiritimati", "2026-03-01T10:00:00.000Z", "2026-03-02T00:00:00+14:00"], // first zone of the world's day
    ["2026-03-02", "Pacific/Pago_Pago", "2026-03-02T11:00:00.000Z", "2026-03-02T00:00:00-11:00"], // one of the last
    ["2026-03-12", "Asia/Kathmandu", "2026-03-11T18:15:00.000Z", "2026-03-12T00:00:00+05:45"], // a quarter-hour offset
  ];
  for (const [date, tz, utc, local] of cases) {
    it(`starts ${date} in ${tz} at ${local}`, () => {
      const start = startOfDateIn(date, tz);
      assert.equal(start.toISOString(), utc);
      assert.equal(localIsoTime(start, tz), local);
    });
  }

  it("reads offsets east and west of UTC", () => {
    assert.equal(offsetMinutes(new Date("2026-07-01T00:00:00Z"), LA), -420);
    assert.equal(offsetMinutes(new Date("2026-01-01T00:00:00Z"), AKL), 780);
    assert.equal(offsetMinutes(new Date("2026-01-01T00:00:00Z"), "UTC"), 0);
  });
});

describe("the streak explained", () => {
  it("shows every date of a Los Angeles attempt over the spring-forward night, with today's deadline", () => {
    // 2026-03-10T06:30Z is 23:30 PDT on 03-09.
    const e = explain({ entries: run("2026-03-06", 4, LA), timezone: LA, startDate: "2026-03-06", now: new Date("2026-03-10T06:30:00Z") });
    assert.deepEqual(statuses(e), ["2026-03-06 COUNTED", "2026-03-07 COUNTED", "2026-03-08 COUNTED", "2026-03-09 COUNTED"]);
    assert.deepEqual(
      e.dates.map((d) => d.streak),
      [1, 2, 3, 4],
    );
    assert.equal(e.dates[0]!.reason, "Counted: 10 minutes logged, at least the daily minimum of 5.");
    assert.deepEqual(e.deadline, {
      date: "2026-03-09",
      timezone: LA,
      counted: true,
      endsAt: { local: "2026-03-10T00:00:00-07:00", utc: "2026-03-10T07:00:00.000Z" },
      lateUntil: { local: "2026-03-11T00:00:00-07:00", utc: "2026-03-11T07:00:00.000Z" },
    });
    assert.equal(e.broke, null);
  });

  it("gives the 23-hour spring-forward date its real end", () => {
    // 2026-03-08T10:30Z is 03:30 PDT on 03-08, just after the gap; nothing logged yet today.
    const e = explain({ entries: run("2026-03-06", 2, LA), timezone: LA, startDate: "2026-03-06", now: new Date("2026-03-08T10:30:00Z") });
    assert.equal(e.dates.at(-1)!.status, "OPEN");
    assert.equal(e.dates.at(-1)!.reason, "Today, still open: log at least 5 minutes before the date ends.");
    assert.deepEqual(e.deadline.endsAt, { local: "2026-03-09T00:00:00-07:00", utc: "2026-03-09T07:00:00.000Z" });
    assert.match(
      e.summary,
      /Today \(2026-03-08, America\/Los_Angeles\) is still open: log at least 5 minutes before 2026-03-09T00:00:00-07:00 \(2026-03-09T07:00:00.000Z\)/,
    );
  });

  it("gives the 25-hour fall-back date in Auckland its real end", () => {
    // 2026-04-05T11:59Z is 23:59 NZST on 04-05.
    const e = explain({ entries: run("2026-04-03", 2, AKL), timezone: AKL, startDate: "2026-04-03", now: new Date("2026-04-05T11:59:00Z") });
    assert.equal(e.today, "2026-04-05");
    assert.deepEqual(e.deadline.endsAt, { local: "2026-04-06T00:00:00+12:00", utc: "2026-04-05T12:00:00.000Z" });
    assert.equal(e.currentStreak, 2);
  });

  it("says when and why the attempt broke", () => {
    // 2026-03-11T07:00Z is midnight PDT: 03-10 is over without a log.
    const e = explain({ entries: run("2026-03-06", 4, LA), timezone: LA, startDate: "2026-03-06", now: new Date("2026-03-11T07:00:00Z") });
    assert.deepEqual(statuses(e).slice(-2), ["2026-03-10 MISSED", "2026-03-11 OPEN"]);
    assert.deepEqual(e.broke, {
      date: "2026-03-10",
      status: "MISSED",
      streakBefore: 4,
      reason: "Missed: the date passed with nothing logged. It ended a 4-day streak.",
    });
    assert.equal(e.status, "BROKEN");
    assert.equal(e.currentStreak, 0);
    assert.match(
      e.summary,
      /The attempt broke on 2026-03-10\. Missed: the date passed with nothing logged\. It ended a 4-day streak\. Restart with POST \/api\/v1\/me\/enrollments/,
    );
    assert.match(e.summary, /no streak freezes/);
  });

  it("tells a date below the minimum from a missed one, and today's partial minutes from both", () => {
    const entries = [...run("2026-03-01", 2, LA), { date: "2026-03-03", timezone: LA, minutes: 3 }, { date: "2026-03-04", timezone: LA, minutes: 2 }];
    // 2026-03-04T20:00Z is 12:00 PST on 03-04.
    const e = explain({ entries, timezone: LA, startDate: "2026-03-01", now: new Date("2026-03-04T20:00:00Z") });
    assert.deepEqual(statuses(e), ["2026-03-01 COUNTED", "2026-03-02 COUNTED", "2026-03-03 BELOW_MINIMUM", "2026-03-04 OPEN"]);
    assert.equal(e.dates[2]!.reason, "Missed: only 3 minutes logged, below the daily minimum of 5. It ended a 2-day streak.");
    assert.equal(e.dates[3]!.reason, "Today, still open: 2 minutes logged so far; 3 more to reach the daily minimum of 5.");
    assert.equal(e.broke!.status, "BELOW_MINIMUM");
  });

  it("keeps the zone of the last counted entry for today after a flight from Los Angeles to Auckland over the date line", () => {
    // 2026-03-11T20:00Z: 03-12 09:00 in Auckland, 03-11 13:00 in Los Angeles.
    const e = explain({ entries: run("2026-03-01", 10, LA), timezone: AKL, startDate: "2026-03-01", now: new Date("2026-03-11T20:00:00Z") });
    assert.equal(e.today, "2026-03-11");
    assert.equal(e.dates.at(-1)!.status, "OPEN");
    assert.equal(e.status, "ON_TRACK");
    assert.deepEqual(e.deadline, {
      date: "2026-03-11",
      timezone: LA,
      counted: false,
      endsAt: { local: "2026-03-12T00:00:00-07:00", utc: "2026-03-12T07:00:00.000Z" },
      // Logging is checked in the learner's current zone: 03-11 stays loggable through 03-12 in Auckland.
      lateUntil: { local: "2026-03-13T00:00:00+13:00", utc: "2026-03-12T11:00:00.000Z" },
    });
  });

  it("shows a date logged after enrolling but before the attempt's start as BEFORE_ENROLMENT", () => {
    const enrolledAt = new Date("2026-03-05T18:00:00Z");
    const entries: LoggedDate[] = [
      { date: "2026-03-02", timezone: LA, minutes: 30, loggedAt: new Date("2026-03-02T18:00:00Z") }, // an earlier attempt: not shown
      { date: "2026-03-04", timezone: LA, minutes: 20, loggedAt: new Date("2026-03-05T18:30:00Z") }, // yesterday, logged after enrolling
      { date: "2026-03-05", timezone: LA, minutes: 20, loggedAt: new Date("2026-03-05T18:31:00Z") },
    ];
    const e = explain({ entries, timezone: LA, startDate: "2026-03-05", enrolledAt, now: new Date("2026-03-05T20:00:00Z") });
    assert.deepEqual(statuses(e), ["2026-03-04 BEFORE_ENROLMENT", "2026-03-05 COUNTED"]);
    assert.equal(e.dates[0]!.reason, "Before this attempt: 20 minutes logged, but the attempt started on 2026-03-05, so the date counts for no attempt.");
    assert.equal(e.currentStreak, 1);
  });

  it("agrees with the stats on streaks and status for every prefix of a mixed log", () => {
    const entries = [...run("2026-03-01", 3, LA), ...run("2026-03-05", 5, LA, 4), ...run("2026-03-11", 2, LA)];
    for (let h = 0; h < 14 * 24; h += 7) {
      const now = new Date(Date.parse("2026-03-01T08:00:00Z") + h * 3_600_000);
      const e = explain({ entries, timezone: LA, startDate: "2026-03-01", now });
      const counted = e.dates.filter((d) => d.status === "COUNTED").length;
      assert.equal(Math.max(0, ...e.dates.map((d) => d.streak)), e.longestStreak, now.toISOString());
      assert.ok(counted >= e.longestStreak);
      assert.equal(e.dates.at(-1)!.date >= e.today, true);
    }
  });
});
