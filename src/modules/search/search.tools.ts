/**
 * MCP tool `search`: ranked hits across lessons, concepts and references, each
 * with a snippet and the link to read it in full.
 */
import { z } from "zod";
import { citedText, type Source } from "../../mcp/citedText.ts";
import { defineTool, maxCharsArg, readOnly } from "../../mcp/tool.ts";
import type { ContentLinks } from "../../http/contentLinks.ts";
import type { Concept } from "../concepts/concepts.mappers.ts";
import type { Day } from "../days/days.mappers.ts";
import type { Reference } from "../references/references.mappers.ts";
import type { SearchHit } from "./search.service.ts";

const HitSchema = z.object({
  type: z.enum(["DAY", "CONCEPT", "REFERENCE"]),
  title: z.string(),
  snippet: z.string().describe("A short extract; matched words in «…»"),
  score: z.number(),
  url: z.string().describe("Where to read it: the lesson or concept in markdown, or the external page"),
  day: z.number().int().nullable().describe("Lesson number (DAY hits)"),
  concept: z.string().nullable().describe("Concept slug (CONCEPT hits)"),
});

/** A search hit as the tool shows it. */
function shapeHit(hit: SearchHit, links: ContentLinks): z.infer<typeof HitSchema> {
  const base = { type: hit.type, snippet: hit.snippet, score: Math.round(hit.score * 1000) / 1000, day: null, concept: null };
  if (hit.type === "DAY") {
    const d = hit.node as Day;
    return { ...base, title: `Day ${d.number}: ${d.title}`, url: links.dayMarkdown(d.number), day: d.number };
  }
  if (hit.type === "CONCEPT") {
    const c = hit.node as Concept;
    return { ...base, title: c.name, url: links.conceptMarkdown(c.slug), concept: c.slug };
  }
  const r = hit.node as Reference;
  return { ...base, title: r.title, url: r.url };
}

/** The search tools. */
export const searchTools = [
  defineTool({
    name: "search",
    title: "Search lessons, concepts and references",
    description:
      "Full-text search of the #66DaysOfK8s Kubernetes lessons, the concept glossary and the references they cite. " +
      'Typo-tolerant; exact names ("StatefulSet", "day 13") rank first. Returns ranked hits with a snippet and a URL each; ' +
      "follow up with get_day (for DAY hits) or get_concept (for CONCEPT hits) to read one in full.",
    input: {
      query: z
        .string()
        .trim()
        .min(1, "query must not be empty")
        .max(200, "query must be at most 200 characters")
        .describe('Words to look for, e.g. "persistent storage for databases"'),
      types: z
        .array(z.enum(["DAY", "CONCEPT", "REFERENCE"]))
        .max(3)
        .optional()
        .describe("Only these kinds of hits (default: all)"),
      limit: z.number().int().min(1, "limit must be 1–20").max(20, "limit must be 1–20").default(8).describe("How many hits (1–20, default 8)"),
      maxChars: maxCharsArg,
    },
    output: { query: z.string(), hits: z.array(HitSchema) },
    annotations: readOnly,
    async run({ query, types, limit, maxChars }, { services, links }) {
      const found = await services.search.search(query, { types: types ?? null, first: limit });
      const hits = found.map((h) => shapeHit(h, links));
      const body = hits.length
        ? [`Search results for "${query}":`, "", ...hits.map((h, i) => `${i + 1}. [${h.type}] ${h.title}: ${h.snippet}\n   ${h.url}`)].join("\n")
        : `No lesson, concept or reference matches "${query}". Try fewer or more general words.`;
      const sources: Source[] = hits.map((h) => ({ title: h.title, url: h.url }));
      return { text: citedText(body, sources, maxChars), data: { query, hits } };
    },
  }),
];
