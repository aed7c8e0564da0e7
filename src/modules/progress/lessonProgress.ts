/**
 * Lesson progress: the status, note and confidence of each lesson, the paged list of
 * them, and concept mastery derived from the lessons done.
 */
import { invalid, type FieldIssue } from "../../errors.ts";
import type { Viewer } from "../learners/learners.types.ts";
import { DEFAULT_CHALLENGE } from "../content/defaultChallenge.ts";
import { decodeIntCursor, encodeCursor, MAX_PAGE_SIZE, pageSize, toConnection, type Connection, type PageArgs } from "../content/pagination.ts";
import type { ProgressContext } from "./progressContext.ts";
import { limits } from "./progressLimits.ts";
import { lessonStatuses, progressView, type LessonProgressView, type LessonStatus, type MasteryView } from "./progress.types.ts";

/** Input of `setProgress`; omitted fields keep their value. */
export interface ProgressInput {
  status?: LessonStatus | undefined;
  note?: string | null | undefined;
  confidence?: number | null | undefined;
}

/** The lesson-progress part of the progress service. */
export interface LessonProgressService {
  /** The viewer's progress on one lesson (NOT_STARTED when nothing was recorded). */
  getProgress(viewer: Viewer, day: number, slug?: string): Promise<LessonProgressView>;
  /** Sets status, note or confidence of one lesson (startedAt/completedAt follow the status). */
  setProgress(viewer: Viewer, day: number, input: ProgressInput, slug?: string): Promise<LessonProgressView>;
  /** The viewer's recorded lesson progress by day number, one page (opaque `progress` cursors). */
  listProgress(viewer: Viewer, options?: PageArgs & { status?: LessonStatus | null | undefined }, slug?: string): Promise<Connection<LessonProgressView>>;
  /** Per-concept mastery from the lessons the viewer has done, best first (`limit` 1–100, default all). */
  mastery(viewer: Viewer, options?: { limit?: number | undefined }, slug?: string): Promise<MasteryView[]>;
}

const PROGRESS_CURSOR = "progress";

/** The `after` of lesson progress: a `progress` cursor, or (for one release) the bare day number old pages answered. */
function progressCursorDay(after: string | null | undefined): number | undefined {
  if (after && /^\d{1,4}$/.test(after)) return Number(after);
  return decodeIntCursor(PROGRESS_CURSOR, after);
}

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

/** Creates the lesson-progress part. */
export function createLessonProgress({ p, clock, content, checkDay }: ProgressContext): LessonProgressService {
  return {
    async getProgress(viewer, day, slug = DEFAULT_CHALLENGE) {
      await checkDay(slug, day);
      const row = await p.lessonProgress.findUnique({
        where: { learnerId_challengeSlug_dayNumber: { learnerId: viewer.id, challengeSlug: slug, dayNumber: day } },
      });
      return row
        ? progressView(row)
        : { challengeSlug: slug, day, status: "NOT_STARTED", startedAt: null, completedAt: null, note: null, confidence: null, updatedAt: null };
    },

    /**
     * startedAt is set on the first move to IN_PROGRESS or DONE, completedAt on the move
     * to DONE; going back to NOT_STARTED clears both.
     */
    async setProgress(viewer, day, input, slug = DEFAULT_CHALLENGE) {
      await checkDay(slug, day);
      const issues: FieldIssue[] = [];
      if (input.status !== undefined && !lessonStatuses.includes(input.status))
        issues.push({ path: ["status"], message: `one of ${lessonStatuses.join(", ")}` });
      if (input.note != null && input.note.length > limits.noteChars) issues.push({ path: ["note"], message: `at most ${limits.noteChars} characters` });
      if (input.confidence != null && (!Number.isInteger(input.confidence) || input.confidence < 1 || input.confidence > 5))
        issues.push({ path: ["confidence"], message: "an integer from 1 to 5" });
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
          status,
          ...times,
          updatedAt: now,
          ...(input.note !== undefined ? { note: input.note } : {}),
          ...(input.confidence !== undefined ? { confidence: input.confidence } : {}),
        };
        return p.lessonProgress.upsert({ where: { learnerId_challengeSlug_dayNumber: key }, create: { ...key, ...data }, update: data });
      });
      return progressView(row);
    },

    async listProgress(viewer, options = {}, slug = DEFAULT_CHALLENGE) {
      const size = pageSize(options.first);
      const after = progressCursorDay(options.after);
      const where = { learnerId: viewer.id, challengeSlug: slug, ...(options.status ? { status: options.status } : {}) };
      const [rows, total] = await Promise.all([
        p.lessonProgress.findMany({
          where: { ...where, ...(after !== undefined ? { dayNumber: { gt: after } } : {}) },
          orderBy: { dayNumber: "asc" },
          take: size + 1,
        }),
        p.lessonProgress.count({ where }),
      ]);
      return toConnection(rows.map(progressView), size, total, after !== undefined, (r) => encodeCursor(PROGRESS_CURSOR, r.day));
    },

    async mastery(viewer, options = {}, slug = DEFAULT_CHALLENGE) {
      const [concepts, done] = await Promise.all([
        content.dayConcepts(slug),
        p.lessonProgress.findMany({
          where: { learnerId: viewer.id, challengeSlug: slug, status: "DONE" },
          select: { dayNumber: true, confidence: true },
          take: 1000,
        }),
      ]);
      const factor = new Map(done.map((d) => [d.dayNumber, d.confidence ? d.confidence / 5 : 0.6]));
      const acc = new Map<string, MasteryView & { total: number; score: number }>();
      for (const c of concepts) {
        const m = acc.get(c.conceptSlug) ?? { concept: c.conceptSlug, name: c.conceptName, mastery: 0, daysDone: 0, daysTotal: 0, total: 0, score: 0 };
        m.daysTotal++;
        m.total += c.weight;
        const f = factor.get(c.dayNumber);
        if (f !== undefined) {
          m.daysDone++;
          m.score += c.weight * f;
        }
        acc.set(c.conceptSlug, m);
      }
      return [...acc.values()]
        .filter((m) => m.daysDone > 0)
        .map(({ total, score, ...m }) => ({ ...m, mastery: total > 0 ? Math.round((score / total) * 100) / 100 : 0 }))
        .sort((a, b) => b.mastery - a.mastery || a.concept.localeCompare(b.concept))
        .slice(0, pageSize(options.limit ?? MAX_PAGE_SIZE));
    },
  };
}
