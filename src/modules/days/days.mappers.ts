/** Day rows and their parts → API types (JSON-text columns decoded once here). */
import { decodeObjectList, decodeStringList } from "../content/jsonText.ts";
import { headingAnchor } from "../content/lessonHtml.ts";

/** One lesson of a challenge. */
export interface Day {
  id: number;
  challengeId: number;
  number: number;
  week: number | null;
  title: string;
  series: string | null;
  part: number | null;
  /** THEORY | EXERCISE | EXPLORATION | SETUP | PROJECT */
  kind: string;
  summary: string;
  date: string | null;
  intro: string;
  tldr: string;
  basedOn: { text: string; url: string }[];
  tags: string[];
  body: string;
  /** The lesson as sanitized HTML (stored with the content base placeholder). */
  html: string;
  hasLesson: boolean;
}

/** An item of a lesson's list: plain text and the markdown as written (links resolved). */
export interface LessonItem {
  text: string;
  markdown: string;
}

/** The Tasks, Setup and Takeaways lists of a day, and the notes under its Versions. */
export interface DayLists {
  tasks: LessonItem[];
  setup: LessonItem[];
  takeaways: LessonItem[];
  versionNotes: LessonItem[];
}

/** A tool and version as written under "Versions used". */
export interface ToolVersion {
  tool: string;
  version: string | null;
  qualifier: string | null;
  raw: string;
  markdown: string;
}

/** A link from one lesson to another: the other day, the link text and the section it is in. */
export interface LessonLink {
  /** The other lesson: the target for links, the linking lesson for `linkedFrom`. */
  day: Day;
  text: string;
  section: string | null;
}

/** A titled part of a lesson's body. */
export interface Section {
  position: number;
  depth: number;
  heading: string;
  anchor: string;
  markdown: string;
  html: string;
}

/** A fenced code block of a lesson. */
export interface Snippet {
  position: number;
  language: string | null;
  code: string;
  section: string | null;
  /** Anchor of its section's heading in the lesson's HTML (as `Section.anchor`); null before the first heading. */
  anchor: string | null;
}

/** A snippet as stored, with the anchor of its section. */
export const toSnippet = (r: { position: number; language: string | null; code: string; section: string | null }): Snippet => ({
  position: r.position,
  language: r.language,
  code: r.code,
  section: r.section,
  anchor: r.section ? headingAnchor(r.section) : null,
});

/** A file shipped beside a lesson (its bytes are served by the files module, never loaded here). */
export interface Attachment {
  /** Path inside the day's folder, e.g. "readme-images/01.png". */
  name: string;
  mediaType: string;
  /** Text of a text file; "" for an image. */
  text: string;
  size: number;
  /** sha256 (hex) of the file's bytes. */
  sha256: string;
  width: number | null;
  height: number | null;
  kinds: string[];
  apiVersions: string[];
}

/** An attachment with the number of its day, for its URL (the parent of GraphQL's Attachment fields). */
export type DayAttachment = Attachment & { day: number };

/** A series as its GraphQL resolvers receive it: its name, this day's part and the ids of its days in order. */
export interface SeriesParent {
  name: string;
  part: number | null;
  dayIds: number[];
}

/** The Attachment columns read for lessons: everything but the bytes. */
export const attachmentColumns = {
  dayId: true,
  name: true,
  mediaType: true,
  text: true,
  size: true,
  sha256: true,
  width: true,
  height: true,
  kinds: true,
  apiVersions: true,
} as const;

type DayRow = {
  id: number;
  challengeId: number;
  number: number;
  week: number | null;
  title: string;
  series: string | null;
  part: number | null;
  kind: string;
  summary: string;
  date: string | null;
  intro: string;
  tldr: string;
  basedOn: string;
  tags: string;
  body: string;
  html: string;
  hasLesson: boolean;
};

/** Maps a Day row to the API type. */
export function toDay(row: DayRow): Day {
  return {
    id: row.id,
    challengeId: row.challengeId,
    number: row.number,
    week: row.week,
    title: row.title,
    series: row.series,
    part: row.part,
    kind: row.kind,
    summary: row.summary,
    date: row.date,
    intro: row.intro,
    tldr: row.tldr,
    basedOn: decodeObjectList(row.basedOn, ["text", "url"] as const).map((b) => ({ text: b.text, url: b.url })),
    tags: decodeStringList(row.tags),
    body: row.body,
    html: row.html,
    hasLesson: row.hasLesson,
  };
}

/** Maps an Attachment row (read with `attachmentColumns`) to the API type. */
export function toAttachment(row: {
  name: string;
  mediaType: string;
  text: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  kinds: string;
  apiVersions: string;
}): Attachment {
  return {
    name: row.name,
    mediaType: row.mediaType,
    text: row.text,
    size: row.size,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    kinds: decodeStringList(row.kinds),
    apiVersions: decodeStringList(row.apiVersions),
  };
}
