/** REST shapes of the snippets list (zod → OpenAPI) and the mapper from the service's snippets. */
import { z } from "../../rest/openapiZod.ts";
import "../../rest/route.ts"; // extends zod with .openapi()
import { dayHtmlPath } from "../content/contentBase.ts";
import type { LessonSnippet } from "./snippets.service.ts";

/** A snippet in the list. */
export const LessonSnippetSchema = z
  .object({
    day: z.number().int().openapi({ description: "Number of its lesson", example: 12 }),
    position: z.number().int().openapi({ description: "Order within the lesson", example: 3 }),
    language: z.string().nullable().openapi({ description: "Language of the fence", example: "yaml" }),
    code: z.string().openapi({ example: "apiVersion: v1\nkind: Pod\n" }),
    section: z
      .string()
      .nullable()
      .openapi({ description: "Heading of the section it appears in (null: before the first heading)", example: "Init containers" }),
    anchor: z.string().nullable().openapi({ description: "Anchor of that heading in the lesson's HTML", example: "init-containers" }),
    url: z.string().openapi({ description: "The lesson's HTML page at that section", example: "https://k8s-days.example/api/v1/days/12.html#init-containers" }),
  })
  .openapi("LessonSnippet", { description: "A fenced code block of a lesson" });

/** A snippet as REST shows it; `base` is the request's public origin. */
export function toLessonSnippetJson(s: LessonSnippet, base: string): z.input<typeof LessonSnippetSchema> {
  return {
    day: s.dayNumber,
    position: s.position,
    language: s.language,
    code: s.code,
    section: s.section,
    anchor: s.anchor,
    url: `${base}${dayHtmlPath(s.dayNumber, s.anchor)}`,
  };
}
