/**
 * The learner's export in every format: JSON (the progress service's `exportAll`),
 * CSV (log or progress), a Markdown journal and an ICS calendar. Builds the journal
 * once (titles, concept names, share posts) and hands it to the pure formatters.
 */
import type { Database } from "../../../db/client.ts";
import type { Clock } from "../../../clock.ts";
import type { Viewer } from "../../learners/learners.types.ts";
import { dateIn, daysBetween } from "../calendar.ts";
import { DEFAULT_CHALLENGE } from "../../content/defaultChallenge.ts";
import type { ContentFacts } from "../contentFacts.ts";
import type { LearnerDataExport, ProgressService } from "../progress.service.ts";
import { shareText } from "../shareText.ts";
import { logCsv, progressCsv } from "./csv.ts";
import { journalCalendar } from "./ics.ts";
import type { Journal } from "./journal.ts";
import { journalMarkdown } from "./markdown.ts";

/** Formats of the export. */
export type ExportFormat = "json" | "csv" | "md" | "ics";
/** What a CSV export holds: one table each. */
export type CsvKind = "log" | "progress";

/** The media type of each format (with its parameters). */
export const exportMediaTypes: Record<ExportFormat, string> = {
  json: "application/json",
  csv: "text/csv",
  md: "text/markdown",
  ics: "text/calendar",
};

/** A rendered text export. */
export interface RenderedExport {
  contentType: string;
  filename: string;
  body: string;
}

/** The learner's data in the text formats. */
export interface ExportService {
  /** The viewer's data as CSV (`kind`: log or progress), a Markdown journal (links under `base`) or an ICS calendar (`remindAt` "HH:MM" adds a reminder). */
  render(
    viewer: Viewer,
    format: Exclude<ExportFormat, "json">,
    options: { kind?: CsvKind | undefined; remindAt?: string | undefined; base: string },
  ): Promise<RenderedExport>;
}

/** Creates the export service. */
export function createExportService(deps: { db: Database; clock: Clock }, content: ContentFacts, progress: ProgressService): ExportService {
  const p = deps.db.prisma;

  /** The journal of the viewer: every logged date with what it touched and its share post. */
  async function journal(viewer: Viewer, data: LearnerDataExport): Promise<Journal> {
    const c = (await content.challenge(DEFAULT_CHALLENGE))!;
    const days = await content.days(DEFAULT_CHALLENGE);
    const titles = new Map(days.map((d) => [d.number, d.title]));
    const slugs = [...new Set(data.log.flatMap((e) => e.concepts))];
    const concepts = slugs.length ? await p.concept.findMany({ where: { slug: { in: slugs } }, select: { slug: true, name: true }, take: slugs.length }) : [];
    const names = new Map(concepts.map((x) => [x.slug, x.name]));
    // The attempt a date belongs to: the newest one started on or before it.
    const attempts = [...data.enrollments].sort((a, b) => b.startDate.localeCompare(a.startDate) || b.createdAt.localeCompare(a.createdAt));
    const now = deps.clock.now();
    const today = dateIn(now, viewer.timezone);
    const current = attempts.find((a) => a.state === "ACTIVE") ?? attempts[0];
    return {
      learner: { id: data.learner.id, handle: data.learner.handle, displayName: data.learner.displayName, timezone: data.learner.timezone },
      challenge: { name: c.name, hashtag: c.hashtag, minMinutesPerDay: c.minMinutesPerDay },
      exportedAt: now,
      today,
      datesLeft: current ? Math.max(1, current.goalDays - daysBetween(current.startDate, today)) : c.totalDays,
      entries: data.log.map((e) => {
        // An entry that belongs to no attempt (BEFORE_ENROLMENT) has no day of the attempt.
        const attempt = e.countedReason === "BEFORE_ENROLMENT" ? undefined : attempts.find((a) => a.startDate <= e.date);
        const dayOfAttempt = attempt ? daysBetween(attempt.startDate, e.date) + 1 : null;
        return {
          date: e.date,
          timezone: e.timezone,
          minutes: e.minutes,
          counted: e.counted,
          learned: e.learned,
          dayOfAttempt,
          lessons: e.days.map((day) => ({ day, title: titles.get(day) ?? null })),
          concepts: e.concepts.map((slug) => ({ slug, name: names.get(slug) ?? null })),
          share: shareText({ dayNumber: dayOfAttempt ?? 0, hashtag: c.hashtag, hashtags: c.hashtags, learned: e.learned, minutes: e.minutes }).text,
        };
      }),
    };
  }

  return {
    /**
     * The viewer's data as CSV, Markdown or ICS. `kind` picks the CSV table (log by
     * default); `remindAt` ("HH:MM") adds a daily reminder to the calendar; `base` is
     * the public origin links in the Markdown point to.
     */
    async render(
      viewer: Viewer,
      format: Exclude<ExportFormat, "json">,
      options: { kind?: CsvKind | undefined; remindAt?: string | undefined; base: string },
    ): Promise<RenderedExport> {
      const data = await progress.exportAll(viewer);
      const name = `k8s-days-${data.learner.handle}`;
      if (format === "csv") {
        const kind = options.kind ?? "log";
        return {
          contentType: "text/csv; charset=utf-8; header=present",
          filename: `${name}-${kind}.csv`,
          body: kind === "log" ? logCsv(data.log) : progressCsv(data.progress),
        };
      }
      const j = await journal(viewer, data);
      if (format === "md") return { contentType: "text/markdown; charset=utf-8", filename: `${name}-journal.md`, body: journalMarkdown(j, options.base) };
      return { contentType: "text/calendar; charset=utf-8", filename: `${name}.ics`, body: journalCalendar(j, { remindAt: options.remindAt }) };
    },
  };
}
