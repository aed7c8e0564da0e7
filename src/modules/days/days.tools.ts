/**
 * MCP tool `get_day`: one lesson as compact markdown with its references.
 */
import { z } from "zod";
import { citedText, type Source } from "../../mcp/citedText.ts";
import { defineTool, maxCharsArg, readOnly } from "../../mcp/tool.ts";
import { dayMarkdown, loadDayDocument } from "./days.markdown.ts";

/** Input schema of a lesson number, shared by tools that take one. */
export const dayNumberArg = z
  .number()
  .int("must be a whole lesson number")
  .min(1, "must be a lesson number (1–66 for #66DaysOfK8s)")
  .max(366, "must be a lesson number (1–66 for #66DaysOfK8s)");

const ReferenceSchema = z.object({ title: z.string(), url: z.string(), kind: z.string() });

/** The day tools. */
export const dayTools = [
  defineTool({
    name: "get_day",
    title: "Read a lesson",
    description:
      "One #66DaysOfK8s lesson by number (1–66) as compact markdown: title, kind, TL;DR, setup, tasks, takeaways, the lesson text, " +
      "the Kubernetes concepts it covers and the references it cites. Cite the lesson URL and references given under Sources.",
    input: { number: dayNumberArg.describe("The lesson number, e.g. 13"), maxChars: maxCharsArg },
    output: {
      number: z.number().int(),
      title: z.string(),
      kind: z.string(),
      week: z.number().int().nullable(),
      summary: z.string(),
      concepts: z.array(z.string()).describe("Slugs of the concepts the lesson covers, main topics first"),
      references: z.array(ReferenceSchema),
      markdownUrl: z.string(),
    },
    annotations: readOnly,
    async run({ number, maxChars }, { services, links }) {
      const doc = await loadDayDocument(services, number);
      const sources: Source[] = [
        { title: `Day ${number}: ${doc.day.title} (lesson)`, url: links.dayMarkdown(number) },
        ...doc.references.filter((r) => r.kind === "OFFICIAL_DOCS").map((r) => ({ title: `${r.title} (official docs)`, url: r.url })),
      ];
      const concepts = [...doc.concepts].sort((a, b) => Number(b.focus) - Number(a.focus) || b.weight - a.weight).map((c) => c.concept.slug);
      return {
        text: citedText(dayMarkdown(doc, links), sources, maxChars),
        data: {
          number,
          title: doc.day.title,
          kind: doc.day.kind,
          week: doc.day.week,
          summary: doc.day.summary,
          concepts,
          references: doc.references.map((r) => ({ title: r.title, url: r.url, kind: r.kind })),
          markdownUrl: links.dayMarkdown(number),
        },
      };
    },
  }),
];
