/**
 * Every date of an attempt with its status, in date order: the one walk that the
 * streak numbers (streak.ts) and the explanation (streakExplanation.ts) share, so
 * they can never disagree. Pure: dates in, dates out.
 *
 * Statuses:
 * - COUNTED: an entry with at least the daily minimum.
 * - BELOW_MINIMUM: a date that is over with an entry under the minimum — missed.
 * - MISSED: a date that is over with no entry.
 * - FROZEN: a BELOW_MINIMUM or MISSED date covered by a banked freeze (freeze.ts).
 * - OPEN: today (or, after a flight over the date line, a date after the rules'
 *   today) without a counted entry yet: nothing is decided.
 * - BEFORE_ENROLMENT: a date before the attempt's start that was logged after the
 *   learner enrolled (yesterday, within the grace period): it belongs to no attempt.
 */
import { addDays } from "./calendar.ts";
import { FreezeBank, strictPolicy, type EarnResult, type FreezeCount, type FreezePolicy } from "./freeze.ts";

/** Status of one date of an attempt. */
export type DateStatus = "COUNTED" | "BELOW_MINIMUM" | "MISSED" | "FROZEN" | "OPEN" | "BEFORE_ENROLMENT";

/** All statuses, in the order the API documents them. */
export const dateStatuses: readonly DateStatus[] = ["COUNTED", "BELOW_MINIMUM", "MISSED", "FROZEN", "OPEN", "BEFORE_ENROLMENT"];

/**
 * True when an entry belongs to no attempt: dated before the attempt's start but logged
 * after enrolling (the grace period allows yesterday). An entry of an earlier attempt,
 * logged while that attempt ran, is not one of these.
 */
export function loggedBeforeAttempt(entry: { date: string; loggedAt?: Date | undefined }, startDate: string, enrolledAt: Date | undefined): boolean {
  return !!enrolledAt && entry.date < startDate && !!entry.loggedAt && entry.loggedAt.getTime() >= enrolledAt.getTime();
}

/** Why a log entry counts or not: the DateStatus values a single entry can have. */
export type CountedReason = Extract<DateStatus, "COUNTED" | "BELOW_MINIMUM" | "BEFORE_ENROLMENT">;

/**
 * Why one log entry counts or not, by the rules of the walk below: BEFORE_ENROLMENT when
 * it belongs to no attempt (see loggedBeforeAttempt), else COUNTED from the daily
 * minimum, else BELOW_MINIMUM (for today too: more minutes can still make it count).
 * @example countedReasonOf({ date: "2026-03-01", minutes: 20 }, 5, { startDate: "2026-03-01" }) // "COUNTED"
 */
export function countedReasonOf(
  entry: { date: string; minutes: number; loggedAt?: Date | undefined },
  minMinutes: number,
  attempt: { startDate: string; enrolledAt?: Date | undefined } | null,
): CountedReason {
  if (attempt && loggedBeforeAttempt(entry, attempt.startDate, attempt.enrolledAt)) return "BEFORE_ENROLMENT";
  return entry.minutes >= minMinutes ? "COUNTED" : "BELOW_MINIMUM";
}

/** An entry as the walk sees it. */
export interface WalkEntry {
  date: string;
  timezone: string;
  minutes: number;
  /** When the entry was first made; needed only to find BEFORE_ENROLMENT dates. */
  loggedAt?: Date | undefined;
}

/** One date of the attempt. */
export interface AttemptDate {
  date: string;
  status: DateStatus;
  /** Minutes logged, or null when nothing was logged. */
  minutes: number | null;
  /** Zone the entry was logged in, or null. */
  timezone: string | null;
  /** For COUNTED dates: whether this date earned a freeze (or would have, with a full bank). */
  freeze: EarnResult;
  /** Freezes in the bank at the end of this date. */
  freezesBanked: number;
}

/** Input of the walk. */
export interface AttemptWalkInput {
  entries: readonly WalkEntry[];
  /** First date of the attempt. */
  startDate: string;
  /** The date the streak rules treat as today. */
  today: string;
  minMinutes: number;
  freeze?: FreezePolicy | undefined;
  /** When the learner enrolled (BEFORE_ENROLMENT dates are those logged after it). */
  enrolledAt?: Date | undefined;
}

/** The walk's result. */
export interface AttemptWalk {
  dates: AttemptDate[];
  freezes: FreezeCount;
}

/** Walks the attempt from its start to today (or its last entry, if later), date by date. */
export function walkAttempt(input: AttemptWalkInput): AttemptWalk {
  const { startDate, today, minMinutes } = input;
  const bank = new FreezeBank(input.freeze ?? strictPolicy);
  const byDate = new Map<string, WalkEntry>();
  for (const e of input.entries) byDate.set(e.date, e);

  const dates: AttemptDate[] = [];
  const enrolledAt = input.enrolledAt;
  if (enrolledAt) {
    const early = input.entries.filter((e) => loggedBeforeAttempt(e, startDate, enrolledAt)).sort((a, b) => a.date.localeCompare(b.date));
    for (const e of early) {
      dates.push({ date: e.date, status: "BEFORE_ENROLMENT", minutes: e.minutes, timezone: e.timezone, freeze: "NONE", freezesBanked: 0 });
    }
  }

  const lastEntry = [...byDate.keys()]
    .filter((d) => d >= startDate)
    .sort()
    .at(-1);
  const end = lastEntry && lastEntry > today ? lastEntry : today;
  for (let d = startDate; d <= end; d = addDays(d, 1)) {
    const e = byDate.get(d);
    const base = { date: d, minutes: e?.minutes ?? null, timezone: e?.timezone ?? null };
    let status: DateStatus;
    let freeze: EarnResult = "NONE";
    if (e && e.minutes >= minMinutes) {
      status = "COUNTED";
      freeze = bank.countedDate();
    } else if (d >= today) {
      status = "OPEN";
    } else if (bank.cover()) {
      status = "FROZEN";
    } else {
      status = e ? "BELOW_MINIMUM" : "MISSED";
    }
    dates.push({ ...base, status, freeze, freezesBanked: bank.totals().banked });
  }
  return { dates, freezes: bank.totals() };
}

/** True for the statuses that end a streak. */
export const isMiss = (s: DateStatus) => s === "MISSED" || s === "BELOW_MINIMUM";
