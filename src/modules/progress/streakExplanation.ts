/**
 * The streak explained: every date of the current attempt with its status and the
 * reason in words, when the attempt broke and why, and the deadline by which today
 * must be logged — as a pure function of the same input as the streak numbers, so
 * the explanation and `GET /me/stats` always agree (both come from attemptDates.ts).
 *
 * Rules for the deadline:
 * - Today (the rules' today, streak.ts) ends at the first instant of the next date
 *   in the zone that today was taken from; after it, an uncounted today is missed
 *   (or frozen), and the streak shows as broken.
 * - A date can still be logged late for `graceDays` more dates of the learner's
 *   current zone (LOG_GRACE_DAYS); a late entry repairs the streak, because every
 *   figure is recomputed from the log.
 */
import { addDays, localIsoTime, startOfDateIn } from "./calendar.ts";
import { isMiss, type AttemptDate, type DateStatus } from "./attemptDates.ts";
import { freezesOn, type FreezeCount, type FreezePolicy } from "./freeze.ts";
import { strictPolicy } from "./freeze.ts";
import { streakOf, type ChallengeStatus, type StreakInput } from "./streak.ts";

/** One date of the attempt, explained. */
export interface ExplainedDate {
  date: string;
  status: DateStatus;
  /** Minutes logged, or null when nothing was. */
  minutes: number | null;
  /** Zone the entry was logged in, or null. */
  timezone: string | null;
  /** The streak at the end of this date (counted dates in the run so far). */
  streak: number;
  /** Freezes in the bank at the end of this date. */
  freezesBanked: number;
  /** Why the date has its status, in words. */
  reason: string;
}

/** An instant given in the learner's zone and in UTC. */
export interface ZonedInstant {
  /** Local ISO 8601 time with offset, e.g. 2026-03-11T00:00:00-07:00. */
  local: string;
  /** The same instant in UTC, e.g. 2026-03-11T07:00:00.000Z. */
  utc: string;
}

/** By when today must be logged. */
export interface StreakDeadline {
  /** The date to log (the rules' today). */
  date: string;
  /** The zone that date is taken in. */
  timezone: string;
  /** True when today already has a counted entry. */
  counted: boolean;
  /** The end of the date: log before it, or the date is missed. */
  endsAt: ZonedInstant;
  /** The last moment the date can still be logged late (LOG_GRACE_DAYS), repairing the streak. */
  lateUntil: ZonedInstant;
}

/** The first miss of the attempt: when and why the streak broke. */
export interface StreakBreak {
  date: string;
  status: "MISSED" | "BELOW_MINIMUM";
  /** The streak that ended on this date. */
  streakBefore: number;
  reason: string;
}

/** Everything `GET /me/streak` answers. */
export interface StreakExplanation {
  today: string;
  /** The learner's current zone. */
  timezone: string;
  startDate: string;
  goalDays: number;
  minMinutesPerDay: number;
  currentStreak: number;
  longestStreak: number;
  status: ChallengeStatus;
  freezePolicy: FreezePolicy;
  freezes: FreezeCount;
  /** Every date of the attempt, oldest first (BEFORE_ENROLMENT dates before the start). */
  dates: ExplainedDate[];
  /** The first miss of the attempt, or null while none. */
  broke: StreakBreak | null;
  deadline: StreakDeadline;
  /** The whole picture in a few sentences. */
  summary: string;
}

/** Input of the explanation: the streak input plus the grace period for late logging. */
export interface ExplainInput extends StreakInput {
  /** LOG_GRACE_DAYS: dates back a learner may still log. */
  graceDays: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Explains the current attempt date by date. */
export function explainStreak(input: ExplainInput): StreakExplanation {
  const policy = input.freeze ?? strictPolicy;
  const { stats, walk, todayZone } = streakOf(input);
  const min = input.minMinutes;
  const on = freezesOn(policy);

  let run = 0;
  let broke: StreakBreak | null = null;
  const dates: ExplainedDate[] = walk.dates.map((d) => {
    if (d.status === "COUNTED") run++;
    const before = run;
    if (isMiss(d.status)) run = 0;
    const reason = reasonFor(d, { min, startDate: input.startDate, today: stats.today, policy, streakBefore: before });
    if (!broke && isMiss(d.status) && stats.status !== "COMPLETED") {
      broke = { date: d.date, status: d.status as StreakBreak["status"], streakBefore: before, reason };
    }
    return {
      date: d.date,
      status: d.status,
      minutes: d.minutes,
      timezone: d.timezone,
      streak: d.status === "BEFORE_ENROLMENT" ? 0 : run,
      freezesBanked: d.freezesBanked,
      reason,
    };
  });

  const todayDate = walk.dates.find((d) => d.date === stats.today);
  const endsAt = startOfDateIn(addDays(stats.today, 1), todayZone);
  const lateEnd = startOfDateIn(addDays(stats.today, 1 + input.graceDays), input.timezone);
  const zoned = (instant: Date, tz: string): ZonedInstant => ({ local: localIsoTime(instant, tz), utc: instant.toISOString() });
  const deadline: StreakDeadline = {
    date: stats.today,
    timezone: todayZone,
    counted: todayDate?.status === "COUNTED",
    endsAt: zoned(endsAt, todayZone),
    lateUntil: zoned(lateEnd, input.timezone),
  };

  const explanation: StreakExplanation = {
    today: stats.today,
    timezone: input.timezone,
    startDate: input.startDate,
    goalDays: input.goalDays,
    minMinutesPerDay: min,
    currentStreak: stats.currentStreak,
    longestStreak: stats.longestStreak,
    status: stats.status,
    freezePolicy: { ...policy },
    freezes: stats.freezes,
    dates,
    broke,
    deadline,
    summary: "",
  };
  explanation.summary = summarise(explanation, on);
  return explanation;
}

/** The reason for one date's status, in words. */
function reasonFor(d: AttemptDate, ctx: { min: number; startDate: string; today: string; policy: FreezePolicy; streakBefore: number }): string {
  const logged = d.minutes === null ? "nothing logged" : `${plural(d.minutes, "minute")} logged`;
  const noFreeze = freezesOn(ctx.policy) ? " No freeze was banked to cover it." : "";
  switch (d.status) {
    case "COUNTED": {
      const earned =
        d.freeze === "EARNED"
          ? ` Earned a streak freeze (one per ${plural(ctx.policy.everyCountedDays, "counted date")}; ${d.freezesBanked} banked).`
          : d.freeze === "BANK_FULL"
            ? ` A freeze was due but the bank is full (${ctx.policy.maxBanked}).`
            : "";
      return `Counted: ${logged}, at least the daily minimum of ${ctx.min}.${earned}`;
    }
    case "BELOW_MINIMUM":
      return `Missed: only ${logged}, below the daily minimum of ${ctx.min}.${noFreeze}${ctx.streakBefore ? ` It ended a ${ctx.streakBefore}-day streak.` : ""}`;
    case "MISSED":
      return `Missed: the date passed with nothing logged.${noFreeze}${ctx.streakBefore ? ` It ended a ${ctx.streakBefore}-day streak.` : ""}`;
    case "FROZEN":
      return `Frozen: ${d.minutes === null ? "nothing logged" : `only ${logged}, below the daily minimum of ${ctx.min}`}, so a banked streak freeze covered the date (${d.freezesBanked} left). The streak goes on; the date does not add to it.`;
    case "OPEN":
      if (d.date > ctx.today) return `Not over yet: ${logged}; this date lies after today in the zone of your last counted entry.`;
      return d.minutes === null
        ? `Today, still open: log at least ${ctx.min} minutes before the date ends.`
        : `Today, still open: ${logged} so far; ${ctx.min - d.minutes} more to reach the daily minimum of ${ctx.min}.`;
    case "BEFORE_ENROLMENT":
      return `Before this attempt: ${logged}, but the attempt started on ${ctx.startDate}, so the date counts for no attempt.`;
  }
}

/** A few sentences on the attempt. */
function summarise(e: StreakExplanation, freezes: boolean): string {
  const parts: string[] = [];
  parts.push(
    `Streak: ${plural(e.currentStreak, "day")} (longest ${e.longestStreak}); attempt started ${e.startDate}, goal ${e.goalDays} counted dates in a row; status ${e.status}.`,
  );
  if (e.status === "COMPLETED") parts.push(`Completed: ${e.goalDays} counted dates in a row.`);
  else if (e.broke) parts.push(`The attempt broke on ${e.broke.date}. ${e.broke.reason} Restart with POST /api/v1/me/enrollments (GraphQL: enrol).`);
  const d = e.deadline;
  parts.push(
    d.counted
      ? `Today (${d.date}, ${d.timezone}) is counted.`
      : `Today (${d.date}, ${d.timezone}) is still open: log at least ${e.minMinutesPerDay} minutes before ${d.endsAt.local} (${d.endsAt.utc}); it can still be logged late until ${d.lateUntil.local} (${d.lateUntil.utc}).`,
  );
  if (freezes) {
    parts.push(
      `Freezes: ${e.freezes.banked} banked of at most ${e.freezePolicy.maxBanked} (earned ${e.freezes.earned}, used ${e.freezes.used}; one per ${e.freezePolicy.everyCountedDays} counted dates).`,
    );
  } else {
    parts.push("This challenge has no streak freezes: every missed date breaks the streak.");
  }
  return parts.join(" ");
}
