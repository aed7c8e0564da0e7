/**
 * CSV exports of the log and of lesson progress, written to RFC 4180: a header
 * row, CRLF line ends, fields quoted when they hold a comma, a quote, CR or LF,
 * quotes doubled. Lists (day numbers, concept slugs) are joined with spaces.
 */
import type { LessonProgressView, LogEntryView } from "../progress.types.ts";

type Cell = string | number | boolean | null;

/** One RFC 4180 field. */
export function csvField(value: Cell): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: the header, then one record per row, each line ending in CRLF. */
export function csvTable(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((r) => `${r.map(csvField).join(",")}\r\n`).join("");
}

/** Columns of the log CSV. */
export const logColumns = ["date", "timezone", "minutes", "counted", "countedReason", "learned", "days", "concepts", "createdAt", "updatedAt"] as const;

/** The log as CSV, oldest date first. */
export function logCsv(log: readonly LogEntryView[]): string {
  return csvTable(
    logColumns,
    log.map((e) => [e.date, e.timezone, e.minutes, e.counted, e.countedReason, e.learned, e.days.join(" "), e.concepts.join(" "), e.createdAt, e.updatedAt]),
  );
}

/** Columns of the progress CSV. */
export const progressColumns = ["challengeSlug", "day", "status", "confidence", "startedAt", "completedAt", "updatedAt", "note"] as const;

/** Lesson progress as CSV, by day number. */
export function progressCsv(progress: readonly LessonProgressView[]): string {
  return csvTable(
    progressColumns,
    progress.map((p) => [p.challengeSlug, p.day, p.status, p.confidence, p.startedAt, p.completedAt, p.updatedAt, p.note]),
  );
}
