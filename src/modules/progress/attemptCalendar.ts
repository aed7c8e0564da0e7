/**
 * The dates of a learner's current attempt, one per calendar date of its goal
 * window, each with a status: what a heatmap draws. Pure. The statuses are not
 * decided here: they come from the streak's own walk over the attempt
 * (attemptDates.ts), the one rule set behind the streak numbers, the streak
 * explanation and this picture, so they can never disagree. This module only
 * names them for drawing and adds the dates the walk has not reached yet:
 *
 * | walk (attemptDates.ts) | drawn as      |
 * |------------------------|---------------|
 * | COUNTED                | counted       |
 * | BELOW_MINIMUM          | belowMinimum  |
 * | MISSED                 | missed        |
 * | FROZEN                 | frozen        |
 * | OPEN                   | open          |
 * | not walked yet         | upcoming      |
 *
 * (BEFORE_ENROLMENT dates lie before the attempt and are not drawn.) The window
 * runs from the attempt's start for goalDays dates, one more per frozen date, as
 * the streak rules grow it.
 *
 * Every writer that draws statuses keys its styles by `AttemptDayStatus`, so the
 * compiler lists what a new status still needs.
 */
import type { AttemptDate, DateStatus } from "./attemptDates.ts";
import { addDays, daysBetween } from "./calendar.ts";
import type { StatsView } from "./progress.types.ts";

/** Every status a date of an attempt can have, in the order a legend lists them. */
export const attemptDayStatuses = ["counted", "belowMinimum", "missed", "frozen", "open", "upcoming"] as const;

/** The status of one date of an attempt (see the module comment for where it comes from). */
export type AttemptDayStatus = (typeof attemptDayStatuses)[number];

/** How each status of the walk is drawn; null: not a date of the attempt. */
const DRAWN: Record<DateStatus, AttemptDayStatus | null> = {
  COUNTED: "counted",
  BELOW_MINIMUM: "belowMinimum",
  MISSED: "missed",
  FROZEN: "frozen",
  OPEN: "open",
  BEFORE_ENROLMENT: null,
};

/** One date of an attempt. */
export interface AttemptDay {
  /** ISO date (yyyy-mm-dd) in the learner's zone. */
  date: string;
  /** 1 for the attempt's first date. */
  dayNumber: number;
  /** Minutes logged for the date (0 when nothing was logged). */
  minutes: number;
  status: AttemptDayStatus;
}

/** The current attempt as a calendar: its dates and the streak figures. */
export interface AttemptCalendar {
  /** The challenge's hashtag, e.g. #66DaysOfK8s. */
  hashtag: string;
  startDate: string;
  /** Last date of the goal window. */
  endDate: string;
  /** The date the streak rules treat as today. */
  today: string;
  /** The attempt's day today: 1 on its first date, at most goalDays. */
  currentDay: number;
  goalDays: number;
  minMinutesPerDay: number;
  currentStreak: number;
  longestStreak: number;
  status: StatsView["status"];
  /** One entry per date of the goal window, oldest first. */
  days: AttemptDay[];
}

/**
 * The calendar of the attempt that `stats` describes (with no enrolment, an attempt starting
 * today), its statuses taken from `walk`: the dates of the streak walk that produced `stats`.
 */
export function attemptCalendar(
  stats: Pick<StatsView, "today" | "enrollment" | "goalDays" | "minMinutesPerDay" | "currentStreak" | "longestStreak" | "status">,
  walk: readonly Pick<AttemptDate, "date" | "status" | "minutes">[],
  hashtag: string,
): AttemptCalendar {
  const startDate = stats.enrollment?.startDate ?? stats.today;
  const goalDays = Math.max(1, stats.goalDays);
  const walked = new Map(walk.filter((d) => DRAWN[d.status] !== null).map((d) => [d.date, d]));
  const frozen = [...walked.values()].filter((d) => d.status === "FROZEN").length;
  const length = goalDays + frozen;
  const endDate = addDays(startDate, length - 1);
  const days: AttemptDay[] = [];
  for (let i = 0; i < length; i++) {
    const date = addDays(startDate, i);
    const d = walked.get(date);
    days.push({ date, dayNumber: i + 1, minutes: d?.minutes ?? 0, status: d ? DRAWN[d.status]! : "upcoming" });
  }
  return {
    hashtag,
    startDate,
    endDate,
    today: stats.today,
    currentDay: Math.min(Math.max(daysBetween(startDate, stats.today) + 1, 1), length),
    goalDays,
    minMinutesPerDay: stats.minMinutesPerDay,
    currentStreak: stats.currentStreak,
    longestStreak: stats.longestStreak,
    status: stats.status,
    days,
  };
}
