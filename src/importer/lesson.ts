/**
 * The validated shape of one imported lesson and of the problems found while reading it.
 * Produced by parseLesson (pure), enriched by readRepository, written by the store.
 */
import type { ReferenceKind } from "./references.ts";
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
  version: string;
  raw: string;
}

/** A titled part of the lesson body. */
export interface LessonSection {
  heading: string;
  depth: number;
  anchor: string;
  markdown: string;
}

/** A fenced code block. */
export interface LessonSnippet {
  language: string | null;
  code: string;
  section: string | null;
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
  setup: string[];
  tasks: string[];
  takeaways: string[];
  sections: LessonSection[];
  snippets: LessonSnippet[];
  references: LessonReference[];
  /** Numbers of other days this lesson links to. */
  seeAlso: number[];
  /** Plain text of the prose outside TL;DR, Tasks and code (for concept detection). */
  prose: string;
  body: string;
  attachments: LessonAttachment[];
}
