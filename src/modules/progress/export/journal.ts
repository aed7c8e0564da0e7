/**
 * The learner's journal: the daily log joined with what each date touched (lesson
 * titles, concept names), the day of the attempt and the share post. The one input
 * of the Markdown and ICS exports.
 */

/** One logged date of the journal. */
export interface JournalEntry {
  date: string;
  timezone: string;
  minutes: number;
  counted: boolean;
  learned: string;
  /** Day of the attempt the date belongs to (1 = its start), or null before any attempt. */
  dayOfAttempt: number | null;
  lessons: { day: number; title: string | null }[];
  concepts: { slug: string; name: string | null }[];
  /** The post to share for the date ("Day N of #66DaysOfK8s: …"). */
  share: string;
}

/** Everything the journal exports need. */
export interface Journal {
  learner: { id: string; handle: string; displayName: string; timezone: string };
  challenge: { name: string; hashtag: string; minMinutesPerDay: number };
  exportedAt: Date;
  /** Today in the learner's zone. */
  today: string;
  /** Dates left in the current attempt's goal window, today included (at least 1). */
  datesLeft: number;
  /** Oldest first. */
  entries: JournalEntry[];
}
