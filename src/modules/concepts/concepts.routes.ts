/**
 * REST endpoints of the concept glossary: GET /concepts, /concepts/path,
 * /concepts/graph (JSON Graph Format) and /concepts/graph.svg, /concepts/{slug}
 * and /concepts/{slug}/related. Public content.
 */
import { z } from "../../rest/openapiZod.ts";
import { AppError, notFound } from "../../errors.ts";
import { contentLinks } from "../../http/contentLinks.ts";
import { publicBase } from "../../http/publicBase.ts";
import { conceptGraphSvg } from "../pictures/conceptGraphSvg.ts";
import { SVG_CONTENT_TYPE, SvgBody, sendSvg } from "../pictures/svgResponse.ts";
import { MAX_GRAPH_DEPTH, MAX_PICTURE_CONCEPTS, pictureGraph } from "./conceptGraph.ts";
import { fetchPage, pageParams, pageSchema, sendPage, servicePage } from "../../rest/pagination.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { conceptMarkdown, loadConceptDocument } from "./concepts.markdown.ts";
import { relationKinds } from "./relatedRanking.ts";
import {
  ConceptGraphSchema,
  ConceptPathSchema,
  ConceptSchema,
  ConceptSummarySchema,
  RelatedListSchema,
  conceptLinks,
  toConceptJson,
  toConceptPathJson,
  toConceptSummaryJson,
  toJsonGraph,
  toRelatedJson,
} from "./concepts.schemas.ts";

/** Path parameter of one concept: slug, name or alias. */
export const ConceptSlugParams = z.object({
  slug: z.string().min(1).max(100).openapi({ description: "Slug, name or alias of the concept (case-insensitive)", example: "statefulset" }),
});

const kindsParam = z
  .string()
  .max(300)
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const kinds = v
      .split(",")
      .map((k) => k.trim().toUpperCase())
      .filter(Boolean);
    const unknown = kinds.filter((k) => !(relationKinds as readonly string[]).includes(k));
    if (unknown.length) ctx.addIssue({ code: "custom", message: `unknown relation kind ${unknown.join(", ")}; use ${relationKinds.join(", ")}` });
    return kinds;
  })
  .openapi({ description: `Comma-separated relation kinds to keep: ${relationKinds.join(", ")}`, example: "PART_OF,MANAGES", type: "string" });

/** Registers the concept endpoints. */
export function conceptRoutes(api: RestApi, services: Services): void {
  const { concepts, days, references } = services;

  route(api, {
    method: "get",
    path: "/concepts",
    summary: "List concepts",
    tags: ["concepts"],
    cache: "public",
    paginated: true,
    description: "The glossary in slug order, optionally filtered by category and words.",
    query: z.object({
      category: z.string().min(1).max(100).optional().openapi({ description: "Category of the glossary", example: "workloads" }),
      q: z.string().min(1).max(200).optional().openapi({ description: "Words in the name, aliases, slug or summary", example: "volume" }),
      ...pageParams,
    }),
    response: { schema: pageSchema(ConceptSummarySchema, "ConceptPage", "concepts"), description: "A page of concepts" },
    handler: async ({ query, req, res }) => {
      const page = await fetchPage(() => concepts.list({ category: query.category, text: query.q }, servicePage(query)));
      return sendPage(req, res, page, toConceptSummaryJson);
    },
  });

  route(api, {
    method: "get",
    path: "/concepts/path",
    summary: "How two concepts relate",
    tags: ["concepts"],
    cache: "public",
    description: "The shortest chain of relations from one concept to another. 404 when either concept is unknown or they are not connected.",
    query: z.object({
      from: z.string().min(1).max(100).openapi({ description: "Slug, name or alias of the first concept", example: "init-container" }),
      to: z.string().min(1).max(100).openapi({ description: "Slug, name or alias of the second concept", example: "statefulset" }),
    }),
    errors: [404],
    response: { schema: ConceptPathSchema, description: "The chain of relations" },
    handler: async ({ query }) => {
      const path = await concepts.conceptPath(query.from, query.to);
      if (!path) throw new AppError("NOT_FOUND", `No chain of relations links "${query.from}" and "${query.to}"`);
      return toConceptPathJson(path);
    },
  });

  const graphQuery = z.object({
    category: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: "Only concepts of this category (the focus is kept whatever its category)", example: "workloads" }),
    kinds: kindsParam,
    focus: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: "Slug, name or alias of the concept at the centre: only concepts within `depth` relations of it", example: "pod" }),
    depth: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_GRAPH_DEPTH)
      .optional()
      .openapi({ description: `Relations away from the focus, 1–${MAX_GRAPH_DEPTH} (default 1); needs focus`, example: 2 }),
  });

  // Before /concepts/{slug}, which would otherwise take "graph" as a slug.
  route(api, {
    method: "get",
    path: "/concepts/graph",
    summary: "The glossary as a graph (JSON Graph Format)",
    tags: ["concepts"],
    cache: "public",
    description:
      "Concepts as nodes (keyed by slug) and relations as typed, directed edges (`relation`: the kind; CO_OCCURRENCE for relations derived from lessons), in JSON Graph Format v2 (jsongraphformat.info). Filter by `category`, relation `kinds`, and the neighbourhood of a `focus` up to `depth` relations. 404 for an unknown focus.",
    query: graphQuery,
    errors: [404],
    response: { schema: ConceptGraphSchema, description: "The graph" },
    handler: async ({ query, req }) => {
      const graph = await concepts.graph({ category: query.category, kinds: query.kinds, focus: query.focus, depth: query.depth });
      return toJsonGraph(graph, query, publicBase(req, services.deps.config.PUBLIC_URL));
    },
  });

  route(api, {
    method: "get",
    path: "/concepts/graph.svg",
    summary: "The glossary as a picture (SVG)",
    tags: ["concepts", "pictures"],
    cache: "public",
    description: `The graph of GET /concepts/graph (same filters), laid out and drawn: boxes link to their concepts, arrows carry their relation kind. E.g. \`?focus=pod&depth=2\`. At most ${MAX_PICTURE_CONCEPTS} concepts are drawn: the nearest to the focus (without one, the best connected), as the picture's description says; a relation derived from lessons is left out where a curated one links the same concepts. 404 for an unknown focus.`,
    query: graphQuery,
    errors: [404],
    response: { schema: SvgBody, description: "The picture", contentType: SVG_CONTENT_TYPE },
    handler: async ({ query, req, res }) => {
      const graph = pictureGraph(
        await concepts.graph({ category: query.category, kinds: query.kinds, focus: query.focus, depth: query.depth }),
        MAX_PICTURE_CONCEPTS,
      );
      const base = publicBase(req, services.deps.config.PUBLIC_URL);
      sendSvg(req, res, conceptGraphSvg({ graph, conceptUrl: (slug) => `${base}${conceptLinks(slug).self}` }), {
        scope: "public",
        maxAge: 60,
        learnerData: false,
      });
      return undefined;
    },
  });

  // Before /concepts/{slug}, which would otherwise take "pod.md" as a slug.
  route(api, {
    method: "get",
    path: "/concepts/{slug}.md",
    summary: "One concept as markdown",
    tags: ["concepts"],
    cache: "public",
    description: "A compact rendering for chatbots and LLM tools: summary, aliases, official docs, related concepts with reasons, lessons and references.",
    params: ConceptSlugParams,
    response: {
      schema: z.string().openapi({ example: "# StatefulSet\n\n> Runs pods with stable identities and storage.\n" }),
      description: "The concept in markdown",
      contentType: "text/markdown",
    },
    handler: async ({ params }) => conceptMarkdown(await loadConceptDocument(services, params.slug), contentLinks(services.deps.config.PUBLIC_URL ?? "")),
  });

  route(api, {
    method: "get",
    path: "/concepts/{slug}",
    summary: "One concept",
    tags: ["concepts"],
    cache: "public",
    description: "A concept by slug, name or alias, with its prerequisites, the lessons mentioning it and its references.",
    params: ConceptSlugParams,
    response: { schema: ConceptSchema, description: "The concept" },
    handler: async ({ params }) => {
      const concept = await concepts.get(params.slug);
      if (!concept) throw notFound(`Concept "${params.slug}"`);
      const [prerequisites, conceptDays, refs] = await Promise.all([
        concepts.prerequisitesByConceptIds([concept.id]),
        days.byConceptIds([concept.id]),
        references.byConceptIds([concept.id]),
      ]);
      return toConceptJson(concept, { prerequisites: prerequisites[0]!, days: conceptDays[0]!, references: refs[0]! });
    },
  });

  route(api, {
    method: "get",
    path: "/concepts/{slug}/related",
    summary: "Related concepts, ranked and explained",
    tags: ["concepts"],
    cache: "public",
    description: "Curated relations of the glossary first, then relations derived from co-occurrence in lessons, each with a human-readable reason.",
    params: ConceptSlugParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(10).openapi({ description: "How many, 1–100 (default 10)", example: 5 }),
      kinds: kindsParam,
    }),
    response: { schema: RelatedListSchema, description: "Ranked related concepts" },
    handler: async ({ params, query }) => {
      const concept = await concepts.get(params.slug);
      if (!concept) throw notFound(`Concept "${params.slug}"`);
      const related = await concepts.related(concept.slug, { first: query.limit, kinds: query.kinds ?? null });
      return { concept: { slug: concept.slug, name: concept.name }, items: related.map(toRelatedJson) };
    },
  });
}
