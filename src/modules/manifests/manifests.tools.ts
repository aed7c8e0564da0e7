/**
 * MCP tool `check_manifests`: a lesson's Kubernetes objects checked against a release,
 * for a learner asking "will this lesson's YAML still apply on my cluster?".
 */
import { z } from "zod";
import { citedText } from "../../mcp/citedText.ts";
import { defineTool, maxCharsArg, readOnly } from "../../mcp/tool.ts";
import { dayNumberArg } from "../days/days.tools.ts";
import { apiStatuses, DEFAULT_KUBERNETES_VERSION } from "./apiStatus.ts";
import { statusCounts } from "./manifests.schemas.ts";
import { manifestObjectPath, type ManifestCheck } from "./manifests.service.ts";

const where = (c: ManifestCheck) =>
  `${c.file ?? `snippet ${c.snippet! + 1} of the lesson`}${c.listItem !== null ? `, List item ${c.listItem}` : ""}, line ${c.line}`;

/** The manifest tools. */
export const manifestTools = [
  defineTool({
    name: "check_manifests",
    title: "Check a lesson's manifests",
    description:
      "Every Kubernetes object in a #66DaysOfK8s lesson's attached manifests and YAML snippets, checked against a Kubernetes release " +
      `(default ${DEFAULT_KUBERNETES_VERSION}): OK, DEPRECATED or REMOVED, with the apiVersion to use instead, from the Kubernetes deprecated-API migration guide. ` +
      "Use it before applying a lesson's YAML to a cluster; tell the learner which apiVersion to write.",
    input: {
      number: dayNumberArg.describe("The lesson number, e.g. 12"),
      kubernetesVersion: z
        .string()
        .min(1)
        .max(20)
        .optional()
        .describe(`Kubernetes release of the learner's cluster, e.g. "1.29" (default ${DEFAULT_KUBERNETES_VERSION})`),
      maxChars: maxCharsArg,
    },
    output: {
      day: z.number().int(),
      kubernetesVersion: z.string(),
      counts: z.object({ OK: z.number().int(), DEPRECATED: z.number().int(), REMOVED: z.number().int() }),
      objects: z.array(
        z.object({
          apiVersion: z.string(),
          kind: z.string(),
          name: z.string().nullable(),
          status: z.enum(apiStatuses as [string, ...string[]]),
          replacement: z.string().nullable(),
          removedIn: z.string().nullable(),
          message: z.string(),
          url: z.string(),
        }),
      ),
    },
    annotations: readOnly,
    async run({ number, kubernetesVersion, maxChars }, { services, links }) {
      const result = await services.manifests.forDay(number, kubernetesVersion);
      const [snippets] = await services.days.snippetsByDayIds([result.day.id]);
      const url = (c: ManifestCheck) => links.path(manifestObjectPath(number, c, snippets ?? []));
      const counts = statusCounts(result.checks);
      const lines = [
        `# Day ${number}: manifests checked against Kubernetes ${result.kubernetesVersion}`,
        "",
        result.checks.length
          ? `${counts.REMOVED} removed, ${counts.DEPRECATED} deprecated, ${counts.OK} OK.`
          : "The lesson declares no Kubernetes objects (no attached manifest or YAML snippet with an apiVersion and a kind).",
        "",
        ...result.checks.map((c) => `- ${c.status} ${c.apiVersion} ${c.kind}${c.name ? ` "${c.name}"` : ""} (${where(c)}): ${c.message}`),
      ];
      return {
        text: citedText(
          lines.join("\n"),
          [
            { title: `Day ${number}: ${result.day.title} (lesson)`, url: links.dayMarkdown(number) },
            { title: "Deprecated API Migration Guide (Kubernetes)", url: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/" },
          ],
          maxChars,
        ),
        data: {
          day: number,
          kubernetesVersion: result.kubernetesVersion,
          counts,
          objects: result.checks.map((c) => ({
            apiVersion: c.apiVersion,
            kind: c.kind,
            name: c.name,
            status: c.status,
            replacement: c.replacement,
            removedIn: c.removedIn,
            message: c.message,
            url: url(c),
          })),
        },
      };
    },
  }),
];
