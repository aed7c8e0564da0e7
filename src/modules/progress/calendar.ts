/**
 * Calendar dates (ISO yyyy-mm-dd) in IANA time zones. A date is a plain string;
 * arithmetic on it happens at UTC midnight, so DST never shifts a day.
 */

import type { FieldIssue } from "../../errors.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** What a time zone must be, in the words every transport uses. */
export const TIME_ZONE_EXPECTED = "an IANA time zone (e.g. Europe/Madrid)";

/**
 * The one wording of a bad time zone, as a field issue; described (`<path> must be <message>`)
 * it reads "timezone must be an IANA time zone (e.g. Europe/Madrid), got Mars/Olympus" —
 * in the REST and GraphQL error messages and on the command line alike.
 */
export function timeZoneIssue(tz: string): FieldIssue {
  return { path: ["timezone"], message: `${TIME_ZONE_EXPECTED}, got ${tz}` };
}

/** True when `tz` is an IANA time zone this runtime knows (e.g. "Europe/Madrid"). */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date of `instant` in `tz`, e.g. dateIn(2026-03-08T07:30Z, "America/Los_Angeles") = "2026-03-07". */
export function dateIn(instant: Date, tz: string): string {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(tz, f);
  }
  return f.format(instant);
}

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** `date` moved by `n` calendar days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Offset of `tz` from UTC at `instant`, in whole minutes: -420 for Los Angeles in
 * summer (PDT), 780 for Auckland in summer (NZDT), 0 for UTC.
 */
export function offsetMinutes(instant: Date, tz: string): number {
  let f = offsetFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" });
    offsetFormatters.set(tz, f);
  }
  const name = f.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * The first instant of calendar date `date` in `tz` — usually local midnight; where a
 * DST change skips midnight (America/Santiago, Asia/Beirut) the first minute that exists.
 * Found by bisection over the minutes around UTC midnight, so no offset rule is assumed.
 */
export function startOfDateIn(date: string, tz: string): Date {
  const utcMidnightMinutes = Date.parse(`${date}T00:00:00Z`) / 60_000;
  // Offsets lie within -12:00 .. +14:00: 15 hours either side bracket the answer.
  let lo = utcMidnightMinutes - 15 * 60; // local date before `date`
  let hi = utcMidnightMinutes + 15 * 60; // local date on or after `date`
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dateIn(new Date(mid * 60_000), tz) < date) lo = mid;
    else hi = mid;
  }
  return new Date(hi * 60_000);
}

/** `instant` as local ISO 8601 time with its offset in `tz`: "2026-03-11T00:00:00-07:00". */
export function localIsoTime(instant: Date, tz: string): string {
  let f = clockFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    clockFormatters.set(tz, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  const offset = offsetMinutes(instant, tz);
  const abs = Math.abs(offset);
  const sign = offset < 0 ? "-" : "+";
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** A change of a zone's UTC offset (a DST start or end, or a change of standard time). */
export interface OffsetChange {
  /** The instant of the change. */
  at: Date;
  /** Offset before it, in minutes. */
  from: number;
  /** Offset from it on, in minutes. */
  to: number;
}

/**
 * The offset changes of `tz` between two instants, oldest first: found by sampling
 * every 24 hours and bisecting each change to the minute (no zone rules assumed;
 * two changes within one day would be missed, which no zone does).
 */
export function offsetChanges(tz: string, from: Date, to: Date): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const day = 86_400_000;
  let t = from.getTime();
  let offset = offsetMinutes(from, tz);
  while (t < to.getTime()) {
    const next = Math.min(t + day, to.getTime());
    const nextOffset = offsetMinutes(new Date(next), tz);
    if (nextOffset !== offset) {
      let lo = t / 60_000; // minutes; offset at lo = `offset`
      let hi = next / 60_000; // offset at hi = `nextOffset`
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMinutes(new Date(mid * 60_000), tz) === offset) lo = mid;
        else hi = mid;
      }
      changes.push({ at: new Date(hi * 60_000), from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return changes;
}
