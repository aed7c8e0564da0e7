/**
 * PURE: the challenge's table of days (challenge/README.md) → day facts (number, week, title,
 * series, part, kind) following the title rules the seeds follow too, and the suggested-order
 * list → day numbers.
 */
import type { Root, Table } from "mdast";
import type { ImportWarning } from "./lesson.ts";
import { lineOf, plainText, walk } from "./markdown.ts";
import { linkedDayNumber } from "./references.ts";

/** THEORY | EXERCISE | EXPLORATION | SETUP | PROJECT */
export type DayKind = "THEORY" | "EXERCISE" | "EXPLORATION" | "SETUP" | "PROJECT";

/** The index facts of one day. */
export interface DayFacts {
  number: number;
  week: number | null;
  title: string;
  series: string | null;
  part: number | null;
  kind: DayKind;
}

/** One row of the table as written. */
export interface DayRow {
  number: number;
  about: string;
  summary: string;
  detail: string | null;
}

/** Reads the rows of the first table with a "Day" column. */
export function tableRows(root: Root, file: string, warnings: ImportWarning[]): DayRow[] {
  let table: Table | undefined;
  walk(root, (n) => {
    if (!table && n.type === "table" && /day/i.test(plainText(n.children[0]?.children[0] ?? []))) table = n;
  });
  if (!table) {
    warnings.push({ file, line: 1, message: 'no table of days (a table with a "Day" column)' });
    return [];
  }
  const header = table.children[0]!.children.map((c) => plainText(c).toLowerCase());
  const col = (name: string) => header.findIndex((h) => h.includes(name));
  const [iDay, iAbout, iSummary, iDetail] = [col("day"), col("about"), col("summary"), col("detail")];
  const rows: DayRow[] = [];
  for (const row of table.children.slice(1)) {
    const cell = (i: number) => (i >= 0 && row.children[i] ? plainText(row.children[i]!) : "");
    const number = Number(cell(iDay));
    if (!Number.isInteger(number) || number < 1) {
      warnings.push({ file, line: lineOf(row), message: `row without a day number ("${cell(iDay)}")` });
      continue;
    }
    let detail: string | null = null;
    if (iDetail >= 0 && row.children[iDetail]) {
      walk(row.children[iDetail]!, (n) => {
        if (!detail && n.type === "link") detail = n.url;
      });
    }
    rows.push({ number, about: cell(iAbout).trim(), summary: cell(iSummary).trim(), detail });
  }
  return rows;
}

const PART_SUFFIX = /^(.*?)\s*\(?\bpart\s*(\d+)\)?(\s*\([^)]*\))?\s*$/i;
const PART_PREFIX = /^part\s*(\d+)\s*:\s*(.+)$/i;

/**
 * Applies the title rules to the table rows:
 * - About "Exercise"/"Exploration": kind from About, title = Summary; a "(part N)"/"part N" suffix gives
 *   series (title without suffix) and part; an unsuffixed first day with suffixed siblings → part 1.
 * - Summary "Part N: X": series = About, part = N, title = X.
 * - Otherwise title = "About: Summary"; consecutive days with the same About → series, parts 1..n.
 */
export function dayFactsFromRows(rows: DayRow[]): DayFacts[] {
  const facts: DayFacts[] = rows.map((row) => {
    const week = row.detail ? weekOfLink(row.detail) : null;
    const about = row.about.toLowerCase();
    if (about === "exercise" || about === "exploration") {
      const kind: DayKind = about === "exercise" ? "EXERCISE" : "EXPLORATION";
      const suffix = PART_SUFFIX.exec(row.summary);
      if (suffix?.[1]) return { number: row.number, week, title: row.summary, series: suffix[1].trim(), part: Number(suffix[2]), kind };
      return { number: row.number, week, title: row.summary, series: null, part: null, kind };
    }
    const prefix = PART_PREFIX.exec(row.summary);
    if (prefix) return { number: row.number, week, title: prefix[2]!.trim(), series: row.about, part: Number(prefix[1]), kind: kindOfSeries(row.about) };
    return { number: row.number, week, title: `${row.about}: ${row.summary}`, series: null, part: null, kind: kindOfSeries(row.about) };
  });
  // Unsuffixed first day of a series whose later days carry "(part N)".
  for (const f of facts) {
    if (f.series !== null) continue;
    const key = f.title.toLowerCase();
    if (facts.some((o) => o.number > f.number && o.series?.toLowerCase() === key)) {
      f.series = f.title;
      f.part = 1;
    }
  }
  // Consecutive days sharing an About that is not a series yet.
  const byNumber = [...facts].sort((a, b) => a.number - b.number);
  for (let i = 0; i < byNumber.length; ) {
    const about = rows.find((r) => r.number === byNumber[i]!.number)!.about;
    let j = i;
    while (j + 1 < byNumber.length && byNumber[j + 1]!.series === null && rows.find((r) => r.number === byNumber[j + 1]!.number)!.about === about) j++;
    const isPlain = !["exercise", "exploration"].includes(about.toLowerCase());
    if (j > i && isPlain && byNumber.slice(i, j + 1).every((f) => f.series === null)) {
      byNumber.slice(i, j + 1).forEach((f, k) => {
        f.series = about;
        f.part = k + 1;
      });
    }
    i = j + 1;
  }
  return facts;
}

function kindOfSeries(about: string): DayKind {
  if (/from scratch|setup|install/i.test(about)) return "SETUP";
  if (/architecture/i.test(about)) return "THEORY";
  return "EXERCISE";
}

/** Week number of a table link such as "./week02/day13". */
export function weekOfLink(href: string): number | null {
  const match = /week0*(\d{1,2})/i.exec(href);
  return match ? Number(match[1]) : null;
}

/** Day numbers linked from a markdown list (the suggested order), each once, in order. */
export function linkedDays(root: Root, file: string, warnings: ImportWarning[]): number[] {
  const days: number[] = [];
  walk(root, (n) => {
    if (n.type !== "link") return;
    const day = linkedDayNumber(n.url);
    if (day === null) return;
    if (days.includes(day)) warnings.push({ file, line: lineOf(n), message: `day ${day} listed twice` });
    else days.push(day);
  });
  return days;
}
