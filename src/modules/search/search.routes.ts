/** REST endpoint of search: GET /search?q=&type=&limit=&cursor= across days, concepts and references. Public content. */
import { z } from "../../rest/openapiZod.ts";
import { fetchPage, pageParams, sendPage } from "../../rest/pagination.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { toConceptSummaryJson, ConceptSummarySchema } from "../concepts/concepts.schemas.ts";
import type { Concept } from "../concepts/concepts.mappers.ts";
import { DaySummarySchema, ReferenceSchema, toDaySummaryJson, toReferenceJson } from "../days/days.schemas.ts";
import type { Day } from "../days/days.mappers.ts";
import type { Reference } from "../references/references.mappers.ts";
import type { SearchType } from "./searchIndex.ts";
import type { SearchHit } from "./search.service.ts";

const types = ["DAY", "CONCEPT", "REFERENCE"] as const;

const HighlightSchema = z
  .object({
    field: z.enum(["text", "title"]).openapi({ description: "Which text of the hit the offsets index into" }),
    start: z.number().int().openapi({ description: "Offset of the word's first UTF-16 code unit (as JavaScript strings index)", example: 0 }),
    end: z
      .number()
      .int()
      .openapi({ description: "Offset just after the word's last UTF-16 code unit: `hit[field].slice(start, end)` is the word", example: 11 }),
  })
  .openapi("SearchHighlight", { description: "A matched word as offsets into the hit's `text` or `title`, for a frontend's <mark>" });

/** A hit as REST answers it. */
function toHitJson(h: SearchHit) {
  return {
    type: h.type,
    score: h.score,
    snippet: h.snippet,
    text: h.text,
    title: h.title,
    highlights: h.highlights,
    cursor: h.cursor,
    node:
      h.type === "DAY"
        ? toDaySummaryJson(h.node as Day)
        : h.type === "CONCEPT"
          ? toConceptSummaryJson(h.node as Concept)
          : toReferenceJson(h.node as Reference),
  };
}

const SearchHitSchema = z
  .object({
    type: z.enum(types).openapi({ description: "What was found" }),
    score: z.number().openapi({ description: "Relevance; hits come best first" }),
    snippet: z.string().openapi({ description: "Extract with matched words in «…»", example: "«StatefulSet» gives pods stable names" }),
    text: z.string().openapi({
      description: "The same extract as plain text, without the «» marks: what `text` highlights index into",
      example: "StatefulSet gives pods stable names",
    }),
    title: z.string().openapi({
      description: "The node's title (a lesson's title, a concept's name, a reference's title): what `title` highlights index into",
      example: "StatefulSet",
    }),
    highlights: z.array(HighlightSchema).openapi({ description: "The matched words: first those in `text`, then those in `title`, each in reading order" }),
    cursor: z
      .string()
      .openapi({ description: "Position of the hit in the ranking, opaque: pass it as `cursor` for the hits after it", example: "c2VhcmNoOjE" }),
    node: z.union([DaySummarySchema, ConceptSummarySchema, ReferenceSchema]).openapi({ description: "The day, concept or reference found (see `type`)" }),
  })
  .openapi("SearchHit", { description: "One ranked search hit" });

/** Registers the search endpoint. */
export function searchRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get",
    path: "/search",
    summary: "Search lessons, concepts and references",
    tags: ["search"],
    cache: "public",
    paginated: true,
    description:
      'Ranked hits tolerant of typos, plurals and case ("statefulst" finds StatefulSet). Each hit carries `highlights`: offsets of the matched words in its `text` (the snippet without «») and `title`, in UTF-16 code units. Pages: `next` (and the Link header) continue the same ranking.',
    query: z.object({
      q: z.string().trim().min(1).max(200).openapi({ description: "What to look for", example: "statefulst" }),
      type: z
        .string()
        .max(100)
        .optional()
        .transform((v, ctx) => {
          if (v === undefined) return undefined;
          const wanted = v
            .split(",")
            .map((t) => t.trim().toUpperCase())
            .filter(Boolean);
          const unknown = wanted.filter((t) => !(types as readonly string[]).includes(t));
          if (unknown.length) ctx.addIssue({ code: "custom", message: `unknown type ${unknown.join(", ")}; use day, concept or reference` });
          return wanted as SearchType[];
        })
        .openapi({ description: "Comma-separated types to search: day, concept, reference (default: all)", example: "concept,day", type: "string" }),
      limit: z.coerce.number().int().min(1).max(100).default(10).openapi({ description: "How many hits, 1–100 (default 10)", example: 5 }),
      cursor: pageParams.cursor,
    }),
    response: {
      schema: z
        .object({
          query: z.string(),
          items: z.array(SearchHitSchema),
          next: z.string().nullable().openapi({ description: "Cursor of the next page, null on the last page", example: "c2VhcmNoOjEw" }),
          totalCount: z.number().int().openapi({ description: "Hits of the query in all", example: 42 }),
        })
        .openapi("SearchResults"),
      description: "Ranked hits",
    },
    handler: async ({ query, req, res }) => {
      const page = await fetchPage(() => services.search.searchPage(query.q, { types: query.type ?? null, first: query.limit, after: query.cursor ?? null }));
      return { query: query.q, ...sendPage(req, res, page, toHitJson), totalCount: page.totalCount };
    },
  });
}
