/**
 * The journal as an iCalendar file (RFC 5545): one all-day event per logged date
 * and, when the learner gives a time, a daily reminder at that local time in their
 * zone (TZID with a VTIMEZONE written from the zone's real offset changes) with a
 * display alarm, repeated for the dates left in the attempt.
 *
 * Rules of the format kept here: CRLF line ends, lines folded at 75 octets (a
 * continuation starts with a space, never inside a UTF-8 sequence), TEXT values
 * escaped (backslash, semicolon, comma, newline), a UID and DTSTAMP on every event.
 */
import { addDays, offsetChanges, offsetMinutes } from "../calendar.ts";
import type { Journal } from "./journal.ts";

/** Escapes a TEXT value. */
export function icsText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds one content line to at most 75 octets per line. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Never cut a UTF-8 sequence: step back over continuation bytes (10xxxxxx).
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
    limit = 74; // continuation lines start with a space
  }
  return parts.join("\r\n ");
}

const compactDate = (date: string) => date.replace(/-/g, "");
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
const offsetText = (minutes: number) => {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
};
/** Local wall time of `at` under `offset`, as an iCalendar DATE-TIME without zone. */
const localStamp = (at: Date, offset: number) => utcStamp(new Date(at.getTime() + offset * 60_000)).replace(/Z$/, "");

/**
 * A VTIMEZONE for `tz` covering `from`..`to`: one observance per real offset change
 * (DAYLIGHT when the new offset is the larger of the pair), or one STANDARD when the
 * zone does not change in that time.
 */
export function vtimezone(tz: string, from: Date, to: Date): string[] {
  const changes = offsetChanges(tz, from, to);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${tz}`];
  if (!changes.length) {
    const offset = offsetMinutes(from, tz);
    lines.push("BEGIN:STANDARD", "DTSTART:19700101T000000", `TZOFFSETFROM:${offsetText(offset)}`, `TZOFFSETTO:${offsetText(offset)}`, "END:STANDARD");
  } else {
    // The offset in force at `from`, as an observance starting then.
    const first = changes[0]!;
    const initialKind = first.from > first.to ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${initialKind}`,
      `DTSTART:${localStamp(from, first.from)}`,
      `TZOFFSETFROM:${offsetText(first.from)}`,
      `TZOFFSETTO:${offsetText(first.from)}`,
      `END:${initialKind}`,
    );
    for (const c of changes) {
      const kind = c.to > c.from ? "DAYLIGHT" : "STANDARD";
      lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(c.at, c.from)}`, `TZOFFSETFROM:${offsetText(c.from)}`, `TZOFFSETTO:${offsetText(c.to)}`, `END:${kind}`);
    }
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

/** Options of the calendar. */
export interface CalendarOptions {
  /** Local time "HH:MM" of a daily reminder in the learner's zone; none when absent. */
  remindAt?: string | undefined;
}

/** Renders the journal as an iCalendar document. */
export function journalCalendar(j: Journal, options: CalendarOptions = {}): string {
  const stamp = utcStamp(j.exportedAt);
  const domain = "k8s-days";
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${domain}//learning journal//EN`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(`${j.challenge.name} · ${j.learner.handle}`)}`,
    `X-WR-TIMEZONE:${j.learner.timezone}`,
  ];
  if (options.remindAt) {
    // The reminder recurs from today for the dates left: cover a year either side.
    lines.push(
      ...vtimezone(
        j.learner.timezone,
        new Date(j.exportedAt.getTime() - 366 * 86_400_000),
        new Date(j.exportedAt.getTime() + (j.datesLeft + 366) * 86_400_000),
      ),
    );
  }
  for (const e of j.entries) {
    const what = [
      e.learned.trim(),
      e.lessons.length ? `Lessons: ${e.lessons.map((l) => `Day ${l.day}${l.title ? ` (${l.title})` : ""}`).join(", ")}` : "",
      e.concepts.length ? `Concepts: ${e.concepts.map((c) => c.name ?? c.slug).join(", ")}` : "",
      `Share: ${e.share}`,
    ]
      .filter(Boolean)
      .join("\n");
    lines.push(
      "BEGIN:VEVENT",
      `UID:log-${e.date}-${j.learner.id}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(e.date, 1))}`,
      `SUMMARY:${icsText(`${j.challenge.hashtag}${e.dayOfAttempt ? ` day ${e.dayOfAttempt}` : ""}: ${e.minutes} min${e.counted ? "" : " (not counted)"}`)}`,
      `DESCRIPTION:${icsText(what)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  if (options.remindAt) {
    const [h, m] = options.remindAt.split(":");
    lines.push(
      "BEGIN:VEVENT",
      `UID:reminder-${j.learner.id}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${j.learner.timezone}:${compactDate(j.today)}T${h}${m}00`,
      "DURATION:PT15M",
      `RRULE:FREQ=DAILY;COUNT=${j.datesLeft}`,
      `SUMMARY:${icsText(`Log today's ${j.challenge.hashtag} learning`)}`,
      `DESCRIPTION:${icsText(`At least ${j.challenge.minMinutesPerDay} minutes today keeps the streak.`)}`,
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${icsText(`Log today's ${j.challenge.hashtag} learning`)}`,
      "TRIGGER:PT0M",
      "END:VALARM",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
