/**
 * A learner's private progress: lesson status, the daily log, enrolments, stats,
 * concept mastery, share posts and the data export. Transport-neutral: REST,
 * GraphQL, MCP and the CLI call these with the authenticated `Viewer`; every
 * query is filtered by the viewer's id, so no call can reach another learner.
 *
 * One file per concern, composed here: lessonProgress.ts, dailyLog.ts, enrolments.ts,
 * attemptStats.ts, sharePost.ts, dataExport.ts (shared lookups in progressContext.ts).
 */
import type { Deps } from "../../deps.ts";
import type { ContentFacts } from "./contentFacts.ts";
import { createAttemptStats, type AttemptStatsService } from "./attemptStats.ts";
import { createDailyLog, type DailyLogService } from "./dailyLog.ts";
import { createDataExport, type DataExportService } from "./dataExport.ts";
import { createEnrolments, type EnrolmentService } from "./enrolments.ts";
import { createLessonProgress, type LessonProgressService } from "./lessonProgress.ts";
import { createProgressContext } from "./progressContext.ts";
import { createSharePost, type SharePostService } from "./sharePost.ts";

export type { ProgressInput } from "./lessonProgress.ts";
export type { LogInput } from "./dailyLog.ts";
export type { LearnerDataExport } from "./dataExport.ts";

/**
 * The progress service: every method of its parts (each method's doc comment is on its
 * part's interface).
 */
export interface ProgressService extends LessonProgressService, DailyLogService, EnrolmentService, AttemptStatsService, SharePostService, DataExportService {}

/** Builds the progress service from its parts on shared lookups. */
export function createProgressService(deps: Deps, content: ContentFacts): ProgressService {
  const ctx = createProgressContext(deps, content);
  const log = createDailyLog(ctx);
  return {
    ...createLessonProgress(ctx),
    ...log,
    ...createEnrolments(ctx),
    ...createAttemptStats(ctx),
    ...createSharePost(ctx, log),
    ...createDataExport(ctx),
  };
}
