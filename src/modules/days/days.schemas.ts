/**
 * REST shapes of lessons (zod → validation of nothing inbound here, but the OpenAPI
 * document and the contract tests), and the mappers from service types to them.
 */
import { z } from "../../rest/openapiZod.ts";
import type { Concept } from "../concepts/concepts.mappers.ts";
import type { Citation, Reference } from "../references/references.mappers.ts";
import { REFERENCE_KIND_NAMES, referenceKindsExplained } from "../references/referenceKinds.ts";
import type { DayConcept } from "./days.service.ts";
import { dayFilePath, withBase } from "../content/contentBase.ts";
import type { Attachment, Day, DayLists, LessonItem, LessonLink, Section, Snippet, ToolVersion } from "./days.mappers.ts";

/** Lesson kinds. */
export const dayKinds = ["THEORY", "EXERCISE", "EXPLORATION", "SETUP", "PROJECT"] as const;

/** Where a lesson lives in this API. */
export const dayLinks = (n: number) => ({ self: `/api/v1/days/${n}`, markdown: `/api/v1/days/${n}.md`, html: `/api/v1/days/${n}.html` });

const LinksSchema = z
  .object({
    self: z.string().openapi({ example: "/api/v1/days/13" }),
    markdown: z.string().openapi({ example: "/api/v1/days/13.md" }),
    html: z.string().openapi({ example: "/api/v1/days/13.html" }),
  })
  .openapi("DayLinks", { description: "URLs of the lesson as JSON, as markdown and as HTML" });

const LessonLinkSchema = z
  .object({
    number: z.number().int().openapi({ example: 12 }),
    title: z.string().openapi({ example: "Init containers" }),
    text: z.string().openapi({ description: "The link text as written in the lesson", example: "init containers" }),
    section: z.string().nullable().openapi({ description: "Heading of the section the link is in (null: before the first heading)", example: "Pods" }),
    url: z.string().openapi({ example: "/api/v1/days/12" }),
  })
  .openapi("LessonLink", { description: "A link between two lessons" });

const ItemSchema = z
  .object({
    text: z.string().openapi({ description: "Plain text", example: "Run kubectl get <kubernetes object>" }),
    markdown: z.string().openapi({ description: "As written: links (absolute URLs), inline code, emphasis", example: "Run `kubectl get <kubernetes object>`" }),
  })
  .openapi("LessonItem", { description: "An item of a lesson's list" });

/** A lesson in lists. */
export const DaySummarySchema = z
  .object({
    number: z.number().int().openapi({ description: "Day of the challenge, 1–66", example: 13 }),
    title: z.string().openapi({ example: "Pods" }),
    week: z.number().int().nullable().openapi({ example: 2 }),
    kind: z.string().openapi({ description: "THEORY | EXERCISE | EXPLORATION | SETUP | PROJECT", example: "THEORY" }),
    series: z.string().nullable().openapi({ description: "Series the lesson belongs to", example: "Kubernetes Architecture" }),
    part: z.number().int().nullable().openapi({ description: "Part number within the series", example: 5 }),
    date: z.string().nullable().openapi({ description: "Date the lesson was written (yyyy-mm-dd)", example: "2021-01-23" }),
    summary: z.string().openapi({ description: "One or two sentences about the lesson" }),
    tags: z.array(z.string()).openapi({ description: "Hashtags of the lesson, without '#'", example: ["kubernetes", "K8s"] }),
    hasLesson: z.boolean().openapi({ description: "True when the full markdown lesson was imported (false: index entry only)" }),
    links: LinksSchema,
  })
  .openapi("DaySummary", { description: "A lesson of the challenge, without its body" });

const ConceptRefSchema = z
  .object({
    slug: z.string().openapi({ example: "pod" }),
    name: z.string().openapi({ example: "Pod" }),
  })
  .openapi("ConceptRef", { description: "A concept, by slug and name" });

/** A reference as REST shows it. */
export const ReferenceSchema = z
  .object({
    url: z.string().openapi({ example: "https://kubernetes.io/docs/concepts/workloads/pods/" }),
    title: z.string().openapi({ example: "Pods" }),
    domain: z.string().openapi({ example: "kubernetes.io" }),
    kind: z.enum(REFERENCE_KIND_NAMES).openapi({ description: `Kind of source, a closed set: ${referenceKindsExplained()}`, example: "OFFICIAL_DOCS" }),
  })
  .openapi("Reference", { description: "An external source cited by lessons or concepts" });

/** A reference as a lesson cites it. */
export const CitationSchema = ReferenceSchema.extend({
  text: z.string().openapi({
    description: "The lesson's own title for the source: its link text, else its words around the link (a label, the list item, the section heading)",
    example: "Pods (official site)",
  }),
  listed: z.boolean().openapi({ description: "True when the lesson lists the source under its References heading; false when it is only linked inline" }),
}).openapi("Citation", { description: "An external source as one lesson cites it" });

/** A full lesson. */
export const DaySchema = DaySummarySchema.extend({
  intro: z.string().openapi({ description: "Opening paragraph (markdown)" }),
  tldr: z.string().openapi({ description: "TL;DR (markdown)" }),
  body: z.string().openapi({ description: "The whole lesson (markdown)" }),
  basedOn: z.array(z.object({ text: z.string(), url: z.string() })).openapi({ description: "Sources the lesson is based on" }),
  tasks: z
    .array(z.string())
    .openapi({ description: "Plain text of the Tasks items (see taskItems for their markdown)", example: ["Understand Kubernetes Pods"] }),
  setup: z.array(z.string()),
  takeaways: z.array(z.string()),
  taskItems: z.array(ItemSchema).openapi({ description: "Tasks with their markdown" }),
  setupItems: z.array(ItemSchema).openapi({ description: "Setup with its markdown (a Setup written as prose is one item)" }),
  takeawayItems: z.array(ItemSchema).openapi({ description: "Takeaways with their markdown" }),
  versionNotes: z.array(ItemSchema).openapi({ description: 'Sentences under "Versions used" that name no tool' }),
  toolVersions: z
    .array(
      z.object({
        tool: z.string(),
        version: z.string().nullable().openapi({ description: "Null when the line names no version" }),
        qualifier: z.string().nullable().openapi({ description: "What follows the version", example: "(Official Build) (x86_64)" }),
        raw: z.string().openapi({ description: "The line as written" }),
        markdown: z.string(),
      }),
    )
    .openapi({
      description: 'Tools and versions as written under "Versions used"',
      example: [{ tool: "kubectl", version: "v1.20.0", qualifier: null, raw: "kubectl: v1.20.0", markdown: "kubectl: v1.20.0" }],
    }),
  sections: z
    .array(
      z.object({
        position: z.number().int(),
        depth: z.number().int(),
        heading: z.string(),
        anchor: z.string(),
        markdown: z.string(),
        html: z.string().openapi({ description: "The section as sanitized HTML" }),
      }),
    )
    .openapi({ description: "The lesson's own titled sections, in order" }),
  links: LinksSchema.extend({
    days: z.array(LessonLinkSchema).openapi({ description: "The days this lesson links to" }),
    linkedFrom: z.array(LessonLinkSchema).openapi({ description: "The lessons that link to this one" }),
  }),
  snippets: z
    .array(z.object({ language: z.string().nullable(), code: z.string(), section: z.string().nullable() }))
    .openapi({ description: "Fenced code blocks, in order" }),
  attachments: z
    .array(
      z.object({
        name: z.string().openapi({ description: "Path inside the day's folder", example: "yaml/pod.yaml" }),
        mediaType: z.string().openapi({ example: "application/yaml" }),
        size: z.number().int().openapi({ description: "Size in bytes" }),
        text: z.string().openapi({ description: 'Text of a text file; "" for an image (fetch `url`)' }),
        url: z.string().openapi({
          description: "Where this API serves the file's bytes (PUBLIC_URL, else the request's origin)",
          example: "https://k8s-days.example/api/v1/days/8/files/readme-images/01.png",
        }),
        sha256: z.string().openapi({ description: "sha256 (hex) of the file's bytes; the file's ETag" }),
        width: z.number().int().nullable().openapi({ description: "Width of an image in pixels (null for text, or an SVG without a size)", example: 1214 }),
        height: z.number().int().nullable().openapi({ description: "Height of an image in pixels", example: 291 }),
        kinds: z.array(z.string()).openapi({ example: ["Pod"] }),
        apiVersions: z.array(z.string()).openapi({ example: ["v1"] }),
      }),
    )
    .openapi({ description: "Files shipped beside the lesson (manifests, configs, screenshots)" }),
  concepts: z
    .array(
      z.object({
        concept: ConceptRefSchema,
        weight: z.number().openapi({ description: "How much the lesson is about the concept, 0–1" }),
        focus: z.boolean().openapi({ description: "True when the concept is what the lesson is about" }),
      }),
    )
    .openapi({ description: "Concepts the lesson mentions, heaviest first" }),
  references: z
    .array(CitationSchema)
    .openapi({ description: "Sources cited, in the order of the lesson, with the lesson's words for each and whether it is listed under References" }),
  previous: z.number().int().nullable().openapi({ description: "Day to read before: the previous part of the series, else the previous day", example: 12 }),
  next: z.number().int().nullable().openapi({ description: "Day to read after: the next part of the series, else the next day", example: 14 }),
  seriesDays: z
    .array(z.number().int())
    .openapi({ description: "Days of the lesson's series in part order (empty for a standalone lesson)", example: [9, 10, 11, 12, 13] }),
}).openapi("Day", { description: "A lesson with its parts, concepts and references" });

/** The list item of a lesson. */
export function toDaySummaryJson(d: Day): z.input<typeof DaySummarySchema> {
  return {
    number: d.number,
    title: d.title,
    week: d.week,
    kind: d.kind,
    series: d.series,
    part: d.part,
    date: d.date,
    summary: d.summary,
    tags: d.tags,
    hasLesson: d.hasLesson,
    links: dayLinks(d.number),
  };
}

/** A concept as a reference. */
export const toConceptRef = (c: Pick<Concept, "slug" | "name">) => ({ slug: c.slug, name: c.name });

/** A reference as REST shows it. */
export const toReferenceJson = (r: Reference): z.input<typeof ReferenceSchema> => ({
  url: r.url,
  title: r.title,
  domain: r.domain,
  kind: r.kind as z.input<typeof ReferenceSchema>["kind"],
});

/** A citation as REST shows it: the reference's fields, the lesson's words and the listed flag. */
export const toCitationJson = (c: Citation): z.input<typeof CitationSchema> => ({ ...toReferenceJson(c.reference), text: c.text, listed: c.listed });

/** Everything a full lesson shows, read through the services. */
export interface DayParts {
  lists: DayLists;
  toolVersions: ToolVersion[];
  sections: Section[];
  links: LessonLink[];
  linkedFrom: LessonLink[];
  snippets: Snippet[];
  attachments: Attachment[];
  concepts: DayConcept[];
  references: Citation[];
  previous: number | null;
  next: number | null;
  seriesDays: number[];
}

/** The full lesson; stored URLs and attachment URLs become absolute on `base` (see contentBase.ts). */
export function toDayJson(d: Day, p: DayParts, base: string): z.input<typeof DaySchema> {
  const b = (text: string) => withBase(text, base);
  const items = (list: LessonItem[]) => list.map((i) => ({ text: i.text, markdown: b(i.markdown) }));
  const link = (l: LessonLink) => ({ number: l.day.number, title: l.day.title, text: l.text, section: l.section, url: dayLinks(l.day.number).self });
  return {
    ...toDaySummaryJson(d),
    links: { ...dayLinks(d.number), days: p.links.map(link), linkedFrom: p.linkedFrom.map(link) },
    intro: b(d.intro),
    tldr: b(d.tldr),
    body: b(d.body),
    basedOn: d.basedOn,
    tasks: p.lists.tasks.map((i) => i.text),
    setup: p.lists.setup.map((i) => i.text),
    takeaways: p.lists.takeaways.map((i) => i.text),
    taskItems: items(p.lists.tasks),
    setupItems: items(p.lists.setup),
    takeawayItems: items(p.lists.takeaways),
    versionNotes: items(p.lists.versionNotes),
    toolVersions: p.toolVersions.map((t) => ({ tool: t.tool, version: t.version, qualifier: t.qualifier, raw: t.raw, markdown: b(t.markdown) })),
    sections: p.sections.map((s) => ({ position: s.position, depth: s.depth, heading: s.heading, anchor: s.anchor, markdown: b(s.markdown), html: b(s.html) })),
    snippets: p.snippets.map((s) => ({ language: s.language, code: s.code, section: s.section })),
    attachments: p.attachments.map((a) => ({
      name: a.name,
      mediaType: a.mediaType,
      size: a.size,
      text: a.text,
      url: `${base}${dayFilePath(d.number, a.name)}`,
      sha256: a.sha256,
      width: a.width,
      height: a.height,
      kinds: a.kinds,
      apiVersions: a.apiVersions,
    })),
    concepts: p.concepts.map((c) => ({ concept: toConceptRef(c.concept), weight: c.weight, focus: c.focus })),
    references: p.references.map(toCitationJson),
    previous: p.previous,
    next: p.next,
    seriesDays: p.seriesDays,
  };
}
