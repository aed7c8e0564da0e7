/**
 * REST endpoints of lessons: GET /days (filters as in GraphQL, cursor pages) and
 * GET /days/{number}. Public content: cacheable by anyone, with an ETag.
 */
import { z } from "../../rest/openapiZod.ts";
import { notFound } from "../../errors.ts";
import { contentLinks } from "../../http/contentLinks.ts";
import { publicBase } from "../../http/publicBase.ts";
import { fetchPage, pageParams, pageSchema, sendPage, servicePage } from "../../rest/pagination.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import type { Day } from "./days.mappers.ts";
import { dayHtmlDocument, LESSON_PAGE_CSP } from "./days.html.ts";
import { dayMarkdown, loadDayDocument } from "./days.markdown.ts";
import { DaySchema, DaySummarySchema, toDayJson, toDaySummaryJson, type DayParts } from "./days.schemas.ts";

const challengeParam = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .openapi({ description: "Challenge slug (default: the first challenge, #66DaysOfK8s)", example: "66daysofk8s" });

/** Path parameter of one lesson. */
export const DayNumberParams = z.object({
  number: z.coerce.number().int().min(1).max(10_000).openapi({ description: "Day of the challenge", example: 13 }),
});

const DaysQuery = z.object({
  week: z.coerce.number().int().min(1).max(1000).optional().openapi({ description: "Week of the challenge", example: 2 }),
  kind: z
    .enum(["THEORY", "EXERCISE", "EXPLORATION", "SETUP", "PROJECT", "theory", "exercise", "exploration", "setup", "project"])
    .optional()
    .openapi({ description: "Kind of lesson (case-insensitive)", example: "THEORY" }),
  series: z.string().min(1).max(200).optional().openapi({ description: "Words of the series name", example: "Architecture" }),
  concept: z.string().min(1).max(100).optional().openapi({ description: "Slug of a concept the lesson mentions", example: "pod" }),
  tag: z.string().min(1).max(100).optional().openapi({ description: "A hashtag of the lesson, with or without '#'", example: "kubernetes" }),
  q: z.string().min(1).max(200).optional().openapi({ description: "Words in the title, summary, TL;DR or body", example: "statefulset" }),
  manifestKind: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "A kind of Kubernetes object declared in the lesson's manifests or YAML snippets (any case)", example: "StatefulSet" }),
  removedIn: z.string().min(1).max(100).optional().openapi({
    description: "A Kubernetes release: lessons declaring an object whose apiVersion was removed in exactly that release (see /days/{number}/manifest-checks)",
    example: "1.25",
  }),
  challenge: challengeParam,
  ...pageParams,
});

/** Reads the parts of a full lesson through the services (batch reads of one id). */
export async function dayParts(services: Services, day: Day): Promise<DayParts> {
  const { days, references } = services;
  const ids = [day.id];
  const [lists, toolVersions, sections, links, linkedFrom, snippets, attachments, concepts, refs, previous, next, series, skeleton] = await Promise.all([
    days.listsByDayIds(ids),
    days.toolVersionsByDayIds(ids),
    days.sectionsByDayIds(ids),
    days.linksByDayIds(ids),
    days.linkedFromByDayIds(ids),
    days.snippetsByDayIds(ids),
    days.attachmentsByDayIds(ids),
    days.conceptsByDayIds(ids),
    references.citationsByDayIds(ids),
    days.previousIdsOf([day]),
    days.nextIdsOf([day]),
    days.seriesOf(day),
    days.skeleton(day.challengeId),
  ]);
  const numberOf = new Map(skeleton.map((s) => [s.id, s.number]));
  const num = (id: number | null | undefined) => (id === null || id === undefined ? null : (numberOf.get(id) ?? null));
  return {
    lists: lists[0]!,
    toolVersions: toolVersions[0]!,
    sections: sections[0]!,
    links: links[0]!,
    linkedFrom: linkedFrom[0]!,
    snippets: snippets[0]!,
    attachments: attachments[0]!,
    concepts: concepts[0]!,
    references: refs[0]!,
    previous: num(previous[0]),
    next: num(next[0]),
    seriesDays: (series?.dayIds ?? []).map(num).filter((n): n is number => n !== null),
  };
}

/** Registers the lesson endpoints. */
export function dayRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get",
    path: "/days",
    summary: "List lessons",
    tags: ["days"],
    cache: "public",
    paginated: true,
    description:
      "Lessons in day order, filtered like GraphQL `days(filter)`: all filters combine with AND. Follow `next` (or the Link header) for the following page.",
    query: DaysQuery,
    response: { schema: pageSchema(DaySummarySchema, "DayPage", "lessons"), description: "A page of lessons" },
    handler: async ({ query, req, res }) => {
      const page = await fetchPage(() =>
        services.days.list(
          {
            week: query.week,
            kind: query.kind,
            series: query.series,
            concept: query.concept,
            tag: query.tag,
            text: query.q,
            challenge: query.challenge,
            manifestKind: query.manifestKind,
            removedIn: query.removedIn,
          },
          servicePage(query),
        ),
      );
      return sendPage(req, res, page, toDaySummaryJson);
    },
  });

  // Before /days/{number}, which would otherwise take "13.md" as a number (and refuse it).
  route(api, {
    method: "get",
    path: "/days/{number}.md",
    summary: "One lesson as markdown",
    tags: ["days"],
    cache: "public",
    description:
      "A compact rendering for chatbots and LLM tools: title, facts, TL;DR, lists, the lesson, its concepts, references and sources (the same text as the MCP tools and /llms-full.txt).",
    params: DayNumberParams,
    response: {
      schema: z.string().openapi({ example: "# Day 13: Pods\n\n_week 2 · THEORY · Kubernetes Architecture, part 5_\n" }),
      description: "The lesson in markdown",
      contentType: "text/markdown",
    },
    handler: async ({ params, req }) =>
      dayMarkdown(await loadDayDocument(services, params.number), contentLinks(publicBase(req, services.deps.config.PUBLIC_URL))),
  });

  route(api, {
    method: "get",
    path: "/days/{number}.html",
    summary: "One lesson as HTML",
    tags: ["days"],
    cache: "public",
    description:
      'The lesson rendered from its markdown as a standalone page: sanitized (no script, no event handler, no `javascript:` URL), headings with GitHub-style ids, code blocks with `class="language-…"`, screenshots and attached files as absolute URLs of this API. Served with a Content-Security-Policy that allows no script. Frontends embedding a lesson use `Day.html` in GraphQL or `sections[].html` in `GET /days/{number}`.',
    params: DayNumberParams,
    response: {
      schema: z.string().openapi({ example: '<!doctype html>…<h1 id="day-8-of-66daysofk8s">Day 8 of #66DaysOfK8s</h1>…' }),
      description: "The lesson as an HTML page",
      contentType: "text/html",
    },
    handler: async ({ params, req, res }) => {
      const day = await services.days.get(params.number);
      if (!day) throw notFound(`Day ${params.number}`);
      res.set("Content-Security-Policy", LESSON_PAGE_CSP);
      return dayHtmlDocument(day, publicBase(req, services.deps.config.PUBLIC_URL));
    },
  });

  route(api, {
    method: "get",
    path: "/days/{number}",
    summary: "One lesson",
    tags: ["days"],
    cache: "public",
    description: "The lesson with its tasks, setup, takeaways, tool versions, snippets, attachments, concepts, references and its neighbours.",
    params: DayNumberParams,
    query: z.object({ challenge: challengeParam }),
    response: { schema: DaySchema, description: "The lesson" },
    handler: async ({ params, query, req }) => {
      const day = await services.days.get(params.number, query.challenge);
      if (!day) throw notFound(`Day ${params.number}`);
      return toDayJson(day, await dayParts(services, day), publicBase(req, services.deps.config.PUBLIC_URL));
    },
  });
}
