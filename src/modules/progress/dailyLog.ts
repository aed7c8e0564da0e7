/**
 * The daily log: one entry per calendar date in the learner's zone, written as an
 * idempotent upsert within the grace period, read one date at a time or as pages.
 */
import { badRequest, invalid, notFound, type FieldIssue } from "../../errors.ts";
import type { Viewer } from "../learners/learners.types.ts";
import { DEFAULT_CHALLENGE } from "../content/defaultChallenge.ts";
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection, type PageArgs } from "../content/pagination.ts";
import { addDays, dateIn, isIsoDate } from "./calendar.ts";
import type { ChallengeFacts } from "./contentFacts.ts";
import type { ProgressContext } from "./progressContext.ts";
import { conceptSlugRule, isConceptSlug, limits, normalizeConceptSlug } from "./progressLimits.ts";
import { readLogEntry, upsertLogEntry } from "./progressSql.ts";
import { logEntryView, type LogEntryView } from "./progress.types.ts";

/** Input of `logDay`. */
export interface LogInput {
  minutes: number;
  learned: string;
  days?: number[] | undefined;
  concepts?: string[] | undefined;
}

/** The daily-log part of the progress service. */
export interface DailyLogService {
  /** Today's date in the viewer's current zone (what "log today" means, e.g. for MCP's log_today). */
  today(viewer: Viewer): string;
  /** Logs one calendar date (upsert), today or within the grace period; the entry keeps the zone it was first logged in. */
  logDay(viewer: Viewer, date: string, input: LogInput, slug?: string): Promise<LogEntryView>;
  /** The viewer's entry for one date, or NOT_FOUND. */
  getLog(viewer: Viewer, date: string, slug?: string): Promise<LogEntryView>;
  /** The viewer's log, newest first, one page (opaque `log` cursors); `from`/`to` bound the dates. */
  listLog(
    viewer: Viewer,
    options?: PageArgs & { from?: string | null | undefined; to?: string | null | undefined },
    slug?: string,
  ): Promise<Connection<LogEntryView>>;
}

const LOG_CURSOR = "log";

/**
 * The `after` of the log: a `log` cursor. A bare ISO date (what the old `{ items, next }`
 * pages answered) is still read for one release, so a client holding one keeps paging.
 */
function logCursorDate(after: string | null | undefined): string | undefined {
  if (after && isIsoDate(after)) return after;
  const date = decodeCursor(LOG_CURSOR, after);
  if (date !== undefined && !isIsoDate(date)) throw badRequest(`"after" is not a valid ${LOG_CURSOR} cursor`, [{ path: ["after"], message: "invalid cursor" }]);
  return date;
}

/** Checks a log entry's minutes, text, days and concepts; returns the days sorted and the concepts normalized. */
function checkLogInput(input: LogInput, c: ChallengeFacts): { days: number[]; concepts: string[] } {
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(input.minutes) || input.minutes < 0 || input.minutes > limits.maxMinutes)
    issues.push({ path: ["minutes"], message: `an integer from 0 to ${limits.maxMinutes}` });
  if (input.learned.length > limits.learnedChars) issues.push({ path: ["learned"], message: `at most ${limits.learnedChars} characters` });
  const days = [...new Set(input.days ?? [])];
  if (days.length > limits.listItems || days.some((d) => !Number.isInteger(d) || d < 1 || d > c.totalDays))
    issues.push({ path: ["days"], message: `at most ${limits.listItems} day numbers from 1 to ${c.totalDays}` });
  const concepts = [...new Set((input.concepts ?? []).map(normalizeConceptSlug))];
  if (concepts.length > limits.listItems || !concepts.every(isConceptSlug))
    issues.push({ path: ["concepts"], message: `at most ${limits.listItems}, each ${conceptSlugRule}` });
  if (issues.length) throw invalid("Invalid log entry", issues);
  return { days: days.sort((a, b) => a - b), concepts };
}

/** Creates the daily-log part. */
export function createDailyLog({ p, sql, clock, config, challengeOf, currentEnrollment }: ProgressContext): DailyLogService {
  return {
    today(viewer) {
      return dateIn(clock.now(), viewer.timezone);
    },

    /**
     * Repeating the request changes nothing more. Future dates (in the viewer's current
     * zone) and dates older than the grace period are rejected.
     */
    async logDay(viewer, date, input, slug = DEFAULT_CHALLENGE) {
      if (!isIsoDate(date)) throw invalid("Invalid date", [{ path: ["date"], message: "an ISO date yyyy-mm-dd" }]);
      const c = await challengeOf(slug);
      const today = dateIn(clock.now(), viewer.timezone);
      if (date > today) throw invalid("Cannot log a future date", [{ path: ["date"], message: `after today (${today} in ${viewer.timezone})` }]);
      const oldest = addDays(today, -config.LOG_GRACE_DAYS);
      if (date < oldest) throw invalid("This date is closed", [{ path: ["date"], message: `dates before ${oldest} can no longer be logged` }]);
      const { days, concepts } = checkLogInput(input, c);
      const now = clock.now();
      // One INSERT … ON CONFLICT DO UPDATE (progressSql.ts): atomic when the same date is logged concurrently.
      // The current attempt (for countedReason) comes back from the same statement.
      const { entry, attempt } = await upsertLogEntry(sql, slug, {
        learnerId: viewer.id,
        date,
        timezone: viewer.timezone,
        now,
        minutes: input.minutes,
        learned: input.learned.trim(),
        days: JSON.stringify(days),
        concepts: JSON.stringify(concepts),
      });
      return logEntryView(entry, c.minMinutesPerDay, attempt);
    },

    async getLog(viewer, date, slug = DEFAULT_CHALLENGE) {
      if (!isIsoDate(date)) throw invalid("Invalid date", [{ path: ["date"], message: "an ISO date yyyy-mm-dd" }]);
      const [found, c] = await Promise.all([readLogEntry(sql, slug, viewer.id, date), challengeOf(slug)]);
      if (!found) throw notFound(`Log entry for ${date}`);
      return logEntryView(found.entry, c.minMinutesPerDay, found.attempt);
    },

    async listLog(viewer, options = {}, slug = DEFAULT_CHALLENGE) {
      for (const [k, v] of Object.entries({ from: options.from, to: options.to })) {
        if (v != null && !isIsoDate(v)) throw invalid(`Invalid ${k}`, [{ path: [k], message: "an ISO date yyyy-mm-dd" }]);
      }
      const size = pageSize(options.first);
      const before = logCursorDate(options.after);
      const range = { ...(options.from ? { gte: options.from } : {}), ...(options.to ? { lte: options.to } : {}) };
      const [rows, total, c, attempt] = await Promise.all([
        p.logEntry.findMany({
          where: { learnerId: viewer.id, date: { ...range, ...(before ? { lt: before } : {}) } },
          orderBy: { date: "desc" },
          take: size + 1,
        }),
        p.logEntry.count({ where: { learnerId: viewer.id, date: range } }),
        challengeOf(slug),
        currentEnrollment(viewer, slug),
      ]);
      return toConnection(
        rows.map((r) => logEntryView(r, c.minMinutesPerDay, attempt)),
        size,
        total,
        before !== undefined,
        (e) => encodeCursor(LOG_CURSOR, e.date),
      );
    },
  };
}
