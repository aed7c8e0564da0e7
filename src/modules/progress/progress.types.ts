/**
 * API types of the progress module and the one mapper per database model.
 */
import type { StreakStats } from "./streak.ts";
import type { FreezePolicy } from "./freeze.ts";
import { decodeIntList, decodeStringList } from "../content/jsonText.ts";
import { countedReasonOf, type CountedReason } from "./attemptDates.ts";
import type { EnrollmentRow, LogEntryRow } from "./progressSql.ts";

/** Status of a lesson for a learner. */
export type LessonStatus = "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "SKIPPED";
/** Every lesson status, in the order the API documents them. */
export const lessonStatuses: readonly LessonStatus[] = ["NOT_STARTED", "IN_PROGRESS", "DONE", "SKIPPED"];

/** A learner's progress on one lesson. */
export interface LessonProgressView {
  challengeSlug: string;
  day: number;
  status: LessonStatus;
  startedAt: string | null;
  completedAt: string | null;
  note: string | null;
  confidence: number | null;
  updatedAt: string | null;
}

/** One logged date. */
export interface LogEntryView {
  date: string;
  /** The zone the learner had when they first logged this date. */
  timezone: string;
  minutes: number;
  learned: string;
  days: number[];
  concepts: string[];
  /** The date counts for the current attempt (countedReason is COUNTED). */
  counted: boolean;
  /** Why it counts or not. */
  countedReason: CountedReason;
  createdAt: string;
  updatedAt: string;
}

/** One attempt at a challenge. */
export interface EnrollmentView {
  id: string;
  challengeSlug: string;
  startDate: string;
  goalDays: number;
  state: "ACTIVE" | "ENDED";
  endedAt: string | null;
  createdAt: string;
}

/** How well the learner knows a concept, from the lessons they finished. */
export interface MasteryView {
  concept: string;
  name: string;
  /** 0–1: weight of done lessons (scaled by confidence) over the weight of all lessons of the concept. */
  mastery: number;
  daysDone: number;
  daysTotal: number;
}

/** Everything `GET /me/stats` answers. */
export interface StatsView extends StreakStats {
  challengeSlug: string;
  enrollment: EnrollmentView | null;
  goalDays: number;
  minMinutesPerDay: number;
  /** The challenge's streak freezes (0 = none). */
  freezePolicy: FreezePolicy;
  nextLesson: { day: number; title: string | null; path: string } | null;
}

/** A share post for a logged date. */
export interface ShareView {
  date: string;
  dayNumber: number;
  text: string;
  short: string;
  maxLength: number;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Maps a LessonProgress row. */
export function progressView(row: {
  challengeSlug: string;
  dayNumber: number;
  status: string;
  startedAt: Date | null;
  completedAt: Date | null;
  note: string | null;
  confidence: number | null;
  updatedAt: Date;
}): LessonProgressView {
  return {
    challengeSlug: row.challengeSlug,
    day: row.dayNumber,
    status: (lessonStatuses as readonly string[]).includes(row.status) ? (row.status as LessonStatus) : "NOT_STARTED",
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
    note: row.note,
    confidence: row.confidence,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Maps a LogEntry row (JSON-text lists decoded here only). */
export function logEntryView(row: LogEntryRow, minMinutes: number, attempt: { startDate: string; createdAt: Date } | null): LogEntryView {
  const countedReason = countedReasonOf(
    { date: row.date, minutes: row.minutes, loggedAt: row.createdAt },
    minMinutes,
    attempt && { startDate: attempt.startDate, enrolledAt: attempt.createdAt },
  );
  return {
    date: row.date,
    timezone: row.timezone,
    minutes: row.minutes,
    learned: row.learned,
    days: decodeIntList(row.days),
    concepts: decodeStringList(row.concepts),
    counted: countedReason === "COUNTED",
    countedReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Maps an Enrollment row. */
export function enrollmentView(row: EnrollmentRow): EnrollmentView {
  return {
    id: row.id,
    challengeSlug: row.challengeSlug,
    startDate: row.startDate,
    goalDays: row.goalDays,
    state: row.state === "ENDED" ? "ENDED" : "ACTIVE",
    endedAt: iso(row.endedAt),
    createdAt: row.createdAt.toISOString(),
  };
}
