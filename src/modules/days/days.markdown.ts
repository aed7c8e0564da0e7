/**
 * A lesson as compact markdown, shared by REST (`GET /api/v1/days/{n}.md`), MCP
 * tools and resources, and /llms-full.txt. `loadDayDocument` gathers a day and
 * its parts through the services (a handful of batch reads); `dayMarkdown`
 * renders them (pure). Links to other renderings come from ContentLinks.
 */
import { notFound } from "../../errors.ts";
import { CONTENT_BASE, withBase } from "../content/contentBase.ts";
import { demoteHeadings, oneLine } from "../content/reshapeMarkdown.ts";
import type { ContentLinks } from "../../http/contentLinks.ts";
import type { Reference } from "../references/references.mappers.ts";
import type { ReferencesService } from "../references/references.service.ts";
import type { Day, DayLists, Section, ToolVersion } from "./days.mappers.ts";
import type { DayConcept, DaysService } from "./days.service.ts";

/** The services a lesson document is read through. */
export type DocumentServices = { days: DaysService; references: ReferencesService };

/** Everything a lesson's markdown shows. */
export interface DayDocument {
  day: Day;
  lists: DayLists;
  toolVersions: ToolVersion[];
  /** The lesson's own sections (the importer keeps Setup, Tasks, References, … apart). */
  sections: Section[];
  concepts: DayConcept[];
  references: Reference[];
}

/** Reads day `number` (default challenge) and its parts; NOT_FOUND when there is no such day. */
export async function loadDayDocument(services: DocumentServices, number: number): Promise<DayDocument> {
  const day = await services.days.get(number);
  if (!day) throw notFound(`Day ${number}`);
  return (await loadDayDocuments(services, [day]))[0]!;
}

/** The parts of many days in five batch reads, in the order of `days`. */
export async function loadDayDocuments(services: DocumentServices, days: readonly Day[]): Promise<DayDocument[]> {
  const ids = days.map((d) => d.id);
  const [lists, toolVersions, sections, concepts, references] = await Promise.all([
    services.days.listsByDayIds(ids),
    services.days.toolVersionsByDayIds(ids),
    services.days.sectionsByDayIds(ids),
    services.days.conceptsByDayIds(ids),
    services.references.byDayIds(ids),
  ]);
  return days.map((day, i) => ({
    day,
    lists: lists[i] ?? { tasks: [], setup: [], takeaways: [], versionNotes: [] },
    toolVersions: toolVersions[i] ?? [],
    sections: sections[i] ?? [],
    concepts: concepts[i] ?? [],
    references: references[i] ?? [],
  }));
}

/** One line about a day: "week 2 · THEORY · Architecture, part 1 · written 2021-03-04". */
export function dayFacts(day: Day): string {
  return [
    day.week !== null ? `week ${day.week}` : null,
    day.kind,
    day.series ? `${day.series}${day.part !== null ? `, part ${day.part}` : ""}` : null,
    day.date ? `written ${day.date}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/**
 * The lesson as markdown: title, facts, TL;DR, lists, its sections, concepts, references
 * and where it lives. Every part appears once: the lesson's own sections follow the
 * structured parts, never the whole text again. URLs are absolute on `links.base`;
 * links to other days point at their markdown rendering.
 */
export function dayMarkdown(doc: DayDocument, links: ContentLinks): string {
  const { day, lists } = doc;
  const out: string[] = [`# Day ${day.number}: ${day.title}`, ""];
  const facts = dayFacts(day);
  if (facts) out.push(`_${facts}_`, "");
  if (day.summary) out.push(`> ${oneLine(day.summary)}`, "");
  if (day.tldr) out.push("## TL;DR", "", day.tldr.trim(), "");
  const list = (title: string, items: string[]) => {
    if (items.length) out.push(`## ${title}`, "", ...items.map((i) => `- ${oneLine(i)}`), "");
  };
  list(
    "Setup",
    lists.setup.map((i) => i.markdown),
  );
  list(
    "Tasks",
    lists.tasks.map((i) => i.markdown),
  );
  list(
    "Takeaways",
    lists.takeaways.map((i) => i.markdown),
  );
  list("Versions used", [...doc.toolVersions.map((t) => t.markdown), ...lists.versionNotes.map((n) => n.markdown)]);
  if (day.intro.trim()) out.push(day.intro.trim(), "");
  const lesson = doc.sections.map((sec) => `### ${sec.heading}\n\n${demoteHeadings(sec.markdown.trim(), 3)}`).join("\n\n");
  if (lesson.trim()) out.push("## Lesson", "", lesson, "");
  if (doc.concepts.length) {
    const sorted = [...doc.concepts].sort((a, b) => Number(b.focus) - Number(a.focus) || b.weight - a.weight);
    out.push("## Concepts", "", sorted.map((c) => `[${c.concept.name}](${links.conceptMarkdown(c.concept.slug)})${c.focus ? " (focus)" : ""}`).join(" · "), "");
  }
  if (doc.references.length)
    out.push("## References", "", ...doc.references.map((r) => `- [${r.title}](${r.url})${r.kind === "OFFICIAL_DOCS" ? " (official docs)" : ""}`), "");
  if (day.basedOn.length) out.push("## Based on", "", ...day.basedOn.map((b) => `- [${b.text}](${b.url})`), "");
  out.push("---", `Day ${day.number} of #66DaysOfK8s · markdown: ${links.dayMarkdown(day.number)} · JSON: ${links.dayJson(day.number)}`);
  return withBase(linkLessons(`${out.join("\n").trimEnd()}\n`, links), links.base);
}

const STORED_DAY_LINK = new RegExp(`${CONTENT_BASE.replace(/[.]/g, "\\.")}/api/v1/days/(\\d+)(?=[)#\\s"]|$)`, "g");

/**
 * Links from one lesson to another (resolved by the importer to the day's JSON URL on
 * the content placeholder) point at that day's markdown rendering in markdown output.
 */
export function linkLessons(markdown: string, links: ContentLinks): string {
  return markdown.replace(STORED_DAY_LINK, (_m, n: string) => links.dayMarkdown(Number(n)));
}
