/**
 * The dates of a learner's current attempt, one per calendar date of its goal
 * window, each with a status: what a heatmap draws. Pure: computed from the
 * stats the streak rules already produce (streak.ts), so the picture and the
 * numbers can never disagree.
 *
 * Rules, for each date from the attempt's start to the last date of its goal
 * window (start + goalDays - 1):
 * - counted: an entry reached the daily minimum;
 * - open: today (as the streak rules see it) without a counted entry yet;
 * - upcoming: after today;
 * - belowMinimum: before today, logged, but fewer minutes than the minimum;
 * - missed: before today, nothing logged.
 *
 * The statuses are an open set: a new one (e.g. `frozen`, a missed date covered
 * by a streak freeze) is added to `attemptDayStatuses`, decided here, and every
 * writer that draws statuses must then say how it looks (they key their styles
 * by `AttemptDayStatus`, so the compiler lists what is missing).
 */
import { addDays, daysBetween } from "./calendar.ts";
import type { StatsView } from "./progress.types.ts";

/** Every status a date of an attempt can have, in the order a legend lists them. */
export const attemptDayStatuses = ["counted", "belowMinimum", "missed", "open", "upcoming"] as const;

/** The status of one date of an attempt (see the module comment for the rules). */
export type AttemptDayStatus = (typeof attemptDayStatuses)[number];

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

/** The calendar of the attempt that `stats` describes (with no enrolment, an attempt starting today). */
export function attemptCalendar(
  stats: Pick<StatsView, "today" | "heatmap" | "enrollment" | "goalDays" | "minMinutesPerDay" | "currentStreak" | "longestStreak" | "status">,
  hashtag: string,
): AttemptCalendar {
  const startDate = stats.enrollment?.startDate ?? stats.today;
  const goalDays = Math.max(1, stats.goalDays);
  const endDate = addDays(startDate, goalDays - 1);
  const minutesOn = new Map<string, number>();
  for (const cell of stats.heatmap) minutesOn.set(cell.date, Math.max(minutesOn.get(cell.date) ?? 0, cell.minutes));
  const days: AttemptDay[] = [];
  for (let i = 0; i < goalDays; i++) {
    const date = addDays(startDate, i);
    const logged = minutesOn.get(date);
    const minutes = logged ?? 0;
    days.push({ date, dayNumber: i + 1, minutes, status: statusOf(date, logged, stats.today, stats.minMinutesPerDay) });
  }
  return {
    hashtag, startDate, endDate, today: stats.today,
    currentDay: Math.min(Math.max(daysBetween(startDate, stats.today) + 1, 1), goalDays),
    goalDays, minMinutesPerDay: stats.minMinutesPerDay,
    currentStreak: stats.currentStreak, longestStreak: stats.longestStreak, status: stats.status,
    days,
  };
}

function statusOf(date: string, logged: number | undefined, today: string, minMinutes: number): AttemptDayStatus {
  if (logged !== undefined && logged >= minMinutes) return "counted";
  if (date > today) return "upcoming";
  if (date === today) return "open";
  return logged === undefined ? "missed" : "belowMinimum";
}
