/** REST endpoint of the snippets list: GET /snippets (language, day, challenge; cursor pages with a Link header). */
import { z } from "../../rest/openapiZod.ts";
import { publicBase } from "../../http/publicBase.ts";
import { fetchPage, pageParams, pageSchema, sendPage, servicePage } from "../../rest/pagination.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { LessonSnippetSchema, toLessonSnippetJson } from "./snippets.schemas.ts";

const SnippetsQuery = z.object({
  language: z.string().min(1).max(50).optional().openapi({ description: "Language of the fence, any case", example: "yaml" }),
  day: z.coerce.number().int().min(1).max(10_000).optional().openapi({ description: "Only the snippets of this lesson", example: 12 }),
  challenge: z.string().min(1).max(100).optional().openapi({ description: "Challenge slug (default: #66DaysOfK8s)" }),
  ...pageParams,
});

/** Registers the snippets endpoint. */
export function snippetRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get",
    path: "/snippets",
    summary: "List code snippets of the lessons",
    tags: ["days"],
    cache: "public",
    paginated: true,
    description:
      "Fenced code blocks of every lesson in lesson order (day, then position), as GraphQL `snippets`: e.g. `?language=yaml` for all YAML examples. Follow `next` (or the Link header) for the following page.",
    query: SnippetsQuery,
    response: { schema: pageSchema(LessonSnippetSchema, "LessonSnippetPage", "snippets"), description: "A page of snippets" },
    handler: async ({ query, req, res }) => {
      const page = await fetchPage(() => services.snippets.list({ language: query.language, day: query.day, challenge: query.challenge }, servicePage(query)));
      const base = publicBase(req, services.deps.config.PUBLIC_URL);
      return sendPage(req, res, page, (s) => toLessonSnippetJson(s, base));
    },
  });
}
