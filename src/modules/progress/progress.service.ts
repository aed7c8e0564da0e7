/**
 * A learner's private progress: lesson status, the daily log, enrolments, stats,
 * concept mastery, share posts and the data export. Transport-neutral: REST,
 * GraphQL, MCP and the CLI call these with the authenticated `Viewer`; every
 * query is filtered by the viewer's id, so no call can reach another learner.
 */
import { badRequest, invalid, notFound, type FieldIssue } from "../../errors.ts";
import { decodeCursor, decodeIntCursor, encodeCursor, pageSize, toConnection, type Connection, type PageArgs, MAX_PAGE_SIZE } from "../content/pagination.ts";
import type { Deps } from "../../deps.ts";
import type { Viewer } from "../learners/learners.types.ts";
import { tokenView } from "../learners/learners.types.ts";
import { learnerView } from "../learners/learners.types.ts";
import { attemptCalendar, type AttemptCalendar } from "./attemptCalendar.ts";
import { addDays, dateIn, daysBetween, isIsoDate } from "./calendar.ts";
import { DEFAULT_CHALLENGE } from "../content/defaultChallenge.ts";
import type { ChallengeFacts, ContentFacts } from "./contentFacts.ts";
import { readLogEntry, readStatsRows, upsertLogEntry } from "./progressSql.ts";
import { shareText } from "./shareText.ts";
import { computeStreak, nextLesson } from "./streak.ts";
import { explainStreak, type StreakExplanation } from "./streakExplanation.ts";
import {
  enrollmentView, lessonStatuses, logEntryView, progressView,
  type EnrollmentView, type LessonProgressView, type LessonStatus, type LogEntryView, type MasteryView, type ShareView, type StatsView,
} from "./progress.types.ts";

/** Size limits of learner input. */
export const limits = {
  noteChars: 4000,
  learnedChars: 1000,
  maxMinutes: 1440,
  listItems: 20,
} as const;

/** Input of `setProgress`; omitted fields keep their value. */
export interface ProgressInput {
  status?: LessonStatus | undefined;
  note?: string | null | undefined;
  confidence?: number | null | undefined;
}

/** Input of `logDay`. */
export interface LogInput {
  minutes: number;
  learned: string;
  days?: number[] | undefined;
  concepts?: string[] | undefined;
}

/** Page arguments of the learner lists: Relay-style `first` (1–100, default 20) and an opaque `after` cursor. */
export type ListArgs = PageArgs;

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === "P2002";

/** Runs a write once more when a concurrent writer created the same unique row first. */
async function retryOnUniqueViolation<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return write();
  }
}

/** Newest attempt first; on the same start and instant the ACTIVE one precedes ENDED ones. */
const newestAttemptFirst = [{ startDate: "desc" as const }, { createdAt: "desc" as const }, { state: "asc" as const }, { id: "desc" as const }];

/** Cursor types of the learner lists (content/pagination.ts encodes them opaquely). */
const PROGRESS_CURSOR = "progress";
const LOG_CURSOR = "log";

/**
 * The `after` of the log: a cursor of `encodeCursor("log", date)`. A bare ISO date (the cursor
 * of the old `{ items, next }` pages) is still accepted for one release, so a client holding
 * one keeps paging; remove after 1.x.
 */
function logCursorDate(after: string | null | undefined): string | undefined {
  if (after && isIsoDate(after)) return after;
  const date = decodeCursor(LOG_CURSOR, after);
  if (date !== undefined && !isIsoDate(date)) throw badRequest(`"after" is not a valid ${LOG_CURSOR} cursor`, [{ path: ["after"], message: "invalid cursor" }]);
  return date;
}

/** The `after` of lesson progress: a `progress` cursor, or (for one release) a bare day number. */
function progressCursorDay(after: string | null | undefined): number | undefined {
  if (after && /^\d{1,4}$/.test(after)) return Number(after);
  return decodeIntCursor(PROGRESS_CURSOR, after);
}

export function createProgressService(deps: Deps, content: ContentFacts) {
  const { db, clock, config } = deps;
  const p = db.prisma;

  async function challengeOf(slug: string): Promise<ChallengeFacts> {
    const c = await content.challenge(slug);
    if (!c) throw notFound(`Challenge ${slug}`);
    return c;
  }

  async function checkDay(slug: string, day: number): Promise<ChallengeFacts> {
    const c = await challengeOf(slug);
    if (!Number.isInteger(day) || day < 1 || day > c.totalDays) throw notFound(`Day ${day}`);
    return c;
  }

  async function currentEnrollment(viewer: Viewer, slug: string) {
    return (
      (await p.enrollment.findFirst({ where: { learnerId: viewer.id, challengeSlug: slug, state: "ACTIVE" }, orderBy: newestAttemptFirst })) ??
      (await p.enrollment.findFirst({ where: { learnerId: viewer.id, challengeSlug: slug }, orderBy: newestAttemptFirst }))
    );
  }

  function checkLogInput(input: LogInput, c: ChallengeFacts): { days: number[]; concepts: string[] } {
    const issues: FieldIssue[] = [];
    if (!Number.isInteger(input.minutes) || input.minutes < 0 || input.minutes > limits.maxMinutes) issues.push({ path: ["minutes"], message: `an integer from 0 to ${limits.maxMinutes}` });
    if (input.learned.length > limits.learnedChars) issues.push({ path: ["learned"], message: `at most ${limits.learnedChars} characters` });
    const days = [...new Set(input.days ?? [])];
    if (days.length > limits.listItems || days.some((d) => !Number.isInteger(d) || d < 1 || d > c.totalDays)) issues.push({ path: ["days"], message: `at most ${limits.listItems} day numbers from 1 to ${c.totalDays}` });
    const concepts = [...new Set((input.concepts ?? []).map((s) => s.trim().toLowerCase()))];
    if (concepts.length > limits.listItems || concepts.some((s) => !/^[a-z0-9][a-z0-9-]{0,63}$/.test(s))) issues.push({ path: ["concepts"], message: `at most ${limits.listItems} concept slugs (a-z, 0-9, '-')` });
    if (issues.length) throw invalid("Invalid log entry", issues);
    return { days: days.sort((a, b) => a - b), concepts };
  }

  const service = {
    /** Today's date in the viewer's current zone (what "log today" means, e.g. for MCP's log_today). */
    today(viewer: Viewer): string {
      return dateIn(clock.now(), viewer.timezone);
    },

    /** The viewer's progress on one lesson (NOT_STARTED when nothing was recorded). */
    async getProgress(viewer: Viewer, day: number, slug = DEFAULT_CHALLENGE): Promise<LessonProgressView> {
      await checkDay(slug, day);
      const row = await p.lessonProgress.findUnique({ where: { learnerId_challengeSlug_dayNumber: { learnerId: viewer.id, challengeSlug: slug, dayNumber: day } } });
      return row ? progressView(row) : { challengeSlug: slug, day, status: "NOT_STARTED", startedAt: null, completedAt: null, note: null, confidence: null, updatedAt: null };
    },

    /**
     * Sets status, note or confidence of one lesson. startedAt is set on the first
     * move to IN_PROGRESS or DONE, completedAt on the move to DONE; going back to
     * NOT_STARTED clears both.
     */
    async setProgress(viewer: Viewer, day: number, input: ProgressInput, slug = DEFAULT_CHALLENGE): Promise<LessonProgressView> {
      await checkDay(slug, day);
      const issues: FieldIssue[] = [];
      if (input.status !== undefined && !lessonStatuses.includes(input.status)) issues.push({ path: ["status"], message: `one of ${lessonStatuses.join(", ")}` });
      if (input.note != null && input.note.length > limits.noteChars) issues.push({ path: ["note"], message: `at most ${limits.noteChars} characters` });
      if (input.confidence != null && (!Number.isInteger(input.confidence) || input.confidence < 1 || input.confidence > 5)) issues.push({ path: ["confidence"], message: "an integer from 1 to 5" });
      if (issues.length) throw invalid("Invalid progress", issues);
      const key = { learnerId: viewer.id, challengeSlug: slug, dayNumber: day };
      const row = await retryOnUniqueViolation(async () => {
        const prev = await p.lessonProgress.findUnique({ where: { learnerId_challengeSlug_dayNumber: key } });
        const now = clock.now();
        const status = input.status ?? (prev?.status as LessonStatus | undefined) ?? "NOT_STARTED";
        const times = {
          startedAt: status === "NOT_STARTED" ? null : status === "SKIPPED" ? (prev?.startedAt ?? null) : (prev?.startedAt ?? now),
          completedAt: status === "DONE" ? (prev?.status === "DONE" ? prev.completedAt : now) : null,
        };
        const data = {
          status, ...times, updatedAt: now,
          ...(input.note !== undefined ? { note: input.note } : {}),
          ...(input.confidence !== undefined ? { confidence: input.confidence } : {}),
        };
        return p.lessonProgress.upsert({ where: { learnerId_challengeSlug_dayNumber: key }, create: { ...key, ...data }, update: data });
      });
      return progressView(row);
    },

    /** The viewer's recorded lesson progress by day number, one page (cursors are opaque `progress` cursors). */
    async listProgress(viewer: Viewer, options: ListArgs & { status?: LessonStatus | null | undefined } = {}, slug = DEFAULT_CHALLENGE): Promise<Connection<LessonProgressView>> {
      const size = pageSize(options.first);
      const after = progressCursorDay(options.after);
      const where = { learnerId: viewer.id, challengeSlug: slug, ...(options.status ? { status: options.status } : {}) };
      const [rows, total] = await Promise.all([
        p.lessonProgress.findMany({ where: { ...where, ...(after !== undefined ? { dayNumber: { gt: after } } : {}) }, orderBy: { dayNumber: "asc" }, take: size + 1 }),
        p.lessonProgress.count({ where }),
      ]);
      return toConnection(rows.map(progressView), size, total, after !== undefined, (r) => encodeCursor(PROGRESS_CURSOR, r.day));
    },

    /** Per-concept mastery from the lessons the viewer has done, best first. */
    async mastery(viewer: Viewer, options: { limit?: number | undefined } = {}, slug = DEFAULT_CHALLENGE): Promise<MasteryView[]> {
      const [concepts, done] = await Promise.all([
        content.dayConcepts(slug),
        p.lessonProgress.findMany({ where: { learnerId: viewer.id, challengeSlug: slug, status: "DONE" }, select: { dayNumber: true, confidence: true }, take: 1000 }),
      ]);
      const factor = new Map(done.map((d) => [d.dayNumber, d.confidence ? d.confidence / 5 : 0.6]));
      const acc = new Map<string, MasteryView & { total: number; score: number }>();
      for (const c of concepts) {
        const m = acc.get(c.conceptSlug) ?? { concept: c.conceptSlug, name: c.conceptName, mastery: 0, daysDone: 0, daysTotal: 0, total: 0, score: 0 };
        m.daysTotal++;
        m.total += c.weight;
        const f = factor.get(c.dayNumber);
        if (f !== undefined) { m.daysDone++; m.score += c.weight * f; }
        acc.set(c.conceptSlug, m);
      }
      return [...acc.values()]
        .filter((m) => m.daysDone > 0)
        .map(({ total, score, ...m }) => ({ ...m, mastery: total > 0 ? Math.round((score / total) * 100) / 100 : 0 }))
        .sort((a, b) => b.mastery - a.mastery || a.concept.localeCompare(b.concept))
        .slice(0, pageSize(options.limit ?? MAX_PAGE_SIZE));
    },

    /**
     * Logs one calendar date (upsert: repeating the request changes nothing more).
     * Future dates (in the viewer's current zone) and dates older than the grace
     * period are rejected. The entry keeps the zone it was first logged in.
     */
    async logDay(viewer: Viewer, date: string, input: LogInput, slug = DEFAULT_CHALLENGE): Promise<LogEntryView> {
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
      const { entry, attempt } = await upsertLogEntry(p, slug, {
        learnerId: viewer.id, date, timezone: viewer.timezone, now,
        minutes: input.minutes, learned: input.learned.trim(), days: JSON.stringify(days), concepts: JSON.stringify(concepts),
      });
      return logEntryView(entry, c.minMinutesPerDay, attempt);
    },

    /** The viewer's entry for one date. */
    async getLog(viewer: Viewer, date: string, slug = DEFAULT_CHALLENGE): Promise<LogEntryView> {
      if (!isIsoDate(date)) throw invalid("Invalid date", [{ path: ["date"], message: "an ISO date yyyy-mm-dd" }]);
      const [found, c] = await Promise.all([readLogEntry(p, slug, viewer.id, date), challengeOf(slug)]);
      if (!found) throw notFound(`Log entry for ${date}`);
      return logEntryView(found.entry, c.minMinutesPerDay, found.attempt);
    },

    /** The viewer's log, newest first, one page (cursors are opaque `log` cursors); `from`/`to` bound the dates. */
    async listLog(viewer: Viewer, options: ListArgs & { from?: string | null | undefined; to?: string | null | undefined } = {}, slug = DEFAULT_CHALLENGE): Promise<Connection<LogEntryView>> {
      for (const [k, v] of Object.entries({ from: options.from, to: options.to })) {
        if (v != null && !isIsoDate(v)) throw invalid(`Invalid ${k}`, [{ path: [k], message: "an ISO date yyyy-mm-dd" }]);
      }
      const size = pageSize(options.first);
      const before = logCursorDate(options.after);
      const range = { ...(options.from ? { gte: options.from } : {}), ...(options.to ? { lte: options.to } : {}) };
      const [rows, total, c, attempt] = await Promise.all([
        p.logEntry.findMany({ where: { learnerId: viewer.id, date: { ...range, ...(before ? { lt: before } : {}) } }, orderBy: { date: "desc" }, take: size + 1 }),
        p.logEntry.count({ where: { learnerId: viewer.id, date: range } }),
        challengeOf(slug),
        currentEnrollment(viewer, slug),
      ]);
      return toConnection(rows.map((r) => logEntryView(r, c.minMinutesPerDay, attempt)), size, total, before !== undefined, (e) => encodeCursor(LOG_CURSOR, e.date));
    },

    /**
     * Starts a new attempt today (in the viewer's zone): the active one, if any, is
     * ended and stays in the history with its log.
     */
    async enrol(viewer: Viewer, input: { challengeSlug?: string | undefined; goalDays?: number | undefined } = {}): Promise<EnrollmentView> {
      const slug = input.challengeSlug ?? DEFAULT_CHALLENGE;
      const c = await challengeOf(slug);
      const goalDays = input.goalDays ?? c.totalDays;
      if (!Number.isInteger(goalDays) || goalDays < 1 || goalDays > 366) throw invalid("Invalid enrolment", [{ path: ["goalDays"], message: "an integer from 1 to 366" }]);
      const now = clock.now();
      const row = await p.$transaction(async (tx) => {
        await tx.enrollment.updateMany({ where: { learnerId: viewer.id, challengeSlug: slug, state: "ACTIVE" }, data: { state: "ENDED", endedAt: now } });
        return tx.enrollment.create({ data: { learnerId: viewer.id, challengeSlug: slug, startDate: dateIn(now, viewer.timezone), goalDays, createdAt: now } });
      });
      return enrollmentView(row);
    },

    /** All the viewer's attempts, newest first. */
    async enrollments(viewer: Viewer): Promise<EnrollmentView[]> {
      const rows = await p.enrollment.findMany({ where: { learnerId: viewer.id }, orderBy: newestAttemptFirst, take: 100 });
      return rows.map(enrollmentView);
    },

    /**
     * Streaks, status, heatmap and the next lesson of the viewer's current attempt.
     * `path` is "chronological" (default) or the name of a learning path (e.g. "suggested").
     */
    async stats(viewer: Viewer, options: { path?: string | undefined } = {}, slug = DEFAULT_CHALLENGE): Promise<StatsView> {
      const c = await challengeOf(slug);
      const path = options.path ?? "chronological";
      // Enrolment, log and finished lessons in one statement (progressSql.ts); content from the per-version cache.
      const [{ enrollment, entries, finished }, days, steps] = await Promise.all([
        readStatsRows(p, viewer.id, slug, dateIn(clock.now(), viewer.timezone)),
        content.days(slug),
        path === "chronological" ? Promise.resolve(null) : content.pathSteps(slug, path),
      ]);
      const startDate = enrollment?.startDate ?? dateIn(clock.now(), viewer.timezone);
      const goalDays = enrollment?.goalDays ?? c.totalDays;
      if (path !== "chronological" && !steps) throw notFound(`Learning path ${path}`);
      const chronological = days.length ? days.map((d) => d.number) : Array.from({ length: c.totalDays }, (_, i) => i + 1);
      // A path may list only some days (the suggested order skips ten): the rest follow chronologically.
      const order = steps ? [...steps, ...chronological.filter((n) => !steps.includes(n))] : chronological;
      const next = nextLesson(order, new Set(finished));
      const s = computeStreak({ entries, now: clock.now(), timezone: viewer.timezone, startDate, goalDays, minMinutes: c.minMinutesPerDay, freeze: c.freeze });
      return {
        challengeSlug: slug,
        enrollment: enrollment ? enrollmentView(enrollment) : null,
        ...s,
        goalDays,
        minMinutesPerDay: c.minMinutesPerDay,
        freezePolicy: c.freeze,
        nextLesson: next === null ? null : { day: next, title: days.find((d) => d.number === next)?.title ?? null, path },
      };
    },

    /** Every date of the viewer's current attempt with its status (what the heatmap draws), from the same stats. */
    async calendar(viewer: Viewer, slug = DEFAULT_CHALLENGE): Promise<AttemptCalendar> {
      const [stats, c] = await Promise.all([service.stats(viewer, {}, slug), challengeOf(slug)]);
      return attemptCalendar(stats, c.hashtag);
    },

    /**
     * The current attempt explained date by date: each date's status and reason, when
     * the attempt broke and why, and by when today must be logged (streakExplanation.ts).
     */
    async streak(viewer: Viewer, slug = DEFAULT_CHALLENGE): Promise<StreakExplanation> {
      const c = await challengeOf(slug);
      const enrollment = await currentEnrollment(viewer, slug);
      const now = clock.now();
      const startDate = enrollment?.startDate ?? dateIn(now, viewer.timezone);
      // The attempt's dates, and dates before it logged after enrolling (BEFORE_ENROLMENT).
      const entries = await p.logEntry.findMany({
        where: { learnerId: viewer.id, OR: [{ date: { gte: startDate } }, ...(enrollment ? [{ createdAt: { gte: enrollment.createdAt } }] : [])] },
        select: { date: true, timezone: true, minutes: true, createdAt: true }, orderBy: { date: "desc" }, take: 1000,
      });
      return explainStreak({
        entries: entries.map((e) => ({ date: e.date, timezone: e.timezone, minutes: e.minutes, loggedAt: e.createdAt })),
        now, timezone: viewer.timezone, startDate, goalDays: enrollment?.goalDays ?? c.totalDays, minMinutes: c.minMinutesPerDay,
        freeze: c.freeze, enrolledAt: enrollment?.createdAt, graceDays: config.LOG_GRACE_DAYS,
      });
    },

    /**
     * The post to share for a logged date: "Day N of #66DaysOfK8s: …" with the challenge's
     * hashtags. A date that belongs to no attempt (BEFORE_ENROLMENT, or before any attempt
     * started) is day 0 and reads "Getting ready for #66DaysOfK8s: …" — never "Day 1".
     */
    async share(viewer: Viewer, date: string, options: { maxLength?: number | undefined } = {}, slug = DEFAULT_CHALLENGE): Promise<ShareView> {
      const entry = await service.getLog(viewer, date, slug);
      const c = await challengeOf(slug);
      const enrollment = entry.countedReason === "BEFORE_ENROLMENT"
        ? null
        : await p.enrollment.findFirst({ where: { learnerId: viewer.id, challengeSlug: slug, startDate: { lte: date } }, orderBy: [{ startDate: "desc" }, { createdAt: "desc" }] });
      const dayNumber = enrollment ? daysBetween(enrollment.startDate, date) + 1 : 0;
      const post = shareText({ dayNumber, hashtag: c.hashtag, hashtags: c.hashtags, learned: entry.learned, minutes: entry.minutes }, Math.min(Math.max(options.maxLength ?? 280, 80), 5000));
      return { date, dayNumber, ...post };
    },

    /** All the viewer's data as one JSON-ready object (tokens without secrets or hashes). */
    async exportAll(viewer: Viewer) {
      const row = await p.learner.findUnique({
        where: { id: viewer.id },
        include: {
          tokens: { orderBy: { createdAt: "asc" }, take: 10_000 },
          enrollments: { orderBy: { createdAt: "asc" }, take: 10_000 },
          progress: { orderBy: [{ challengeSlug: "asc" }, { dayNumber: "asc" }], take: 10_000 },
          log: { orderBy: { date: "asc" }, take: 10_000 },
        },
      });
      if (!row) throw notFound("Learner");
      const c = await challengeOf(DEFAULT_CHALLENGE);
      const attempt = await currentEnrollment(viewer, DEFAULT_CHALLENGE);
      return {
        exportedAt: clock.now().toISOString(),
        learner: learnerView(row),
        tokens: row.tokens.map((t) => ({ ...tokenView(t), revokedAt: t.revokedAt?.toISOString() ?? null })),
        enrollments: row.enrollments.map(enrollmentView),
        progress: row.progress.map(progressView),
        log: row.log.map((e) => logEntryView(e, c.minMinutesPerDay, attempt)),
      };
    },
  };
  return service;
}

/** The progress service. */
export type ProgressService = ReturnType<typeof createProgressService>;
