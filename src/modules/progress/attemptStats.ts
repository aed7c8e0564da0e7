/**
 * The current attempt seen whole: streaks, status, heatmap and next lesson (stats), the
 * dates as the heatmap draws them (calendar) and the date-by-date explanation (streak).
 */
import { notFound } from "../../errors.ts";
import type { Viewer } from "../learners/learners.types.ts";
import { DEFAULT_CHALLENGE } from "../content/defaultChallenge.ts";
import { attemptCalendar, type AttemptCalendar } from "./attemptCalendar.ts";
import { dateIn } from "./calendar.ts";
import type { ProgressContext } from "./progressContext.ts";
import { readStatsRows } from "./progressSql.ts";
import { nextLesson, streakOf } from "./streak.ts";
import type { AttemptWalk } from "./attemptDates.ts";
import { explainStreak, type StreakExplanation } from "./streakExplanation.ts";
import { enrollmentView, type StatsView } from "./progress.types.ts";

/** The stats part of the progress service. */
export interface AttemptStatsService {
  /** Streaks, status, heatmap and next lesson of the current attempt, along `path` ("chronological" or a learning path). */
  stats(viewer: Viewer, options?: { path?: string | undefined }, slug?: string): Promise<StatsView>;
  /** Every date of the current attempt with its status (what the heatmap draws), from the walk behind the stats. */
  calendar(viewer: Viewer, slug?: string): Promise<AttemptCalendar>;
  /** The current attempt explained date by date: statuses, reasons, when it broke and by when today must be logged. */
  streak(viewer: Viewer, slug?: string): Promise<StreakExplanation>;
}

/** Creates the stats part. */
export function createAttemptStats({ p, sql, clock, config, content, challengeOf, currentEnrollment }: ProgressContext): AttemptStatsService {
  /** The stats of the viewer's current attempt and the walk over its dates they come from (streak.ts). */
  async function statsAndWalk(viewer: Viewer, options: { path?: string | undefined }, slug: string): Promise<{ stats: StatsView; walk: AttemptWalk }> {
    const c = await challengeOf(slug);
    const path = options.path ?? "chronological";
    // Enrolment, log and finished lessons in one statement (progressSql.ts); content from the per-version cache.
    const [{ enrollment, entries, finished }, days, steps] = await Promise.all([
      readStatsRows(sql, viewer.id, slug, dateIn(clock.now(), viewer.timezone)),
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
    const { stats: s, walk } = streakOf({
      entries,
      now: clock.now(),
      timezone: viewer.timezone,
      startDate,
      goalDays,
      minMinutes: c.minMinutesPerDay,
      freeze: c.freeze,
    });
    const stats: StatsView = {
      challengeSlug: slug,
      enrollment: enrollment ? enrollmentView(enrollment) : null,
      ...s,
      goalDays,
      minMinutesPerDay: c.minMinutesPerDay,
      freezePolicy: c.freeze,
      nextLesson: next === null ? null : { day: next, title: days.find((d) => d.number === next)?.title ?? null, path },
    };
    return { stats, walk };
  }

  return {
    async stats(viewer, options = {}, slug = DEFAULT_CHALLENGE) {
      return (await statsAndWalk(viewer, options, slug)).stats;
    },

    async calendar(viewer, slug = DEFAULT_CHALLENGE) {
      const [{ stats, walk }, c] = await Promise.all([statsAndWalk(viewer, {}, slug), challengeOf(slug)]);
      return attemptCalendar(stats, walk.dates, c.hashtag);
    },

    /** See streakExplanation.ts. */
    async streak(viewer, slug = DEFAULT_CHALLENGE) {
      const c = await challengeOf(slug);
      const enrollment = await currentEnrollment(viewer, slug);
      const now = clock.now();
      const startDate = enrollment?.startDate ?? dateIn(now, viewer.timezone);
      // The attempt's dates, and dates before it logged after enrolling (BEFORE_ENROLMENT).
      const entries = await p.logEntry.findMany({
        where: { learnerId: viewer.id, OR: [{ date: { gte: startDate } }, ...(enrollment ? [{ createdAt: { gte: enrollment.createdAt } }] : [])] },
        select: { date: true, timezone: true, minutes: true, createdAt: true },
        orderBy: { date: "desc" },
        take: 1000,
      });
      return explainStreak({
        entries: entries.map((e) => ({ date: e.date, timezone: e.timezone, minutes: e.minutes, loggedAt: e.createdAt })),
        now,
        timezone: viewer.timezone,
        startDate,
        goalDays: enrollment?.goalDays ?? c.totalDays,
        minMinutes: c.minMinutesPerDay,
        freeze: c.freeze,
        enrolledAt: enrollment?.createdAt,
        graceDays: config.LOG_GRACE_DAYS,
      });
    },
  };
}
