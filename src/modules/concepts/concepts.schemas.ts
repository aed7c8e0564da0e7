/** REST shapes of concepts, their relations and concept paths, and the mappers to them. */
import { z } from "zod";
import "../../rest/route.ts"; // extends zod with .openapi()
import type { Day } from "../days/days.mappers.ts";
import type { ConceptDay } from "../days/days.service.ts";
import { ReferenceSchema, toReferenceJson } from "../days/days.schemas.ts";
import type { Reference } from "../references/references.mappers.ts";
import type { Concept } from "./concepts.mappers.ts";
import type { ConceptPath, RelatedConcept } from "./concepts.service.ts";

/** Where a concept lives in this API. */
export const conceptLinks = (slug: string) => ({
  self: `/api/v1/concepts/${encodeURIComponent(slug)}`,
  markdown: `/api/v1/concepts/${encodeURIComponent(slug)}.md`,
  related: `/api/v1/concepts/${encodeURIComponent(slug)}/related`,
});

/** A concept in lists. */
export const ConceptSummarySchema = z.object({
  slug: z.string().openapi({ description: "Lowercase name, words joined by hyphens", example: "statefulset" }),
  name: z.string().openapi({ example: "StatefulSet" }),
  aliases: z.array(z.string()).openapi({ example: ["sts", "stateful set"] }),
  summary: z.string().openapi({ example: "Runs pods with stable identities and storage." }),
  category: z.string().openapi({ example: "workloads" }),
  docsUrl: z.string().nullable().openapi({ description: "Official documentation", example: "https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/" }),
  links: z.object({ self: z.string(), markdown: z.string(), related: z.string() }).openapi({ description: "URLs of the concept as JSON, markdown and its related concepts" }),
}).openapi("ConceptSummary", { description: "A Kubernetes concept of the glossary" });

/** A concept with its lessons, prerequisites and references. */
export const ConceptSchema = ConceptSummarySchema.extend({
  prerequisites: z.array(z.object({ slug: z.string(), name: z.string() })).openapi({ description: "Concepts to learn first", example: [{ slug: "pod", name: "Pod" }] }),
  days: z.array(z.object({
    number: z.number().int(), title: z.string(),
    weight: z.number().openapi({ description: "How much the lesson is about the concept, 0–1" }),
    focus: z.boolean().openapi({ description: "True when the concept is what the lesson is about" }),
  })).openapi({ description: "Lessons mentioning the concept, in day order" }),
  references: z.array(ReferenceSchema).openapi({ description: "Sources documenting the concept" }),
}).openapi("Concept", { description: "A concept with the lessons that teach it" });

/** One ranked related concept. */
export const RelatedConceptSchema = z.object({
  concept: z.object({ slug: z.string(), name: z.string() }).openapi({ example: { slug: "pod", name: "Pod" } }),
  score: z.number().openapi({ description: "Rank score: curated relations lie in (1, 2], derived ones in (0, 1)", example: 1.9 }),
  kind: z.string().openapi({ description: "RELATED | PART_OF | PREREQUISITE | ALTERNATIVE_TO | MANAGES | USES | EXPOSES | CONFIGURES | CO_OCCURRENCE", example: "MANAGES" }),
  source: z.enum(["CURATED", "DERIVED"]).openapi({ description: "CURATED (glossary) or DERIVED (co-occurrence in lessons)" }),
  direction: z.enum(["OUTGOING", "INCOMING"]).openapi({ description: "OUTGOING: this concept relates to the other; INCOMING: the other relates to it" }),
  reason: z.string().openapi({ description: "Why they relate, in words", example: "manages: Pod" }),
  days: z.array(z.number().int()).openapi({ description: "Days both appear in (derived relations)", example: [12, 13] }),
}).openapi("RelatedConcept", { description: "A related concept, ranked and explained" });

/** The ranked related concepts of a concept. */
export const RelatedListSchema = z.object({
  concept: z.object({ slug: z.string(), name: z.string() }),
  items: z.array(RelatedConceptSchema).openapi({ description: "Curated relations first, then derived ones" }),
}).openapi("RelatedConcepts", { description: "Ranked related concepts" });

/** The shortest chain of relations between two concepts. */
export const ConceptPathSchema = z.object({
  from: z.object({ slug: z.string(), name: z.string() }),
  to: z.object({ slug: z.string(), name: z.string() }),
  length: z.number().int().openapi({ description: "Number of hops", example: 2 }),
  hops: z.array(z.object({
    from: z.object({ slug: z.string(), name: z.string() }),
    to: z.object({ slug: z.string(), name: z.string() }),
    kind: z.string().openapi({ example: "PART_OF" }),
    direction: z.enum(["OUTGOING", "INCOMING"]),
    description: z.string().openapi({ example: "Init container — part of → Pod" }),
  })),
}).openapi("ConceptPath", { description: "How two concepts relate: the shortest chain of relations" });

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
    from: ref(p.from), to: ref(p.to), length: p.length,
    hops: p.hops.map((h) => ({ from: ref(h.from), to: ref(h.to), kind: h.kind, direction: h.direction, description: h.description })),
  };
}
