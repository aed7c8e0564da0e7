/** REST endpoint of search: GET /search?q=&type=&limit= across days, concepts and references. Public content. */
import { z } from "../../rest/openapiZod.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { toConceptSummaryJson, ConceptSummarySchema } from "../concepts/concepts.schemas.ts";
import type { Concept } from "../concepts/concepts.mappers.ts";
import { DaySummarySchema, ReferenceSchema, toDaySummaryJson, toReferenceJson } from "../days/days.schemas.ts";
import type { Day } from "../days/days.mappers.ts";
import type { Reference } from "../references/references.mappers.ts";
import type { SearchType } from "./searchIndex.ts";

const types = ["DAY", "CONCEPT", "REFERENCE"] as const;

const SearchHitSchema = z.object({
  type: z.enum(types).openapi({ description: "What was found" }),
  score: z.number().openapi({ description: "Relevance; hits come best first" }),
  snippet: z.string().openapi({ description: "Extract with matched words in «…»", example: "«StatefulSet» gives pods stable names" }),
  node: z.union([DaySummarySchema, ConceptSummarySchema, ReferenceSchema]).openapi({ description: "The day, concept or reference found (see `type`)" }),
}).openapi("SearchHit", { description: "One ranked search hit" });

/** Registers the search endpoint. */
export function searchRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get", path: "/search", summary: "Search lessons, concepts and references", tags: ["search"], cache: "public",
    description: "Ranked hits tolerant of typos, plurals and case (\"statefulst\" finds StatefulSet).",
    query: z.object({
      q: z.string().trim().min(1).max(200).openapi({ description: "What to look for", example: "statefulst" }),
      type: z.string().max(100).optional()
        .transform((v, ctx) => {
          if (v === undefined) return undefined;
          const wanted = v.split(",").map((t) => t.trim().toUpperCase()).filter(Boolean);
          const unknown = wanted.filter((t) => !(types as readonly string[]).includes(t));
          if (unknown.length) ctx.addIssue({ code: "custom", message: `unknown type ${unknown.join(", ")}; use day, concept or reference` });
          return wanted as SearchType[];
        })
        .openapi({ description: "Comma-separated types to search: day, concept, reference (default: all)", example: "concept,day", type: "string" }),
      limit: z.coerce.number().int().min(1).max(100).default(10).openapi({ description: "How many hits, 1–100 (default 10)", example: 5 }),
    }),
    response: { schema: z.object({ query: z.string(), items: z.array(SearchHitSchema) }).openapi("SearchResults"), description: "Ranked hits" },
    handler: async ({ query }) => {
      const hits = await services.search.search(query.q, { types: query.type ?? null, first: query.limit });
      return {
        query: query.q,
        items: hits.map((h) => ({
          type: h.type, score: h.score, snippet: h.snippet,
          node: h.type === "DAY" ? toDaySummaryJson(h.node as Day) : h.type === "CONCEPT" ? toConceptSummaryJson(h.node as Concept) : toReferenceJson(h.node as Reference),
        })),
      };
    },
  });
}
