/** REST endpoints of learning paths: GET /learning-paths and /learning-paths/{name}. Public content. */
import { z } from "../../rest/openapiZod.ts";
import { notFound } from "../../errors.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { DaySummarySchema, toDaySummaryJson } from "../days/days.schemas.ts";

const PathInfoSchema = z
  .object({
    name: z.string().openapi({ example: "chronological" }),
    title: z.string().openapi({ example: "Chronological" }),
    description: z.string(),
    length: z.number().int().openapi({ description: "Number of days on the path", example: 66 }),
  })
  .openapi("LearningPathInfo", { description: "An available learning path" });

const LearningPathSchema = z
  .object({
    name: z.string().openapi({ example: "suggested" }),
    title: z.string(),
    description: z.string(),
    days: z.array(DaySummarySchema).openapi({ description: "The days in the order of the path" }),
  })
  .openapi("LearningPath", { description: "An ordered route through the lessons" });

const challenge = z.string().min(1).max(100).optional().openapi({ description: "Challenge slug (default: #66DaysOfK8s)" });

/** Registers the learning path endpoints. */
export function pathRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get",
    path: "/learning-paths",
    summary: "List learning paths",
    tags: ["learning paths"],
    cache: "public",
    description: "Every path through the lessons: chronological first, then the curated ones.",
    query: z.object({ challenge }),
    response: { schema: z.object({ items: z.array(PathInfoSchema) }).openapi("LearningPathList"), description: "The paths" },
    handler: async ({ query }) => ({ items: (await services.paths.names(query.challenge)).slice(0, 100) }),
  });

  route(api, {
    method: "get",
    path: "/learning-paths/{name}",
    summary: "One learning path",
    tags: ["learning paths"],
    cache: "public",
    description: 'The days of a path in order ("chronological", "suggested", …).',
    params: z.object({ name: z.string().min(1).max(100).openapi({ example: "chronological" }) }),
    query: z.object({ challenge }),
    response: { schema: LearningPathSchema, description: "The path" },
    handler: async ({ params, query }) => {
      const path = await services.paths.learningPath(params.name, query.challenge);
      if (!path) throw notFound(`Learning path "${params.name}"`);
      return { name: path.name, title: path.title, description: path.description, days: path.days.map(toDaySummaryJson) };
    },
  });
}
