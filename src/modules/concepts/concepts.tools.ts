/**
 * MCP tools over the concept glossary: `get_concept`, `related_concepts` and
 * `concept_path`. Concepts are named by slug, name or alias ("pod", "Pods", "sts").
 */
import { z } from "zod";
import { notFound } from "../../errors.ts";
import { citedText, type Source } from "../../mcp/citedText.ts";
import { defineTool, maxCharsArg, readOnly } from "../../mcp/tool.ts";
import { relationKinds } from "./relatedRanking.ts";
import { conceptMarkdown, loadConceptDocument } from "./concepts.markdown.ts";
import type { RelatedConcept } from "./concepts.service.ts";

/** Input schema of a concept name, shared by tools that take one. */
export const conceptArg = z.string().trim().min(1, "must name a concept (slug, name or alias)").max(100, "must be at most 100 characters");

const RelatedSchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.enum(relationKinds),
  source: z.enum(["CURATED", "DERIVED"]),
  reason: z.string().describe('Why they are related, e.g. "part of: Pod" or "appear together in days 12, 13"'),
  days: z.array(z.number().int()).describe("Lessons both appear in (derived relations)"),
  url: z.string(),
});

const relatedShape = (r: RelatedConcept, url: string): z.infer<typeof RelatedSchema> => ({
  slug: r.concept.slug,
  name: r.concept.name,
  kind: r.kind,
  source: r.source,
  reason: r.reason,
  days: r.days,
  url,
});

/** The concept tools. */
export const conceptTools = [
  defineTool({
    name: "get_concept",
    title: "Explain a Kubernetes concept",
    description:
      'A Kubernetes concept from the glossary by slug, name or alias ("pod", "StatefulSet", "pvc"): its summary, aliases, ' +
      "official documentation link, related concepts with the reason for each relation, and the lessons that teach it. " +
      "Use it to explain a concept; cite the docs and lesson URLs under Sources.",
    input: { concept: conceptArg.describe('Slug, name or alias, e.g. "pod"'), maxChars: maxCharsArg },
    output: {
      slug: z.string(),
      name: z.string(),
      summary: z.string(),
      aliases: z.array(z.string()),
      category: z.string(),
      docsUrl: z.string().nullable(),
      related: z.array(RelatedSchema),
      lessons: z.array(z.object({ day: z.number().int(), title: z.string(), focus: z.boolean(), url: z.string() })),
      markdownUrl: z.string(),
    },
    annotations: readOnly,
    async run({ concept, maxChars }, { services, links }) {
      const doc = await loadConceptDocument(services, concept);
      const c = doc.concept;
      const lessons = doc.days.map((d) => ({ day: d.day.number, title: d.day.title, focus: d.focus, url: links.dayMarkdown(d.day.number) }));
      const sources: Source[] = [
        { title: `${c.name} (concept)`, url: links.conceptMarkdown(c.slug) },
        ...(c.docsUrl ? [{ title: `${c.name} (official docs)`, url: c.docsUrl }] : []),
        ...lessons.filter((l) => l.focus).map((l) => ({ title: `Day ${l.day}: ${l.title} (lesson)`, url: l.url })),
      ];
      return {
        text: citedText(conceptMarkdown(doc, links), sources, maxChars),
        data: {
          slug: c.slug,
          name: c.name,
          summary: c.summary,
          aliases: c.aliases,
          category: c.category,
          docsUrl: c.docsUrl,
          related: doc.related.map((r) => relatedShape(r, links.conceptMarkdown(r.concept.slug))),
          lessons,
          markdownUrl: links.conceptMarkdown(c.slug),
        },
      };
    },
  }),

  defineTool({
    name: "related_concepts",
    title: "Concepts related to a concept",
    description:
      "Concepts related to a Kubernetes concept, ranked: curated relations first (part of, manages, uses, requires, …), " +
      "then concepts that appear together in lessons. Each comes with the reason. Optionally only some relation kinds.",
    input: {
      concept: conceptArg.describe('Slug, name or alias, e.g. "pod"'),
      kinds: z.array(z.enum(relationKinds)).max(relationKinds.length).optional().describe("Only these relation kinds (default: all)"),
      limit: z.number().int().min(1, "limit must be 1–25").max(25, "limit must be 1–25").default(10).describe("How many (1–25, default 10)"),
      maxChars: maxCharsArg,
    },
    output: { concept: z.string(), related: z.array(RelatedSchema) },
    annotations: readOnly,
    async run({ concept, kinds, limit, maxChars }, { services, links }) {
      const self = await services.concepts.get(concept);
      if (!self) throw notFound(`Concept ${JSON.stringify(concept)}`);
      const related = await services.concepts.related(self.slug, { first: limit, kinds: kinds ?? null });
      const shaped = related.map((r) => relatedShape(r, links.conceptMarkdown(r.concept.slug)));
      const body = shaped.length
        ? [`Concepts related to ${self.name}:`, "", ...shaped.map((r) => `- ${r.name} (${r.slug}): ${r.reason}`)].join("\n")
        : `No related concepts of ${self.name}${kinds?.length ? ` of kind ${kinds.join(", ")}` : ""}.`;
      const sources: Source[] = [
        { title: `${self.name} (concept)`, url: links.conceptMarkdown(self.slug) },
        ...(self.docsUrl ? [{ title: `${self.name} (official docs)`, url: self.docsUrl }] : []),
        ...shaped.slice(0, 5).map((r) => ({ title: `${r.name} (concept)`, url: r.url })),
      ];
      return { text: citedText(body, sources, maxChars), data: { concept: self.slug, related: shaped } };
    },
  }),

  defineTool({
    name: "concept_path",
    title: "How two concepts connect",
    description:
      'The shortest chain of relations between two Kubernetes concepts, e.g. from "init-container" to "deployment": ' +
      "Init container — part of → Pod — managed by → ReplicaSet — managed by → Deployment. Useful to explain how ideas fit together.",
    input: {
      from: conceptArg.describe("Start concept: slug, name or alias"),
      to: conceptArg.describe("End concept: slug, name or alias"),
      maxChars: maxCharsArg,
    },
    output: {
      from: z.string(),
      to: z.string(),
      found: z.boolean(),
      length: z.number().int(),
      hops: z.array(z.object({ from: z.string(), to: z.string(), kind: z.string(), direction: z.enum(["OUTGOING", "INCOMING"]), description: z.string() })),
    },
    annotations: readOnly,
    async run({ from, to, maxChars }, { services, links }) {
      const path = await services.concepts.conceptPath(from, to);
      if (!path) {
        const [a, b] = await Promise.all([services.concepts.get(from), services.concepts.get(to)]);
        const body = `No chain of relations connects ${a!.name} and ${b!.name} in the glossary.`;
        return {
          text: citedText(
            body,
            [
              { title: `${a!.name} (concept)`, url: links.conceptMarkdown(a!.slug) },
              { title: `${b!.name} (concept)`, url: links.conceptMarkdown(b!.slug) },
            ],
            maxChars,
          ),
          data: { from: a!.slug, to: b!.slug, found: false, length: 0, hops: [] },
        };
      }
      const hops = path.hops.map((h) => ({ from: h.from.slug, to: h.to.slug, kind: h.kind, direction: h.direction, description: h.description }));
      const body =
        path.length === 0
          ? `${path.from.name} and ${path.to.name} are the same concept.`
          : [
              `${path.from.name} → ${path.to.name} in ${path.length} step${path.length === 1 ? "" : "s"}:`,
              "",
              ...path.hops.map((h, i) => `${i + 1}. ${h.description}`),
            ].join("\n");
      const concepts = [path.from, ...path.hops.map((h) => h.to)];
      const sources: Source[] = concepts.map((c) => ({ title: `${c.name} (concept)`, url: links.conceptMarkdown(c.slug) }));
      return { text: citedText(body, sources, maxChars), data: { from: path.from.slug, to: path.to.slug, found: true, length: path.length, hops } };
    },
  }),
];
