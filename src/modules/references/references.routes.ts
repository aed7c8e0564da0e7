/** REST endpoint of external references: GET /references (filters, cursor pages). Public content. */
import { z } from "../../rest/openapiZod.ts";
import { fetchPage, pageParams, pageSchema, sendPage, servicePage } from "../../rest/pagination.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { ReferenceSchema, toReferenceJson } from "../days/days.schemas.ts";
import { referenceKindsExplained } from "./referenceKinds.ts";

/** Registers the reference endpoints. */
export function referenceRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get",
    path: "/references",
    summary: "List references",
    tags: ["references"],
    cache: "public",
    paginated: true,
    description: "External sources cited by lessons and concepts, first seen first; all filters combine with AND.",
    query: z.object({
      domain: z.string().min(1).max(200).optional().openapi({ description: "Host name", example: "kubernetes.io" }),
      kind: z
        .string()
        .min(1)
        .max(40)
        .optional()
        .openapi({ description: `Kind of source (case-insensitive): ${referenceKindsExplained()}`, example: "OFFICIAL_DOCS" }),
      concept: z.string().min(1).max(100).optional().openapi({ description: "Slug of a concept the reference documents", example: "pod" }),
      day: z.coerce.number().int().min(1).max(10_000).optional().openapi({ description: "Number of a day citing it", example: 13 }),
      q: z.string().min(1).max(200).optional().openapi({ description: "Words in the title or URL", example: "pods" }),
      ...pageParams,
    }),
    response: { schema: pageSchema(ReferenceSchema, "ReferencePage", "references"), description: "A page of references" },
    handler: async ({ query, req, res }) => {
      const page = await fetchPage(() =>
        services.references.list({ domain: query.domain, kind: query.kind, concept: query.concept, day: query.day, text: query.q }, servicePage(query)),
      );
      return sendPage(req, res, page, toReferenceJson);
    },
  });
}
