import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { addDays, dateIn, isIsoDate, isValidTimeZone } from "../../src/modules/progress/calendar.ts";
import { computeStreak, nextLesson, type LoggedDate } from "../../src/modules/progress/streak.ts";
import { shareText } from "../../src/modules/progress/shareText.ts";

const LA = "America/Los_Angeles";
const AKL = "Pacific/Auckland";

/** Consecutive dates from `from`, `n` of them, logged in `tz` with `minutes`. */
function run(from: string, n: number, tz: string, minutes = 10): LoggedDate[] {
  return Array.from({ length: n }, (_, i) => ({ date: addDays(from, i), timezone: tz, minutes }));
}

describe("calendar dates in time zones", () => {
  const cases: [string, string, string][] = [
    // instant (UTC), zone, expected local date
    ["2026-03-08T07:30:00Z", LA, "2026-03-07"], // 23:30 PST, just before midnight local, after midnight UTC
    ["2026-03-08T08:30:00Z", LA, "2026-03-08"], // 00:30 PST
    ["2026-03-08T09:59:00Z", LA, "2026-03-08"], // 01:59 PST, a minute before the spring-forward gap
    ["2026-03-08T10:00:00Z", LA, "2026-03-08"], // 03:00 PDT
    ["2026-03-09T06:59:00Z", LA, "2026-03-08"], // 23:59 PDT: the 23-hour day is still 03-08
    ["2026-03-09T07:00:00Z", LA, "2026-03-09"],
    ["2026-03-07T10:30:00Z", AKL, "2026-03-07"], // 23:30 NZDT
    ["2026-03-07T11:30:00Z", AKL, "2026-03-08"], // 00:30 NZDT, still 03-07 in UTC
    ["2026-04-04T13:30:00Z", AKL, "2026-04-05"], // 02:30 NZDT, first pass
    ["2026-04-04T14:30:00Z", AKL, "2026-04-05"], // 02:30 NZST, second pass after fall-back
    ["2026-04-05T11:59:00Z", AKL, "2026-04-05"], // 23:59 NZST: the 25-hour day
    ["2026-04-05T12:00:00Z", AKL, "2026-04-06"],
  ];
  for (const [instant, tz, expected] of cases) {
    it(`puts ${instant} on ${expected} in ${tz}`, () => assert.equal(dateIn(new Date(instant), tz), expected));
  }

  it("accepts IANA zones and rejects made-up ones", () => {
    assert.equal(isValidTimeZone(AKL), true);
    assert.equal(isValidTimeZone("UTC"), true);
    assert.equal(isValidTimeZone("Mars/Olympus_Mons"), false);
    assert.equal(isValidTimeZone(""), false);
  });

  it("accepts only real ISO dates", () => {
    assert.equal(isIsoDate("2028-02-29"), true);
    assert.equal(isIsoDate("2026-02-29"), false);
    assert.equal(isIsoDate("2026-3-1"), false);
  });

  it("adds days across a DST change without drifting", () => {
    assert.equal(addDays("2026-03-07", 2), "2026-03-09");
    assert.equal(addDays("2026-04-04", 2), "2026-04-06");
    assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  });
});

describe("streak rules", () => {
  const base = { goalDays: 66, minMinutes: 5 };

  it("keeps a Los Angeles streak alive across the spring-forward night", () => {
    const entries = run("2026-03-06", 4, LA); // 03-06 .. 03-09
    const lateOn9th = computeStreak({ ...base, entries, timezone: LA, startDate: "2026-03-06", now: new Date("2026-03-10T06:30:00Z") });
    assert.equal(lateOn9th.today, "2026-03-09");
    assert.equal(lateOn9th.currentStreak, 4);
    assert.equal(lateOn9th.status, "ON_TRACK");
    const earlyOn10th = computeStreak({ ...base, entries, timezone: LA, startDate: "2026-03-06", now: new Date("2026-03-10T07:30:00Z") });
    assert.equal(earlyOn10th.today, "2026-03-10");
    assert.equal(earlyOn10th.currentStreak, 4, "yesterday was logged, so the streak is alive");
    assert.deepEqual(earlyOn10th.missedDates, []);
  });

  it("breaks the streak once a whole local date passes without a log", () => {
    const entries = run("2026-03-06", 4, LA);
    const s = computeStreak({ ...base, entries, timezone: LA, startDate: "2026-03-06", now: new Date("2026-03-11T07:30:00Z") });
    assert.equal(s.today, "2026-03-11");
    assert.equal(s.currentStreak, 0);
    assert.equal(s.longestStreak, 4);
    assert.deepEqual(s.missedDates, ["2026-03-10"]);
    assert.equal(s.status, "BROKEN");
  });

  it("counts an Auckland learner's dates across the fall-back night and around midnight UTC", () => {
    const entries = run("2026-04-03", 4, AKL); // 04-03 .. 04-06
    // 2026-04-06T11:30Z is 23:30 NZST on 04-06 (already 04-06 in UTC too); 12:30Z is 00:30 on 04-07.
    const before = computeStreak({ ...base, entries, timezone: AKL, startDate: "2026-04-03", now: new Date("2026-04-06T11:30:00Z") });
    assert.equal(before.today, "2026-04-06");
    assert.equal(before.currentStreak, 4);
    const after = computeStreak({ ...base, entries, timezone: AKL, startDate: "2026-04-03", now: new Date("2026-04-07T12:30:00Z") });
    assert.equal(after.today, "2026-04-08");
    assert.equal(after.currentStreak, 0);
    assert.deepEqual(after.missedDates, ["2026-04-07"]);
  });

  it("does not count minutes below the challenge minimum but keeps them in the heatmap", () => {
    const entries = [...run("2026-03-01", 2, LA), { date: "2026-03-03", timezone: LA, minutes: 3 }];
    const s = computeStreak({ ...base, entries, timezone: LA, startDate: "2026-03-01", now: new Date("2026-03-04T20:00:00Z") });
    assert.equal(s.daysLogged, 2);
    assert.equal(s.currentStreak, 0);
    assert.deepEqual(s.missedDates, ["2026-03-03"]);
    assert.deepEqual(
      s.heatmap.map((c) => [c.date, c.minutes, c.counted]),
      [
        ["2026-03-01", 10, true],
        ["2026-03-02", 10, true],
        ["2026-03-03", 3, false],
      ],
    );
  });

  it("does not break the streak of a learner who flies from Auckland to Los Angeles", () => {
    const entries = run("2026-03-01", 10, AKL); // last logged 03-10 in Auckland
    // 2026-03-10T20:00Z: 03-11 09:00 in Auckland, 03-10 13:00 in Los Angeles.
    const s = computeStreak({ ...base, entries, timezone: LA, startDate: "2026-03-01", now: new Date("2026-03-10T20:00:00Z") });
    assert.equal(s.today, "2026-03-10");
    assert.equal(s.currentStreak, 10);
    assert.deepEqual(s.missedDates, []);
    assert.equal(s.lastLoggedDate, "2026-03-10", "the closed Auckland date is kept as logged");
  });

  it("does not break the streak of a learner who flies from Los Angeles to Auckland over the date line", () => {
    const entries = run("2026-03-01", 10, LA); // last logged 03-10 in Los Angeles
    // 2026-03-11T20:00Z: 03-12 09:00 in Auckland, 03-11 13:00 in Los Angeles: 03-11 was skipped by the flight.
    const s = computeStreak({ ...base, entries, timezone: AKL, startDate: "2026-03-01", now: new Date("2026-03-11T20:00:00Z") });
    assert.equal(s.today, "2026-03-11");
    assert.equal(s.currentStreak, 10);
    assert.equal(s.status, "ON_TRACK");
    // Once they log 03-11 from Auckland (yesterday there, within grace), the run continues.
    const later = computeStreak({
      ...base,
      entries: [...entries, { date: "2026-03-11", timezone: AKL, minutes: 7 }],
      timezone: AKL,
      startDate: "2026-03-01",
      now: new Date("2026-03-11T21:00:00Z"),
    });
    assert.equal(later.today, "2026-03-12");
    assert.equal(later.currentStreak, 11);
  });

  it("counts only dates of the current attempt after a restart", () => {
    const entries = [...run("2026-02-01", 5, LA), ...run("2026-02-10", 3, LA)];
    const s = computeStreak({ ...base, entries, timezone: LA, startDate: "2026-02-10", now: new Date("2026-02-12T20:00:00Z") });
    assert.equal(s.daysLogged, 3);
    assert.equal(s.longestStreak, 3);
    assert.equal(s.currentStreak, 3);
    assert.equal(s.heatmap.length, 3);
  });

  it("treats a fresh enrolment with nothing logged today as on track", () => {
    const s = computeStreak({ ...base, entries: [], timezone: LA, startDate: "2026-03-01", now: new Date("2026-03-01T20:00:00Z") });
    assert.deepEqual([s.currentStreak, s.daysLogged, s.missedDates.length, s.status, s.percentComplete], [0, 0, 0, "ON_TRACK", 0]);
  });

  it("completes after goalDays counted dates in a row", () => {
    const entries = run("2026-01-01", 66, LA);
    const s = computeStreak({ ...base, entries, timezone: LA, startDate: "2026-01-01", now: new Date("2026-03-07T20:00:00Z") });
    assert.equal(s.longestStreak, 66);
    assert.equal(s.status, "COMPLETED");
    assert.equal(s.percentComplete, 100);
  });

  it("computes the percentage from counted dates with one decimal", () => {
    const s = computeStreak({ ...base, entries: run("2026-03-01", 7, LA), timezone: LA, startDate: "2026-03-01", now: new Date("2026-03-07T20:00:00Z") });
    assert.equal(s.percentComplete, 10.6); // 7/66
  });

  it("finds the longest of several runs", () => {
    const entries = [...run("2026-03-01", 3, LA), ...run("2026-03-05", 5, LA), ...run("2026-03-11", 2, LA)];
    const s = computeStreak({ ...base, entries, timezone: LA, startDate: "2026-03-01", now: new Date("2026-03-12T20:00:00Z") });
    assert.deepEqual([s.longestStreak, s.currentStreak], [5, 2]);
    assert.deepEqual(s.missedDates, ["2026-03-04", "2026-03-10"]);
  });
});

describe("next lesson", () => {
  it("is the first day of the order that is neither done nor skipped", () => {
    assert.equal(nextLesson([1, 2, 3, 4], new Set([1, 2])), 3);
    assert.equal(nextLesson([3, 1, 2], new Set([3])), 1);
    assert.equal(nextLesson([1, 2], new Set([1, 2])), null);
  });
});

describe("share text", () => {
  const input = { dayNumber: 14, hashtag: "#66DaysOfK8s", hashtags: ["#kubernetes", "learning"], learned: "How Services route to Pods.", minutes: 20 };

  it("names the day, the challenge and its hashtags", () => {
    const p = shareText(input);
    assert.equal(p.text, "Day 14 of #66DaysOfK8s: How Services route to Pods. #kubernetes #learning");
    assert.equal(p.short, p.text);
  });

  it("shortens a long text to the limit while keeping the day and the hashtags", () => {
    const p = shareText({ ...input, learned: "word ".repeat(200) });
    assert.ok([...p.short].length <= 280, `length ${[...p.short].length}`);
    assert.match(p.short, /^Day 14 of #66DaysOfK8s: word/);
    assert.match(p.short, /… #kubernetes #learning$/);
    assert.ok(p.text.length > 280);
  });
});
