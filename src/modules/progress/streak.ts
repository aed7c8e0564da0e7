/**
 * The streak rules of the challenge, as pure functions of a learner's log, an
 * enrolment and "now". No database, no clock: everything is passed in, so the
 * rules are table-tested across time zones and daylight-saving changes.
 *
 * Rules:
 * - Each log entry is a calendar date in the zone it was logged in; that date is
 *   never recomputed, so changing zone (travel) rewrites no closed day.
 * - An entry counts when its minutes reach the challenge minimum.
 * - "Today" is the date in the learner's current zone, but when the last counted
 *   entry was made in another zone the earlier of the two dates is used: flying
 *   east over the date line can then not break a streak by skipping a date.
 * - The current streak is alive while the last counted date is today or yesterday.
 * - A date of the goal window that is over (before today) without a counted entry
 *   is missed; one miss makes the attempt BROKEN; a run of `goalDays` counted
 *   dates makes it COMPLETED.
 */
import { addDays, dateIn, daysBetween } from "./calendar.ts";

/** One logged date as the streak rules see it. */
export interface LoggedDate {
  date: string;
  timezone: string;
  minutes: number;
}

export interface StreakInput {
  entries: LoggedDate[];
  now: Date;
  /** The learner's current IANA zone. */
  timezone: string;
  /** First date of the enrolment (ISO, in the zone the learner had when enrolling). */
  startDate: string;
  goalDays: number;
  minMinutes: number;
}

export type ChallengeStatus = "ON_TRACK" | "BROKEN" | "COMPLETED";

/** One cell of the heatmap. */
export interface HeatmapCell {
  date: string;
  minutes: number;
  /** Minutes reached the challenge minimum. */
  counted: boolean;
}

export interface StreakStats {
  /** The date the rules treat as today. */
  today: string;
  currentStreak: number;
  longestStreak: number;
  /** Counted dates since the start of the enrolment. */
  daysLogged: number;
  /** Dates of the goal window that are over and have no counted entry, oldest first. */
  missedDates: string[];
  /** daysLogged / goalDays in percent, one decimal, at most 100. */
  percentComplete: number;
  status: ChallengeStatus;
  lastLoggedDate: string | null;
  heatmap: HeatmapCell[];
}

/** Computes streaks and status for one enrolment. */
export function computeStreak(input: StreakInput): StreakStats {
  const { startDate, goalDays, minMinutes } = input;
  const inWindow = input.entries.filter((e) => e.date >= startDate).sort((a, b) => a.date.localeCompare(b.date));
  const countedEntries = inWindow.filter((e) => e.minutes >= minMinutes);
  const counted = [...new Set(countedEntries.map((e) => e.date))];
  const last = countedEntries.at(-1);

  let today = dateIn(input.now, input.timezone);
  if (last && last.timezone !== input.timezone) {
    const inLastZone = dateIn(input.now, last.timezone);
    if (inLastZone < today) today = inLastZone;
  }
  const yesterday = addDays(today, -1);

  const runs = runsOf(counted);
  const longestStreak = Math.max(0, ...runs.map((r) => r.length));
  const lastRun = runs.at(-1);
  const currentStreak = lastRun && lastRun.end >= yesterday ? lastRun.length : 0;

  const countedSet = new Set(counted);
  const missedDates: string[] = [];
  const windowEnd = addDays(startDate, goalDays - 1);
  const missedUntil = yesterday < windowEnd ? yesterday : windowEnd;
  for (let d = startDate; d <= missedUntil; d = addDays(d, 1)) {
    if (!countedSet.has(d)) missedDates.push(d);
  }

  const daysLogged = counted.length;
  const status: ChallengeStatus = longestStreak >= goalDays ? "COMPLETED" : missedDates.length > 0 ? "BROKEN" : "ON_TRACK";
  return {
    today,
    currentStreak,
    longestStreak,
    daysLogged,
    missedDates: status === "COMPLETED" ? [] : missedDates,
    percentComplete: Math.round((Math.min(daysLogged, goalDays) / goalDays) * 1000) / 10,
    status,
    lastLoggedDate: last?.date ?? null,
    heatmap: inWindow.map((e) => ({ date: e.date, minutes: e.minutes, counted: e.minutes >= minMinutes })),
  };
}

/** Runs of consecutive dates in a sorted, duplicate-free list. */
function runsOf(dates: string[]): { end: string; length: number }[] {
  const runs: { end: string; length: number }[] = [];
  for (const d of dates) {
    const cur = runs.at(-1);
    if (cur && daysBetween(cur.end, d) === 1) {
      cur.end = d;
      cur.length++;
    } else runs.push({ end: d, length: 1 });
  }
  return runs;
}

/**
 * The next lesson to study: the first day of `order` (chronological day numbers or
 * a learning path's steps) that is neither done nor skipped; null when all are.
 */
export function nextLesson(order: number[], finished: ReadonlySet<number>): number | null {
  return order.find((n) => !finished.has(n)) ?? null;
}
