/**
 * Study prompts: "quiz me on day N" and "explain concept X with its related
 * concepts". Each embeds the lesson or concept as a resource, so the model
 * answers from (and cites) our text rather than from memory.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { completable } from "@modelcontextprotocol/sdk/server/completable.js";
import { z } from "zod";
import { conceptMarkdown, loadConceptDocument } from "../modules/concepts/concepts.markdown.ts";
import { dayMarkdown, loadDayDocument } from "../modules/days/days.markdown.ts";
import { answering } from "./protocolError.ts";
import { completeConcept, completeDayNumber, conceptUri, dayUri } from "./resources.ts";
import type { ToolContext } from "./tool.ts";

/** Registers the prompts. */
export function registerPrompts(server: McpServer, ctx: ToolContext): void {
  const { services, links } = ctx;

  server.registerPrompt(
    "quiz_me",
    {
      title: "Quiz me on a lesson",
      description: "Quiz me on day N of #66DaysOfK8s: five questions from the lesson, one at a time, with feedback.",
      argsSchema: {
        day: completable(
          z
            .string()
            .regex(/^\d{1,3}$/, "day must be a lesson number such as 13")
            .describe("Lesson number"),
          (value) => completeDayNumber(services, value),
        ),
      },
    },
    ({ day }) =>
      answering(
        services,
        "prompt quiz_me",
        async () => {
          const doc = await loadDayDocument(services, Number(day));
          return {
            description: `Quiz on Day ${doc.day.number}: ${doc.day.title}`,
            messages: [
              {
                role: "user",
                content: {
                  type: "text",
                  text:
                    `Quiz me on Day ${doc.day.number} of #66DaysOfK8s ("${doc.day.title}"). Ask five questions, one at a time, ` +
                    "mixing concepts and hands-on kubectl tasks from the lesson below. Wait for my answer before the next question, " +
                    "tell me what was right or missing, and cite the lesson or its references when you correct me. End with a score and what to review.",
                },
              },
              {
                role: "user",
                content: { type: "resource", resource: { uri: dayUri(doc.day.number), mimeType: "text/markdown", text: dayMarkdown(doc, links) } },
              },
            ],
          };
        },
        { day },
      ),
  );

  server.registerPrompt(
    "explain_concept",
    {
      title: "Explain a concept with its related concepts",
      description: "Explain Kubernetes concept X, how it relates to its neighbouring concepts, and which lessons teach it.",
      argsSchema: {
        concept: completable(z.string().min(1).max(100).describe("Concept slug, name or alias, e.g. pod"), (value) => completeConcept(services, value)),
      },
    },
    ({ concept }) =>
      answering(
        services,
        "prompt explain_concept",
        async () => {
          const doc = await loadConceptDocument(services, concept);
          return {
            description: `Explain ${doc.concept.name}`,
            messages: [
              {
                role: "user",
                content: {
                  type: "text",
                  text:
                    `Explain the Kubernetes concept "${doc.concept.name}" to me as a learner of #66DaysOfK8s, using the glossary entry below. ` +
                    "Start with a two-sentence definition, then explain each related concept and how it relates (use the reasons given), " +
                    "then suggest which lesson to read first. Cite the official docs and lesson URLs you rely on.",
                },
              },
              {
                role: "user",
                content: { type: "resource", resource: { uri: conceptUri(doc.concept.slug), mimeType: "text/markdown", text: conceptMarkdown(doc, links) } },
              },
            ],
          };
        },
        { concept },
      ),
  );
}
