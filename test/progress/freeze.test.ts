import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { addDays } from "../../src/modules/progress/calendar.ts";
import { computeStreak, type LoggedDate, type StreakInput } from "../../src/modules/progress/streak.ts";
import { explainStreak } from "../../src/modules/progress/streakExplanation.ts";
import { FreezeBank } from "../../src/modules/progress/freeze.ts";

const LA = "America/Los_Angeles";
const AKL = "Pacific/Auckland";
const weekly = { everyCountedDays: 7, maxBanked: 2 };

/** Dates from `from` to `to` inclusive, logged in `tz`, except those in `skip`. */
function logged(from: string, to: string, tz: string, skip: string[] = [], minutes = 10): LoggedDate[] {
  const out: LoggedDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!skip.includes(d)) out.push({ date: d, timezone: tz, minutes });
  return out;
}

const base = { goalDays: 66, minMinutes: 5 };

describe("the freeze bank", () => {
  it("earns one freeze per 7 counted dates, keeps at most 2 and spends them one by one", () => {
    const bank = new FreezeBank(weekly);
    const results = Array.from({ length: 21 }, () => bank.countedDate());
    assert.deepEqual(results.map((r, i) => (r === "NONE" ? null : `${i + 1}:${r}`)).filter(Boolean), ["7:EARNED", "14:EARNED", "21:BANK_FULL"]);
    assert.deepEqual([bank.cover(), bank.cover(), bank.cover()], [true, true, false]);
    assert.deepEqual(bank.totals(), { earned: 2, used: 2, banked: 0 });
  });

  it("hands out nothing when either setting is 0", () => {
    for (const policy of [
      { everyCountedDays: 0, maxBanked: 2 },
      { everyCountedDays: 7, maxBanked: 0 },
    ]) {
      const bank = new FreezeBank(policy);
      for (let i = 0; i < 30; i++) bank.countedDate();
      assert.equal(bank.cover(), false);
      assert.deepEqual(bank.totals(), { earned: 0, used: 0, banked: 0 });
    }
  });
});

/**
 * Each row: a learner's zone and log, the instant "now", and what the rules must answer.
 * Figures worked out by hand; comments give the local time of each instant.
 */
const table: {
  name: string;
  input: Omit<StreakInput, "goalDays" | "minMinutes"> & Partial<StreakInput>;
  expect: { today: string; current: number; longest: number; missed: string[]; status: string; frozen: string[]; freezes: [number, number, number] };
}[] = [
  {
    name: "a freeze earned in the first week covers the Los Angeles spring-forward date",
    // Logged 03-01..03-07 (7 counted → 1 freeze), skipped 03-08 (the 23-hour day), logged 03-09..03-10.
    // 2026-03-11T06:00Z is 23:00 PDT on 03-10.
    input: {
      entries: logged("2026-03-01", "2026-03-10", LA, ["2026-03-08"]),
      timezone: LA,
      startDate: "2026-03-01",
      now: new Date("2026-03-11T06:00:00Z"),
      freeze: weekly,
    },
    expect: { today: "2026-03-10", current: 9, longest: 9, missed: [], status: "ON_TRACK", frozen: ["2026-03-08"], freezes: [1, 1, 0] },
  },
  {
    name: "the same log without freezes breaks on the spring-forward date",
    input: { entries: logged("2026-03-01", "2026-03-10", LA, ["2026-03-08"]), timezone: LA, startDate: "2026-03-01", now: new Date("2026-03-11T06:00:00Z") },
    expect: { today: "2026-03-10", current: 2, longest: 7, missed: ["2026-03-08"], status: "BROKEN", frozen: [], freezes: [0, 0, 0] },
  },
  {
    name: "a miss before the seventh counted date is not covered: freezes are earned, not lent",
    input: {
      entries: logged("2026-03-01", "2026-03-10", LA, ["2026-03-04"]),
      timezone: LA,
      startDate: "2026-03-01",
      now: new Date("2026-03-11T06:00:00Z"),
      freeze: weekly,
    },
    // The 7th counted date (03-08) earns a freeze after the miss: it stays banked.
    expect: { today: "2026-03-10", current: 6, longest: 6, missed: ["2026-03-04"], status: "BROKEN", frozen: [], freezes: [1, 0, 1] },
  },
  {
    name: "two misses in a row with one freeze banked: the first is frozen, the second breaks",
    input: {
      entries: logged("2026-03-01", "2026-03-12", LA, ["2026-03-08", "2026-03-09"]),
      timezone: LA,
      startDate: "2026-03-01",
      now: new Date("2026-03-12T20:00:00Z"),
      freeze: weekly,
    },
    expect: { today: "2026-03-12", current: 3, longest: 7, missed: ["2026-03-09"], status: "BROKEN", frozen: ["2026-03-08"], freezes: [1, 1, 0] },
  },
  {
    name: "a date below the minimum is frozen like a missed one",
    input: {
      entries: [...logged("2026-03-01", "2026-03-10", LA, ["2026-03-08"]), { date: "2026-03-08", timezone: LA, minutes: 2 }],
      timezone: LA,
      startDate: "2026-03-01",
      now: new Date("2026-03-10T20:00:00Z"),
      freeze: weekly,
    },
    expect: { today: "2026-03-10", current: 9, longest: 9, missed: [], status: "ON_TRACK", frozen: ["2026-03-08"], freezes: [1, 1, 0] },
  },
  {
    name: "today is never frozen, even with freezes banked, until it is over",
    // 21 counted dates 03-01..03-21 → 2 banked (the third is lost, the bank is full); 03-22 at 23:59 PDT still open.
    input: { entries: logged("2026-03-01", "2026-03-21", LA), timezone: LA, startDate: "2026-03-01", now: new Date("2026-03-23T06:59:00Z"), freeze: weekly },
    expect: { today: "2026-03-22", current: 21, longest: 21, missed: [], status: "ON_TRACK", frozen: [], freezes: [2, 0, 2] },
  },
  {
    name: "a minute later the open date is over and a freeze covers it",
    input: { entries: logged("2026-03-01", "2026-03-21", LA), timezone: LA, startDate: "2026-03-01", now: new Date("2026-03-23T07:00:00Z"), freeze: weekly },
    expect: { today: "2026-03-23", current: 21, longest: 21, missed: [], status: "ON_TRACK", frozen: ["2026-03-22"], freezes: [2, 1, 1] },
  },
  {
    name: "three dates away with two banked: two frozen, the third breaks",
    input: { entries: logged("2026-03-01", "2026-03-21", LA), timezone: LA, startDate: "2026-03-01", now: new Date("2026-03-25T19:00:00Z"), freeze: weekly },
    expect: {
      today: "2026-03-25",
      current: 0,
      longest: 21,
      missed: ["2026-03-24"],
      status: "BROKEN",
      frozen: ["2026-03-22", "2026-03-23"],
      freezes: [2, 2, 0],
    },
  },
  {
    name: "an Auckland learner's freeze covers the 25-hour fall-back date",
    // Logged 03-29..04-04 (7 → 1 freeze), skipped 04-05 (NZDT→NZST), logged 04-06.
    // 2026-04-06T11:30Z is 23:30 NZST on 04-06.
    input: {
      entries: logged("2026-03-29", "2026-04-06", AKL, ["2026-04-05"]),
      timezone: AKL,
      startDate: "2026-03-29",
      now: new Date("2026-04-06T11:30:00Z"),
      freeze: weekly,
    },
    expect: { today: "2026-04-06", current: 8, longest: 8, missed: [], status: "ON_TRACK", frozen: ["2026-04-05"], freezes: [1, 1, 0] },
  },
  {
    name: "a flight from Auckland to Los Angeles spends no freeze on the date the clock repeats",
    // Logged 03-01..03-10 in Auckland; at 2026-03-10T20:00Z it is 03-11 in Auckland, 03-10 in Los Angeles.
    input: { entries: logged("2026-03-01", "2026-03-10", AKL), timezone: LA, startDate: "2026-03-01", now: new Date("2026-03-10T20:00:00Z"), freeze: weekly },
    expect: { today: "2026-03-10", current: 10, longest: 10, missed: [], status: "ON_TRACK", frozen: [], freezes: [1, 0, 1] },
  },
  {
    name: "frozen dates stretch the goal window: 10 counted dates around a frozen one complete a 10-date goal",
    input: {
      entries: logged("2026-03-01", "2026-03-11", LA, ["2026-03-08"]),
      timezone: LA,
      startDate: "2026-03-01",
      now: new Date("2026-03-12T20:00:00Z"),
      freeze: weekly,
      goalDays: 10,
    },
    expect: { today: "2026-03-12", current: 10, longest: 10, missed: [], status: "COMPLETED", frozen: ["2026-03-08"], freezes: [1, 1, 0] },
  },
];

describe("streaks with freezes across time zones and DST", () => {
  for (const row of table) {
    it(row.name, () => {
      const input = { ...base, ...row.input };
      const s = computeStreak(input);
      const frozen = s.heatmap.filter((c) => c.status === "FROZEN").map((c) => c.date);
      assert.deepEqual(
        {
          today: s.today,
          current: s.currentStreak,
          longest: s.longestStreak,
          missed: s.missedDates,
          status: s.status,
          frozen,
          freezes: [s.freezes.earned, s.freezes.used, s.freezes.banked],
        },
        row.expect,
      );
      const e = explainStreak({ ...input, graceDays: 1 });
      assert.deepEqual(
        e.dates.filter((d) => d.status === "FROZEN").map((d) => d.date),
        row.expect.frozen,
        "the explanation shows the same frozen dates",
      );
      assert.equal(e.currentStreak, row.expect.current);
    });
  }

  it("explains a frozen date and the freeze earned before it", () => {
    const e = explainStreak({
      ...base,
      graceDays: 1,
      entries: logged("2026-03-01", "2026-03-10", LA, ["2026-03-08"]),
      timezone: LA,
      startDate: "2026-03-01",
      now: new Date("2026-03-11T06:00:00Z"),
      freeze: weekly,
    });
    const byDate = new Map(e.dates.map((d) => [d.date, d]));
    assert.equal(
      byDate.get("2026-03-07")!.reason,
      "Counted: 10 minutes logged, at least the daily minimum of 5. Earned a streak freeze (one per 7 counted dates; 1 banked).",
    );
    assert.equal(
      byDate.get("2026-03-08")!.reason,
      "Frozen: nothing logged, so a banked streak freeze covered the date (0 left). The streak goes on; the date does not add to it.",
    );
    assert.equal(byDate.get("2026-03-08")!.streak, 7, "a frozen date keeps the streak without adding to it");
    assert.match(e.summary, /Freezes: 0 banked of at most 2 \(earned 1, used 1; one per 7 counted dates\)\./);
  });

  it("gives the freeze back when the missed date is logged late", () => {
    const input = {
      ...base,
      entries: logged("2026-03-01", "2026-03-09", LA, ["2026-03-08"]),
      timezone: LA,
      startDate: "2026-03-01",
      now: new Date("2026-03-09T20:00:00Z"),
      freeze: weekly,
    };
    assert.deepEqual(computeStreak(input).freezes, { earned: 1, used: 1, banked: 0 });
    const late = computeStreak({ ...input, entries: [...input.entries, { date: "2026-03-08", timezone: LA, minutes: 10 }] });
    assert.deepEqual(late.freezes, { earned: 1, used: 0, banked: 1 });
    assert.equal(late.currentStreak, 9);
  });
});
