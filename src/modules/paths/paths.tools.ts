/**
 * MCP tool `next_lesson`: the lesson to learn after a given one on a learning path.
 */
import { z } from "zod";
import { notFound } from "../../errors.ts";
import { citedText } from "../../mcp/citedText.ts";
import { defineTool, maxCharsArg, readOnly } from "../../mcp/tool.ts";
import { CHRONOLOGICAL } from "./paths.service.ts";

/** The path tools. */
export const pathTools = [
  defineTool({
    name: "next_lesson",
    title: "Which lesson comes next",
    description:
      'The lesson to learn after lesson `after` on a learning path: "chronological" (by number, the default) or a curated path ' +
      'such as "suggested". Use after: 0 for the first lesson. Answers the next lesson\'s number, title and summary, or says the path is finished.',
    input: {
      after: z
        .number()
        .int("after must be a whole number")
        .min(0, "after must be 0 (start) or a lesson number")
        .max(366, "after must be a lesson number")
        .describe("The lesson just finished (0 = not started)"),
      path: z
        .string()
        .trim()
        .min(1, "path must not be empty")
        .max(64, "path must be at most 64 characters")
        .default(CHRONOLOGICAL)
        .describe('Learning path name (default "chronological")'),
      maxChars: maxCharsArg,
    },
    output: {
      path: z.string(),
      after: z.number().int(),
      finished: z.boolean(),
      next: z.object({ number: z.number().int(), title: z.string(), summary: z.string(), url: z.string() }).nullable(),
    },
    annotations: readOnly,
    async run({ after, path, maxChars }, { services, links }) {
      const paths = await services.paths.names();
      if (!paths.some((p) => p.name === path)) throw notFound(`Learning path ${JSON.stringify(path)} (available: ${paths.map((p) => p.name).join(", ")})`);
      const day = await services.paths.nextDay(after, path);
      if (!day) {
        return { text: `Lesson ${after} is the last one on the ${path} path: the path is finished.`, data: { path, after, finished: true, next: null } };
      }
      const url = links.dayMarkdown(day.number);
      const body = `Next on the ${path} path after lesson ${after}: Day ${day.number}: ${day.title}.${day.summary ? `\n${day.summary}` : ""}\nRead it with get_day(${day.number}).`;
      return {
        text: citedText(body, [{ title: `Day ${day.number}: ${day.title} (lesson)`, url }], maxChars),
        data: { path, after, finished: false, next: { number: day.number, title: day.title, summary: day.summary, url } },
      };
    },
  }),
];
