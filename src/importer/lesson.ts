/**
 * The validated shape of one imported lesson and of the problems found while reading it.
 * Produced by parseLesson (pure), enriched by readRepository, written by the store.
 */
import type { ReferenceKind } from "./references.ts";
import type { DeclaredObject } from "./manifests.ts";
import type { StoredFile } from "./repositoryFile.ts";

/** Something odd in the input: never a throw, always reported. */
export interface ImportWarning {
  file: string;
  line: number;
  message: string;
}

/** A tool and its version as written under "Versions used". */
export interface ToolVersionEntry {
  tool: string;
  /** Null when the line names a tool without a version. */
  version: string | null;
  /** What follows the version on the line ("(Official Build) (x86_64)"), if anything. */
  qualifier: string | null;
  raw: string;
  /** The line as markdown, links resolved. */
  markdown: string;
}

/** An item of a Tasks, Setup or Takeaways list, or a note under Versions. */
export interface LessonItem {
  /** Plain text, whitespace collapsed. */
  text: string;
  /** As written: links (resolved), inline code and emphasis kept. */
  markdown: string;
}

/** A link from this lesson to another day. */
export interface LessonDayLink {
  number: number;
  /** The link text as written. */
  text: string;
  /** Heading of the section the link is in; null before the first heading. */
  section: string | null;
  /** Line of the link in the lesson file. */
  line: number;
}

/** A titled part of the lesson body. */
export interface LessonSection {
  heading: string;
  depth: number;
  anchor: string;
  markdown: string;
  /** The section as sanitized HTML. */
  html: string;
}

/** A fenced code block. */
export interface LessonSnippet {
  language: string | null;
  code: string;
  section: string | null;
  /** Line of the opening fence in the lesson file. */
  line: number;
}

/** A Kubernetes object the lesson declares, in an attached file or a YAML snippet (see manifests.ts). */
export interface LessonManifestObject extends DeclaredObject {
  /** Path of the attached file in the day's folder; null for a snippet. */
  file: string | null;
  /** Index of the snippet in `Lesson.snippets`; null for a file. */
  snippet: number | null;
}

/** An external source cited by the lesson. */
export interface LessonReference {
  url: string;
  title: string;
  domain: string;
  kind: ReferenceKind;
  /** True when listed under the "References" heading. */
  listed: boolean;
}

/** A file shipped beside the lesson (text or image), by its path inside the day's folder. */
export interface LessonAttachment extends StoredFile {
  name: string;
  kinds: string[];
  apiVersions: string[];
}

/** One lesson as read from its markdown file. */
export interface Lesson {
  sourcePath: string;
  /** Day number from the title line ("Day 13 of #66DaysOfK8s"); null when missing. */
  number: number | null;
  /** Week from the lesson's folder (".../week02/day13/README.md" → 2); null when not in a week folder. */
  week: number | null;
  /** The title line as written. */
  heading: string;
  /** ISO date from "_Last update: yyyy-mm-dd_". */
  date: string | null;
  intro: string;
  basedOn: { text: string; url: string }[];
  tags: string[];
  tldr: string;
  versions: ToolVersionEntry[];
  /** Sentences under "Versions used" that name no tool (kept with their links). */
  versionNotes: LessonItem[];
  setup: LessonItem[];
  tasks: LessonItem[];
  takeaways: LessonItem[];
  sections: LessonSection[];
  snippets: LessonSnippet[];
  references: LessonReference[];
  /** Other days this lesson links to: the first link to each, in order. */
  dayLinks: LessonDayLink[];
  /** Plain text of the prose outside TL;DR, Tasks and code (for concept detection). */
  prose: string;
  /** The whole lesson as written, with links resolved (see linkTargets.ts). */
  body: string;
  /** The whole lesson as sanitized HTML. */
  html: string;
  attachments: LessonAttachment[];
  /** Kubernetes objects of the attached manifests, then of the YAML snippets (filled by lessonManifestObjects). */
  manifestObjects: LessonManifestObject[];
}
