/** REST shapes of concepts, their relations and concept paths, and the mappers to them. */
import { z } from "../../rest/openapiZod.ts";
import type { Day } from "../days/days.mappers.ts";
import type { ConceptDay } from "../days/days.service.ts";
import { ReferenceSchema, toReferenceJson } from "../days/days.schemas.ts";
import type { Reference } from "../references/references.mappers.ts";
import type { Concept } from "./concepts.mappers.ts";
import type { ConceptPath, RelatedConcept } from "./concepts.service.ts";
import type { ConceptGraph } from "./conceptGraph.ts";

/** Where a concept lives in this API. */
export const conceptLinks = (slug: string) => ({
  self: `/api/v1/concepts/${encodeURIComponent(slug)}`,
  markdown: `/api/v1/concepts/${encodeURIComponent(slug)}.md`,
  related: `/api/v1/concepts/${encodeURIComponent(slug)}/related`,
});

/** A concept in lists. */
export const ConceptSummarySchema = z
  .object({
    slug: z.string().openapi({ description: "Lowercase name, words joined by hyphens", example: "statefulset" }),
    name: z.string().openapi({ example: "StatefulSet" }),
    aliases: z.array(z.string()).openapi({ example: ["sts", "stateful set"] }),
    summary: z.string().openapi({ example: "Runs pods with stable identities and storage." }),
    category: z.string().openapi({ example: "workloads" }),
    docsUrl: z
      .string()
      .nullable()
      .openapi({ description: "Official documentation", example: "https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/" }),
    links: z
      .object({ self: z.string(), markdown: z.string(), related: z.string() })
      .openapi({ description: "URLs of the concept as JSON, markdown and its related concepts" }),
  })
  .openapi("ConceptSummary", { description: "A Kubernetes concept of the glossary" });

/** A concept with its lessons, prerequisites and references. */
export const ConceptSchema = ConceptSummarySchema.extend({
  prerequisites: z
    .array(z.object({ slug: z.string(), name: z.string() }))
    .openapi({ description: "Concepts to learn first", example: [{ slug: "pod", name: "Pod" }] }),
  days: z
    .array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        weight: z.number().openapi({ description: "How much the lesson is about the concept, 0–1" }),
        focus: z.boolean().openapi({ description: "True when the concept is what the lesson is about" }),
      }),
    )
    .openapi({ description: "Lessons mentioning the concept, in day order" }),
  references: z.array(ReferenceSchema).openapi({ description: "Sources documenting the concept" }),
}).openapi("Concept", { description: "A concept with the lessons that teach it" });

/** One ranked related concept. */
export const RelatedConceptSchema = z
  .object({
    concept: z.object({ slug: z.string(), name: z.string() }).openapi({ example: { slug: "pod", name: "Pod" } }),
    score: z.number().openapi({ description: "Rank score: curated relations lie in (1, 2], derived ones in (0, 1)", example: 1.9 }),
    kind: z.string().openapi({
      description: "RELATED | PART_OF | PREREQUISITE | ALTERNATIVE_TO | MANAGES | USES | EXPOSES | CONFIGURES | CO_OCCURRENCE",
      example: "MANAGES",
    }),
    source: z.enum(["CURATED", "DERIVED"]).openapi({ description: "CURATED (glossary) or DERIVED (co-occurrence in lessons)" }),
    direction: z.enum(["OUTGOING", "INCOMING"]).openapi({ description: "OUTGOING: this concept relates to the other; INCOMING: the other relates to it" }),
    reason: z.string().openapi({ description: "Why they relate, in words", example: "manages: Pod" }),
    days: z.array(z.number().int()).openapi({ description: "Days both appear in (derived relations)", example: [12, 13] }),
  })
  .openapi("RelatedConcept", { description: "A related concept, ranked and explained" });

/** The ranked related concepts of a concept. */
export const RelatedListSchema = z
  .object({
    concept: z.object({ slug: z.string(), name: z.string() }),
    items: z.array(RelatedConceptSchema).openapi({ description: "Curated relations first, then derived ones" }),
  })
  .openapi("RelatedConcepts", { description: "Ranked related concepts" });

/** The shortest chain of relations between two concepts. */
export const ConceptPathSchema = z
  .object({
    from: z.object({ slug: z.string(), name: z.string() }),
    to: z.object({ slug: z.string(), name: z.string() }),
    length: z.number().int().openapi({ description: "Number of hops", example: 2 }),
    hops: z.array(
      z.object({
        from: z.object({ slug: z.string(), name: z.string() }),
        to: z.object({ slug: z.string(), name: z.string() }),
        kind: z.string().openapi({ example: "PART_OF" }),
        direction: z.enum(["OUTGOING", "INCOMING"]),
        description: z.string().openapi({ example: "Init container — part of → Pod" }),
      }),
    ),
  })
  .openapi("ConceptPath", { description: "How two concepts relate: the shortest chain of relations" });

const ref = (c: Pick<Concept, "slug" | "name">) => ({ slug: c.slug, name: c.name });

/** A concept in lists. */
export function toConceptSummaryJson(c: Concept): z.input<typeof ConceptSummarySchema> {
  return { slug: c.slug, name: c.name, aliases: c.aliases, summary: c.summary, category: c.category, docsUrl: c.docsUrl, links: conceptLinks(c.slug) };
}

/** A concept with its lessons, prerequisites and references. */
export function toConceptJson(c: Concept, parts: { prerequisites: Concept[]; days: ConceptDay[]; references: Reference[] }): z.input<typeof ConceptSchema> {
  return {
    ...toConceptSummaryJson(c),
    prerequisites: parts.prerequisites.map(ref),
    days: parts.days.map((d: { day: Day; weight: number; focus: boolean }) => ({ number: d.day.number, title: d.day.title, weight: d.weight, focus: d.focus })),
    references: parts.references.map(toReferenceJson),
  };
}

/** A ranked related concept. */
export function toRelatedJson(r: RelatedConcept): z.input<typeof RelatedConceptSchema> {
  return { concept: ref(r.concept), score: r.score, kind: r.kind, source: r.source, direction: r.direction, reason: r.reason, days: r.days };
}

/** A concept path. */
export function toConceptPathJson(p: ConceptPath): z.input<typeof ConceptPathSchema> {
  return {
    from: ref(p.from),
    to: ref(p.to),
    length: p.length,
    hops: p.hops.map((h) => ({ from: ref(h.from), to: ref(h.to), kind: h.kind, direction: h.direction, description: h.description })),
  };
}

/**
 * The glossary graph in JSON Graph Format v2 (jsongraphformat.info): one `graph` with
 * `nodes` keyed by concept slug and typed `edges` (`relation` is the relation kind).
 * Strict objects: only the properties JGF v2 allows, our data under `metadata`.
 */
export const ConceptGraphSchema = z
  .object({
    graph: z
      .object({
        id: z.string().openapi({ example: "k8s-days:concepts" }),
        label: z.string().openapi({ example: "Kubernetes concepts of #66DaysOfK8s" }),
        type: z.string().openapi({ example: "k8s-days.concept-graph" }),
        directed: z.literal(true),
        metadata: z.object({
          focus: z.string().nullable().openapi({ description: "Slug of the concept at the centre, or null" }),
          depth: z.number().int().nullable().openapi({ description: "Relations away from the focus, or null" }),
          category: z.string().nullable(),
          kinds: z.array(z.string()).nullable().openapi({ description: "Relation kinds kept, or null for all" }),
          nodeCount: z.number().int(),
          edgeCount: z.number().int(),
        }),
        nodes: z
          .record(
            z.string(),
            z
              .object({
                label: z.string().openapi({ example: "Pod" }),
                metadata: z.object({
                  category: z.string(),
                  summary: z.string(),
                  aliases: z.array(z.string()),
                  url: z.string().openapi({ description: "The concept in this API (absolute)", example: "https://k8s-days.example/api/v1/concepts/pod" }),
                  docsUrl: z.string().nullable(),
                  depth: z.number().int().nullable().openapi({ description: "Relations away from the focus (0 for the focus), null without a focus" }),
                }),
              })
              .strict(),
          )
          .openapi({ description: "Concepts keyed by slug" }),
        edges: z.array(
          z
            .object({
              id: z.string().openapi({ example: "init-container PART_OF pod" }),
              source: z.string().openapi({ description: "Slug of the concept the relation starts from", example: "init-container" }),
              target: z.string().openapi({ example: "pod" }),
              relation: z.string().openapi({
                description: "RELATED | PART_OF | PREREQUISITE | ALTERNATIVE_TO | MANAGES | USES | EXPOSES | CONFIGURES | CO_OCCURRENCE",
                example: "PART_OF",
              }),
              directed: z.literal(true),
              label: z.string().openapi({ description: "The relation in words, from the source", example: "part of" }),
              metadata: z.object({
                source: z.enum(["CURATED", "DERIVED"]),
                weight: z.number(),
                days: z.array(z.number().int()).openapi({ description: "Days both appear in (derived relations)" }),
              }),
            })
            .strict(),
        ),
      })
      .strict(),
  })
  .strict()
  .openapi("ConceptGraph", { description: "Concepts and typed relations in JSON Graph Format v2" });

/** A concept graph in JSON Graph Format v2, concept URLs absolute on `base`. */
export function toJsonGraph(
  g: ConceptGraph,
  filter: { category?: string | null | undefined; kinds?: readonly string[] | null | undefined },
  base: string,
): z.input<typeof ConceptGraphSchema> {
  return {
    graph: {
      id: "k8s-days:concepts",
      label: g.focus ? `Kubernetes concepts around ${g.focus.name}` : "Kubernetes concepts",
      type: "k8s-days.concept-graph",
      directed: true,
      metadata: {
        focus: g.focus?.slug ?? null,
        depth: g.depth,
        category: filter.category ?? null,
        kinds: filter.kinds?.length ? [...filter.kinds] : null,
        nodeCount: g.nodes.length,
        edgeCount: g.edges.length,
      },
      nodes: Object.fromEntries(
        g.nodes.map(({ concept: c, depth }) => [
          c.slug,
          {
            label: c.name,
            metadata: { category: c.category, summary: c.summary, aliases: c.aliases, url: `${base}${conceptLinks(c.slug).self}`, docsUrl: c.docsUrl, depth },
          },
        ]),
      ),
      edges: g.edges.map((e) => ({
        id: `${e.from.slug} ${e.kind} ${e.to.slug}`,
        source: e.from.slug,
        target: e.to.slug,
        relation: e.kind,
        directed: true as const,
        label: e.label,
        metadata: { source: e.source, weight: e.weight, days: e.days },
      })),
    },
  };
}
