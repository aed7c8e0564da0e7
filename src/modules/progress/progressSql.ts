/**
 * The progress calls every learner makes most — `stats` and the daily-log write and
 * read — as one portable statement each (SQLite and PostgreSQL), run as hot statements
 * (db/hotSql.ts: straight on the driver, prepared once): Prisma 6 plans every query anew
 * in its wasm compiler, which cost more than the query itself (BENCHMARKS.md).
 * Identifiers are quoted, dates are ISO text, and rows come back typed here.
 */
import { randomUUID } from "node:crypto";
import type { HotSql } from "../../db/hotSql.ts";

/** The enrolment columns enrollmentView reads. */
export interface EnrollmentRow {
  id: string;
  challengeSlug: string;
  startDate: string;
  goalDays: number;
  state: string;
  endedAt: Date | null;
  createdAt: Date;
}

/** What `stats` needs, read in one statement. */
export interface StatsRows {
  /** The current attempt: the newest ACTIVE one, else the newest of any state. */
  enrollment: EnrollmentRow | null;
  /** Log entries from the attempt's start (or `today` without one), newest first. */
  entries: { date: string; timezone: string; minutes: number }[];
  /** Day numbers marked DONE or SKIPPED. */
  finished: number[];
}

/** Raw dates come back as Date (PostgreSQL) or ISO text (SQLite). */
const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

interface StatsRow {
  kind: "e" | "l" | "p";
  text1: string | null;
  text2: string | null;
  text3: string | null;
  num: number | bigint | null;
  at1: Date | string | null;
  at2: Date | string | null;
}

/**
 * The current enrolment, its log entries and the finished lessons of one learner, as one
 * UNION ALL of three kinds of row. The enrolment order is the one of the two-step lookup
 * it replaces (ACTIVE first, then start date, creation, state and id, newest first).
 */
export async function readStatsRows(sql: HotSql, learnerId: string, slug: string, today: string, limit = 1000): Promise<StatsRows> {
  const rows = await sql.rows<StatsRow>`
    WITH e AS (
      SELECT "id", "startDate", "goalDays", "state", "endedAt", "createdAt" FROM "Enrollment"
      WHERE "learnerId" = ${learnerId} AND "challengeSlug" = ${slug}
      ORDER BY CASE WHEN "state" = 'ACTIVE' THEN 0 ELSE 1 END, "startDate" DESC, "createdAt" DESC, "state" ASC, "id" DESC
      LIMIT 1
    )
    SELECT 'e' AS "kind", e."id" AS "text1", e."startDate" AS "text2", e."state" AS "text3", e."goalDays" AS "num", e."createdAt" AS "at1", e."endedAt" AS "at2" FROM e
    UNION ALL
    SELECT 'l', NULL, l."date", l."timezone", l."minutes", NULL, NULL FROM (
      SELECT "date", "timezone", "minutes" FROM "LogEntry"
      WHERE "learnerId" = ${learnerId} AND "date" >= COALESCE((SELECT "startDate" FROM e), ${today})
      ORDER BY "date" DESC LIMIT ${limit}
    ) l
    UNION ALL
    SELECT 'p', NULL, NULL, NULL, d."dayNumber", NULL, NULL FROM (
      SELECT "dayNumber" FROM "LessonProgress"
      WHERE "learnerId" = ${learnerId} AND "challengeSlug" = ${slug} AND "status" IN ('DONE', 'SKIPPED')
      LIMIT ${limit}
    ) d`;
  const out: StatsRows = { enrollment: null, entries: [], finished: [] };
  for (const r of rows) {
    if (r.kind === "e") {
      out.enrollment = {
        id: r.text1!,
        challengeSlug: slug,
        startDate: r.text2!,
        state: r.text3!,
        goalDays: Number(r.num),
        createdAt: toDate(r.at1!),
        endedAt: r.at2 === null ? null : toDate(r.at2),
      };
    } else if (r.kind === "l") {
      out.entries.push({ date: r.text2!, timezone: r.text3!, minutes: Number(r.num) });
    } else {
      out.finished.push(Number(r.num));
    }
  }
  out.entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return out;
}

/** A log entry as written and returned. */
export interface LogEntryRow {
  date: string;
  timezone: string;
  minutes: number;
  learned: string;
  days: string;
  concepts: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Inserts or updates one learner's entry for one date in a single statement
 * (INSERT … ON CONFLICT DO UPDATE … RETURNING, atomic under concurrent writers on both
 * databases). A new entry takes `timezone` and `now` as its creation; an existing one
 * keeps both.
 */
export async function upsertLogEntry(
  sql: HotSql,
  slug: string,
  entry: { learnerId: string; date: string; timezone: string; minutes: number; learned: string; days: string; concepts: string; now: Date },
): Promise<LogEntryWithAttempt> {
  const [row] = await sql.rows<RawLogEntry>`
    INSERT INTO "LogEntry" ("id", "learnerId", "date", "timezone", "minutes", "learned", "days", "concepts", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${entry.learnerId}, ${entry.date}, ${entry.timezone}, ${entry.minutes}, ${entry.learned}, ${entry.days}, ${entry.concepts}, ${entry.now}, ${entry.now})
    ON CONFLICT ("learnerId", "date") DO UPDATE SET
      "minutes" = excluded."minutes", "learned" = excluded."learned", "days" = excluded."days",
      "concepts" = excluded."concepts", "updatedAt" = excluded."updatedAt"
    RETURNING "date", "timezone", "minutes", "learned", "days", "concepts", "createdAt", "updatedAt",
      (SELECT "startDate" FROM "Enrollment" WHERE "learnerId" = ${entry.learnerId} AND "challengeSlug" = ${slug}
        ORDER BY CASE WHEN "state" = 'ACTIVE' THEN 0 ELSE 1 END, "startDate" DESC, "createdAt" DESC, "state" ASC, "id" DESC LIMIT 1) AS "attemptStart",
      (SELECT "createdAt" FROM "Enrollment" WHERE "learnerId" = ${entry.learnerId} AND "challengeSlug" = ${slug}
        ORDER BY CASE WHEN "state" = 'ACTIVE' THEN 0 ELSE 1 END, "startDate" DESC, "createdAt" DESC, "state" ASC, "id" DESC LIMIT 1) AS "attemptCreatedAt"`;
  if (!row) throw new Error("The log upsert returned no row");
  return withAttempt(row);
}

/** One learner's entry for one date with the current attempt's start (for countedReason), in one statement; null when there is none. */
export async function readLogEntry(sql: HotSql, slug: string, learnerId: string, date: string): Promise<LogEntryWithAttempt | null> {
  const [row] = await sql.rows<RawLogEntry>`
    SELECT "date", "timezone", "minutes", "learned", "days", "concepts", "createdAt", "updatedAt",
      (SELECT "startDate" FROM "Enrollment" WHERE "learnerId" = ${learnerId} AND "challengeSlug" = ${slug}
        ORDER BY CASE WHEN "state" = 'ACTIVE' THEN 0 ELSE 1 END, "startDate" DESC, "createdAt" DESC, "state" ASC, "id" DESC LIMIT 1) AS "attemptStart",
      (SELECT "createdAt" FROM "Enrollment" WHERE "learnerId" = ${learnerId} AND "challengeSlug" = ${slug}
        ORDER BY CASE WHEN "state" = 'ACTIVE' THEN 0 ELSE 1 END, "startDate" DESC, "createdAt" DESC, "state" ASC, "id" DESC LIMIT 1) AS "attemptCreatedAt"
    FROM "LogEntry" WHERE "learnerId" = ${learnerId} AND "date" = ${date}`;
  return row ? withAttempt(row) : null;
}

/** A log entry with the current attempt (the newest ACTIVE enrolment, else the newest), or null without one. */
export interface LogEntryWithAttempt {
  entry: LogEntryRow;
  attempt: { startDate: string; createdAt: Date } | null;
}

type RawLogEntry = Omit<LogEntryRow, "createdAt" | "updatedAt" | "minutes"> & {
  createdAt: Date | string;
  updatedAt: Date | string;
  minutes: number | bigint;
  attemptStart: string | null;
  attemptCreatedAt: Date | string | null;
};

function withAttempt({ attemptStart, attemptCreatedAt, ...row }: RawLogEntry): LogEntryWithAttempt {
  return {
    entry: { ...row, minutes: Number(row.minutes), createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt) },
    attempt: attemptStart !== null && attemptCreatedAt !== null ? { startDate: attemptStart, createdAt: toDate(attemptCreatedAt) } : null,
  };
}
