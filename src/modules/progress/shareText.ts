/**
 * The post a learner shares for a logged date: "Day 14 of #66DaysOfK8s: <learned> #kubernetes …".
 * A date before the attempt's start (day 0) reads "Getting ready for #66DaysOfK8s: …".
 * Pure; the short form fits X/Twitter-style limits.
 */

export interface ShareInput {
  /** Day of the attempt (1 = its start date); 0 for a date that belongs to no attempt. */
  dayNumber: number;
  /** Main hashtag of the challenge, e.g. "#66DaysOfK8s". */
  hashtag: string;
  /** Extra hashtags, e.g. ["#kubernetes", "#learning"]. */
  hashtags: string[];
  learned: string;
  minutes: number;
}

/** A share post: the whole text and a version cut to `maxLength`. */
export interface SharePost {
  /** Whole text, nothing cut. */
  text: string;
  /** At most `maxLength` characters; "learned" is shortened with "…" when needed. */
  short: string;
  maxLength: number;
}

const tag = (t: string) => (t.startsWith("#") ? t : `#${t}`);

/** Builds the share text; `maxLength` defaults to 280. */
export function shareText(input: ShareInput, maxLength = 280): SharePost {
  const head = input.dayNumber >= 1 ? `Day ${input.dayNumber} of ${tag(input.hashtag)}:` : `Getting ready for ${tag(input.hashtag)}:`;
  const learned = input.learned.replace(/\s+/g, " ").trim() || `${input.minutes} minutes of Kubernetes practice.`;
  const tags = [...new Set(input.hashtags.map(tag))].filter((t) => t.toLowerCase() !== tag(input.hashtag).toLowerCase());
  const tail = tags.length ? ` ${tags.join(" ")}` : "";
  const text = `${head} ${learned}${tail}`;
  if ([...text].length <= maxLength) return { text, short: text, maxLength };
  let tailShort = tail;
  while ([...`${head} …${tailShort}`].length > maxLength && tailShort) tailShort = tailShort.replace(/ ?\S+$/, "");
  const room = maxLength - [...`${head} …${tailShort}`].length;
  const chars = [...learned];
  let cut = chars.slice(0, Math.max(0, room)).join("");
  const space = cut.lastIndexOf(" ");
  if (space > room * 0.6) cut = cut.slice(0, space);
  const short = `${head} ${cut.trimEnd()}…${tailShort}`;
  return { text, short: [...short].slice(0, maxLength).join(""), maxLength };
}
