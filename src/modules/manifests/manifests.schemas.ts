/** REST shapes of manifest checks (zod → OpenAPI) and the mapper from the service's checks. */
import { z } from "../../rest/openapiZod.ts";
import "../../rest/route.ts"; // extends zod with .openapi()
import { apiStatuses, DEFAULT_KUBERNETES_VERSION } from "./apiStatus.ts";
import type { DayManifestChecks, ManifestCheck } from "./manifests.service.ts";

/** The `kubernetesVersion` query parameter (checked by the service, so the rule lives in one place). */
export const kubernetesVersionParam = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .openapi({
    description: `Kubernetes release to check against ("1.29"; "v1.29" and "1.29.3" read as 1.29). Default ${DEFAULT_KUBERNETES_VERSION}. Not a release → 400.`,
    example: "1.29",
  });

/** One object with its check. */
export const ManifestCheckSchema = z
  .object({
    apiVersion: z.string().openapi({ example: "batch/v1beta1" }),
    kind: z.string().openapi({ example: "CronJob" }),
    name: z.string().nullable().openapi({ description: "metadata.name, when the object has one", example: "hello" }),
    status: z.enum(apiStatuses as [string, ...string[]]).openapi({ description: "OK | DEPRECATED | REMOVED in the release checked", example: "REMOVED" }),
    deprecatedIn: z.string().nullable().openapi({ description: "Release that deprecated this apiVersion of the kind (null: never)", example: "1.21" }),
    removedIn: z.string().nullable().openapi({ description: "Release that stopped serving it (null: never)", example: "1.25" }),
    replacement: z
      .string()
      .nullable()
      .openapi({ description: "apiVersion to use instead, same kind, when deprecated or removed (null: current, or no successor)", example: "batch/v1" }),
    message: z.string().openapi({ example: "batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1." }),
    file: z.string().nullable().openapi({ description: "Path of the attached file in the day's folder; null for a snippet", example: "cronjobs.yaml" }),
    snippet: z.number().int().nullable().openapi({ description: "Position of the snippet in the lesson's `snippets`; null for a file" }),
    document: z.number().int().openapi({ description: "1-based document of the file or snippet (`---` separated)", example: 2 }),
    listItem: z.number().int().nullable().openapi({ description: "1-based item inside a `List`; null for an object of its own" }),
    line: z
      .number()
      .int()
      .openapi({ description: "1-based line where the object starts: in the file, or for a snippet in the lesson's README.md", example: 12 }),
    url: z.string().openapi({
      description: "The attached file, or the lesson's HTML page at the snippet's section",
      example: "https://k8s-days.example/api/v1/days/8/files/myDeployment.yaml",
    }),
  })
  .openapi("ManifestCheck", { description: "A Kubernetes object declared by a lesson, checked against a release" });

/** The checks of one lesson. */
export const DayManifestChecksSchema = z
  .object({
    day: z.number().int().openapi({ example: 8 }),
    kubernetesVersion: z.string().openapi({ description: "The release checked", example: "1.29" }),
    counts: z.object({ OK: z.number().int(), DEPRECATED: z.number().int(), REMOVED: z.number().int() }).openapi({ description: "Objects per status" }),
    objects: z.array(ManifestCheckSchema).openapi({ description: "Every object: attached files by path, then snippets in lesson order" }),
  })
  .openapi("DayManifestChecks", { description: "The Kubernetes objects of a lesson's manifests and YAML snippets, checked against a release" });

/** A check as REST shows it (`url` built by the caller on the request's base). */
export function toManifestCheckJson(c: ManifestCheck, url: string): z.input<typeof ManifestCheckSchema> {
  return {
    apiVersion: c.apiVersion,
    kind: c.kind,
    name: c.name,
    status: c.status,
    deprecatedIn: c.deprecatedIn,
    removedIn: c.removedIn,
    replacement: c.replacement,
    message: c.message,
    file: c.file,
    snippet: c.snippet,
    document: c.document,
    listItem: c.listItem,
    line: c.line,
    url,
  };
}

/** Objects per status. */
export function statusCounts(checks: readonly ManifestCheck[]): Record<"OK" | "DEPRECATED" | "REMOVED", number> {
  const counts = { OK: 0, DEPRECATED: 0, REMOVED: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}

/** The checks of one lesson as REST shows them. */
export function toDayManifestChecksJson(r: DayManifestChecks, urlOf: (c: ManifestCheck) => string): z.input<typeof DayManifestChecksSchema> {
  return {
    day: r.day.number,
    kubernetesVersion: r.kubernetesVersion,
    counts: statusCounts(r.checks),
    objects: r.checks.map((c) => toManifestCheckJson(c, urlOf(c))),
  };
}
