/**
 * All of a learner's data as one JSON-ready object (GET /me/export's JSON; the other
 * formats in export/ are built from it).
 */
import { notFound } from "../../errors.ts";
import { learnerView, tokenView, type LearnerView, type TokenView, type Viewer } from "../learners/learners.types.ts";
import { DEFAULT_CHALLENGE } from "../content/defaultChallenge.ts";
import type { ProgressContext } from "./progressContext.ts";
import { enrollmentView, logEntryView, progressView, type EnrollmentView, type LessonProgressView, type LogEntryView } from "./progress.types.ts";

/** The JSON export: the learner, their tokens (without secrets or hashes), attempts, progress and log. */
export interface LearnerDataExport {
  exportedAt: string;
  learner: LearnerView;
  tokens: (TokenView & { revokedAt: string | null })[];
  enrollments: EnrollmentView[];
  progress: LessonProgressView[];
  log: LogEntryView[];
}

/** The export part of the progress service. */
export interface DataExportService {
  /** All the viewer's data as one JSON-ready object (tokens without secrets or hashes). */
  exportAll(viewer: Viewer): Promise<LearnerDataExport>;
}

/** Creates the export part. */
export function createDataExport({ p, clock, challengeOf, currentEnrollment }: ProgressContext): DataExportService {
  return {
    async exportAll(viewer) {
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
}
