/**
 * MCP tool `list_references`: the external sources (official docs, blog posts,
 * repositories) a lesson cites or a concept is documented by.
 */
import { z } from "zod";
import { badRequest, notFound } from "../../errors.ts";
import { citedText } from "../../mcp/citedText.ts";
import { defineTool, maxCharsArg, readOnly } from "../../mcp/tool.ts";
import { conceptArg } from "../concepts/concepts.tools.ts";
import { dayNumberArg } from "../days/days.tools.ts";
import { REFERENCE_KIND_NAMES, referenceKindsExplained, referenceKindsList } from "./referenceKinds.ts";

/** The reference tools. */
export const referenceTools = [
  defineTool({
    name: "list_references",
    title: "References of a lesson or concept",
    description:
      "External sources cited by a lesson (`day`) or documenting a concept (`concept`): title, URL, domain and kind " +
      `(${referenceKindsList()}). Give \`day\`, \`concept\` or both; \`kind\` narrows further.`,
    input: {
      day: dayNumberArg.optional().describe("Lesson number"),
      concept: conceptArg.optional().describe("Concept slug, name or alias"),
      kind: z.enum(REFERENCE_KIND_NAMES).optional().describe(`Only references of this kind: ${referenceKindsExplained()}`),
      limit: z.number().int().min(1, "limit must be 1–50").max(50, "limit must be 1–50").default(20).describe("How many (1–50, default 20)"),
      maxChars: maxCharsArg,
    },
    output: {
      day: z.number().int().nullable(),
      concept: z.string().nullable(),
      totalCount: z.number().int(),
      references: z.array(z.object({ title: z.string(), url: z.string(), domain: z.string(), kind: z.string() })),
    },
    annotations: readOnly,
    async run({ day, concept, kind, limit, maxChars }, { services, links }) {
      if (day === undefined && concept === undefined)
        throw badRequest("Give day or concept (or both)", [{ path: ["day"], message: "day or concept is required" }]);
      const c = concept === undefined ? null : await services.concepts.get(concept);
      if (concept !== undefined && !c) throw notFound(`Concept ${JSON.stringify(concept)}`);
      const d = day === undefined ? null : await services.days.get(day);
      if (day !== undefined && !d) throw notFound(`Day ${day}`);
      const page = await services.references.list({ day: d?.number ?? null, concept: c?.slug ?? null, kind: kind ?? null }, { first: limit });
      const refs = page.items.map((r) => ({ title: r.title, url: r.url, domain: r.domain, kind: r.kind }));
      const what = [d ? `Day ${d.number}: ${d.title}` : null, c ? `concept ${c.name}` : null].filter(Boolean).join(" and ");
      const body = refs.length
        ? [
            `References of ${what}${kind ? ` (${kind})` : ""}, ${page.totalCount} in all:`,
            "",
            ...refs.map((r) => `- ${r.title} (${r.kind}, ${r.domain}): ${r.url}`),
          ].join("\n")
        : `No references of ${what}${kind ? ` of kind ${kind}` : ""}.`;
      const sources = [
        ...(d ? [{ title: `Day ${d.number}: ${d.title} (lesson)`, url: links.dayMarkdown(d.number) }] : []),
        ...(c ? [{ title: `${c.name} (concept)`, url: links.conceptMarkdown(c.slug) }] : []),
        ...refs.map((r) => ({ title: r.title, url: r.url })),
      ];
      return {
        text: citedText(body, sources, maxChars),
        data: { day: d?.number ?? null, concept: c?.slug ?? null, totalCount: page.totalCount, references: refs },
      };
    },
  }),
];
