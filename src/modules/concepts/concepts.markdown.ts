/**
 * A concept as compact markdown, shared by REST (`GET /api/v1/concepts/{slug}.md`),
 * MCP tools and resources, and /llms-full.txt: summary, aliases, official docs,
 * related concepts with the reason for each, the lessons that teach it and its
 * references. `loadConceptDocument` reads through the services; `conceptMarkdown` is pure.
 */
import { notFound } from "../../errors.ts";
import type { ContentLinks } from "../../http/contentLinks.ts";
import { oneLine } from "../content/reshapeMarkdown.ts";
import type { ConceptDay, DaysService } from "../days/days.service.ts";
import type { Reference } from "../references/references.mappers.ts";
import type { ReferencesService } from "../references/references.service.ts";
import type { Concept } from "./concepts.mappers.ts";
import type { ConceptsService, RelatedConcept } from "./concepts.service.ts";

/** Everything a concept's markdown shows. */
export interface ConceptDocument {
  concept: Concept;
  related: RelatedConcept[];
  days: ConceptDay[];
  references: Reference[];
}

/** The services a concept document is read through. */
export type ConceptDocumentServices = { concepts: ConceptsService; days: DaysService; references: ReferencesService };

/** Reads a concept by slug, name or alias with its related concepts, lessons and references; NOT_FOUND when unknown. */
export async function loadConceptDocument(services: ConceptDocumentServices, slugOrName: string, options: { related?: number } = {}): Promise<ConceptDocument> {
  const concept = await services.concepts.get(slugOrName);
  if (!concept) throw notFound(`Concept ${JSON.stringify(slugOrName)}`);
  return (await loadConceptDocuments(services, [concept], options))[0]!;
}

/** The documents of many concepts in three batch reads, in the order of `concepts`. */
export async function loadConceptDocuments(
  services: ConceptDocumentServices,
  concepts: readonly Concept[],
  options: { related?: number } = {},
): Promise<ConceptDocument[]> {
  const ids = concepts.map((c) => c.id);
  const [related, days, references] = await Promise.all([
    services.concepts.relatedByConceptIds(ids, { first: options.related ?? 8 }),
    services.days.byConceptIds(ids),
    services.references.byConceptIds(ids),
  ]);
  return concepts.map((concept, i) => ({ concept, related: related[i] ?? [], days: days[i] ?? [], references: references[i] ?? [] }));
}

/** The concept as markdown. */
export function conceptMarkdown(doc: ConceptDocument, links: ContentLinks): string {
  const { concept } = doc;
  const out: string[] = [`# ${concept.name}`, ""];
  if (concept.summary) out.push(`> ${oneLine(concept.summary)}`, "");
  const facts = [`category: ${concept.category}`, concept.aliases.length ? `also called: ${concept.aliases.join(", ")}` : null].filter(Boolean);
  out.push(`_${facts.join(" · ")}_`, "");
  if (concept.docsUrl) out.push(`Official docs: ${concept.docsUrl}`, "");
  if (doc.related.length) {
    out.push("## Related concepts", "", ...doc.related.map((r) => `- [${r.concept.name}](${links.conceptMarkdown(r.concept.slug)}): ${r.reason}`), "");
  }
  if (doc.days.length) {
    const days = [...doc.days].sort((a, b) => Number(b.focus) - Number(a.focus) || b.weight - a.weight || a.day.number - b.day.number).slice(0, 12);
    out.push(
      "## Lessons",
      "",
      ...days.map((d) => `- [Day ${d.day.number}: ${d.day.title}](${links.dayMarkdown(d.day.number)})${d.focus ? " (main topic)" : ""}`),
      "",
    );
  }
  if (doc.references.length) out.push("## References", "", ...doc.references.map((r) => `- [${r.title}](${r.url})`), "");
  out.push("---", `Concept "${concept.slug}" · markdown: ${links.conceptMarkdown(concept.slug)} · JSON: ${links.conceptJson(concept.slug)}`);
  return `${out.join("\n").trimEnd()}\n`;
}
