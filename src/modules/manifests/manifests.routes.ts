/**
 * REST endpoint of manifest checks: GET /days/{number}/manifest-checks?kubernetesVersion=1.29.
 * Public content: cacheable by anyone, with an ETag.
 */
import { z } from "../../rest/openapiZod.ts";
import { publicBase } from "../../http/publicBase.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { DayNumberParams } from "../days/days.routes.ts";
import { DayManifestChecksSchema, kubernetesVersionParam, toDayManifestChecksJson } from "./manifests.schemas.ts";
import { manifestObjectPath } from "./manifests.service.ts";

/** Registers the manifest-check endpoint. */
export function manifestRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get",
    path: "/days/{number}/manifest-checks",
    summary: "Check a lesson's manifests against a Kubernetes release",
    tags: ["days"],
    cache: "public",
    description:
      "Every Kubernetes object of the lesson's attached manifests and YAML snippets (each document of a multi-document file, each item of a `List`) " +
      "with its status in the release — OK, DEPRECATED or REMOVED, from a table written from the Kubernetes deprecated-API migration guide " +
      "(https://kubernetes.io/docs/reference/using-api/deprecation-guide/) — and the apiVersion to use instead.",
    params: DayNumberParams,
    query: z.object({
      kubernetesVersion: kubernetesVersionParam,
      challenge: z.string().min(1).max(100).optional().openapi({ description: "Challenge slug (default: #66DaysOfK8s)" }),
    }),
    response: { schema: DayManifestChecksSchema, description: "The lesson's objects, checked" },
    handler: async ({ params, query, req }) => {
      const result = await services.manifests.forDay(params.number, query.kubernetesVersion, query.challenge);
      const needsSnippets = result.checks.some((c) => c.snippet !== null);
      const [snippets] = needsSnippets ? await services.days.snippetsByDayIds([result.day.id]) : [[]];
      const base = publicBase(req, services.deps.config.PUBLIC_URL);
      return toDayManifestChecksJson(result, (c) => `${base}${manifestObjectPath(result.day.number, c, snippets ?? [])}`);
    },
  });
}
