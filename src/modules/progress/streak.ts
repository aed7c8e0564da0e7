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
 * - With a freeze policy (freeze.ts) a banked freeze covers a missed date: the date
 *   is FROZEN, the run goes on across it without growing, and it is not missed. The
 *   goal window then grows by one date per frozen date. Every date's status comes
 *   from one walk (attemptDates.ts), shared with the explanation.
 */
import { dateIn } from "./calendar.ts";
import { isMiss, walkAttempt, type AttemptWalk, type DateStatus } from "./attemptDates.ts";
import type { FreezeCount, FreezePolicy } from "./freeze.ts";

/** One logged date as the streak rules see it. */
export interface LoggedDate {
  date: string;
  timezone: string;
  minutes: number;
  /** When the entry was first made (only the explanation's BEFORE_ENROLMENT dates need it). */
  loggedAt?: Date | undefined;
}

/** What the streak rules need: the log, now, the zone, the attempt and the challenge's rules. */
export interface StreakInput {
  entries: LoggedDate[];
  now: Date;
  /** The learner's current IANA zone. */
  timezone: string;
  /** First date of the enrolment (ISO, in the zone the learner had when enrolling). */
  startDate: string;
  goalDays: number;
  minMinutes: number;
  /** The challenge's freeze policy; absent = strict (no freezes). */
  freeze?: FreezePolicy | undefined;
  /** When the learner enrolled in this attempt (for BEFORE_ENROLMENT dates). */
  enrolledAt?: Date | undefined;
}

/** Where an attempt stands. */
export type ChallengeStatus = "ON_TRACK" | "BROKEN" | "COMPLETED";

/** One cell of the heatmap: a logged date of the attempt, or a date a freeze covered. */
export interface HeatmapCell {
  date: string;
  minutes: number;
  /** Minutes reached the challenge minimum. */
  counted: boolean;
  /** The date's status (attemptDates.ts): COUNTED, BELOW_MINIMUM, FROZEN, OPEN … */
  status: DateStatus;
}

/** The streak figures of an attempt. */
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
  /** Freezes earned, used and banked in this attempt (all 0 when the challenge has none). */
  freezes: FreezeCount;
}

/** Computes streaks and status for one enrolment. */
export function computeStreak(input: StreakInput): StreakStats {
  return streakOf(input).stats;
}

/** The date the rules treat as today (see the rules above). */
export function rulesToday(input: Pick<StreakInput, "entries" | "now" | "timezone" | "startDate" | "minMinutes">): { today: string; zone: string } {
  const last = input.entries
    .filter((e) => e.date >= input.startDate && e.minutes >= input.minMinutes)
    .reduce<LoggedDate | undefined>((a, e) => (!a || e.date > a.date ? e : a), undefined);
  const today = dateIn(input.now, input.timezone);
  if (last && last.timezone !== input.timezone) {
    const inLastZone = dateIn(input.now, last.timezone);
    if (inLastZone < today) return { today: inLastZone, zone: last.timezone };
  }
  return { today, zone: input.timezone };
}

/** Streak numbers and the walk they come from (for the explanation). */
export function streakOf(input: StreakInput): { stats: StreakStats; walk: AttemptWalk; todayZone: string } {
  const { startDate, goalDays, minMinutes } = input;
  const inWindow = input.entries.filter((e) => e.date >= startDate).sort((a, b) => a.date.localeCompare(b.date));
  const countedEntries = inWindow.filter((e) => e.minutes >= minMinutes);
  const last = countedEntries.at(-1);
  const { today, zone } = rulesToday(input);

  const walk = walkAttempt({ entries: input.entries, startDate, today, minMinutes, freeze: input.freeze, enrolledAt: input.enrolledAt });
  const attempt = walk.dates.filter((d) => d.status !== "BEFORE_ENROLMENT");

  // Runs of counted dates; frozen dates bridge a run without growing it, a miss ends it.
  let longestStreak = 0;
  let run = 0;
  const missedDates: string[] = [];
  let slots = 0; // dates of the goal window seen so far (frozen dates take none)
  for (const d of attempt) {
    if (d.status === "COUNTED") run++;
    else if (isMiss(d.status)) run = 0;
    longestStreak = Math.max(longestStreak, run);
    if (d.status === "FROZEN") continue;
    if (slots < goalDays && isMiss(d.status)) missedDates.push(d.date);
    slots++;
  }
  const currentStreak = run;

  const daysLogged = countedEntries.length;
  const status: ChallengeStatus = longestStreak >= goalDays ? "COMPLETED" : missedDates.length > 0 ? "BROKEN" : "ON_TRACK";
  const statusOf = new Map(attempt.map((d) => [d.date, d.status]));
  const heatmap: HeatmapCell[] = attempt
    .filter((d) => d.minutes !== null || d.status === "FROZEN")
    .map((d) => ({ date: d.date, minutes: d.minutes ?? 0, counted: (d.minutes ?? 0) >= minMinutes, status: statusOf.get(d.date)! }));
  const stats: StreakStats = {
    today,
    currentStreak,
    longestStreak,
    daysLogged,
    missedDates: status === "COMPLETED" ? [] : missedDates,
    percentComplete: Math.round((Math.min(daysLogged, goalDays) / goalDays) * 1000) / 10,
    status,
    lastLoggedDate: last?.date ?? null,
    heatmap,
    freezes: walk.freezes,
  };
  return { stats, walk, todayZone: zone };
}

/**
 * The next lesson to study: the first day of `order` (chronological day numbers or
 * a learning path's steps) that is neither done nor skipped; null when all are.
 */
export function nextLesson(order: number[], finished: ReadonlySet<number>): number | null {
  return order.find((n) => !finished.has(n)) ?? null;
}
