/**
 * Lessons and concepts as MCP resources: `k8s-days://day/13` and
 * `k8s-days://concept/pod`, each the same markdown as `GET /api/v1/days/13.md`.
 * Both templates list their resources and complete their variable.
 */
import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { AppError } from "../errors.ts";
import { conceptMarkdown, loadConceptDocument } from "../modules/concepts/concepts.markdown.ts";
import { dayMarkdown, loadDayDocument } from "../modules/days/days.markdown.ts";
import type { Services } from "../services.ts";
import { percentDecoded } from "../http/percentEncoding.ts";
import { answering } from "./protocolError.ts";
import type { ToolContext } from "./tool.ts";

/** URI of a lesson resource. */
export const dayUri = (n: number) => `k8s-days://day/${n}`;
/** URI of a concept resource. */
export const conceptUri = (slug: string) => `k8s-days://concept/${slug}`;

const MAX_COMPLETIONS = 100;

/** Day numbers (as text) starting with `prefix`, for completion. */
export async function completeDayNumber(services: Services, prefix: string): Promise<string[]> {
  const days = await services.days.list({}, { first: 100 });
  return days.items
    .map((d) => String(d.number))
    .filter((n) => n.startsWith(prefix.trim()))
    .slice(0, MAX_COMPLETIONS);
}

/** Concept slugs starting with `prefix` (or whose name does), for completion. */
export async function completeConcept(services: Services, prefix: string): Promise<string[]> {
  const p = prefix.trim().toLowerCase();
  const all = await services.concepts.all();
  return all
    .filter((c) => c.slug.startsWith(p) || c.name.toLowerCase().startsWith(p))
    .map((c) => c.slug)
    .slice(0, MAX_COMPLETIONS);
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Registers the lesson and concept resource templates. */
export function registerResources(server: McpServer, ctx: ToolContext): void {
  const { services, links } = ctx;

  server.registerResource(
    "lesson",
    new ResourceTemplate("k8s-days://day/{number}", {
      list: async () => {
        const days = await services.days.list({}, { first: 100 });
        return {
          resources: days.items.map((d) => ({
            uri: dayUri(d.number),
            name: `day-${d.number}`,
            title: `Day ${d.number}: ${d.title}`,
            description: d.summary || undefined,
            mimeType: "text/markdown",
          })),
        };
      },
      complete: { number: (value) => completeDayNumber(services, value) },
    }),
    { title: "A #66DaysOfK8s lesson", description: "One lesson as markdown, with its concepts and references", mimeType: "text/markdown" },
    (uri, variables) =>
      answering(
        services,
        `resource ${uri.href}`,
        async () => {
          const raw = one(variables.number);
          const n = Number(raw);
          if (!/^\d{1,3}$/.test(raw) || !Number.isInteger(n) || n < 1)
            throw new AppError("NOT_FOUND", `Day ${JSON.stringify(raw)} not found: use a lesson number such as k8s-days://day/13`);
          const doc = await loadDayDocument(services, n);
          return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: dayMarkdown(doc, links) }] };
        },
        variables,
      ),
  );

  server.registerResource(
    "concept",
    new ResourceTemplate("k8s-days://concept/{slug}", {
      list: async () => {
        const all = await services.concepts.all();
        return {
          resources: all.slice(0, 500).map((c) => ({
            uri: conceptUri(c.slug),
            name: c.slug,
            title: c.name,
            description: c.summary || undefined,
            mimeType: "text/markdown",
          })),
        };
      },
      complete: { slug: (value) => completeConcept(services, value) },
    }),
    { title: "A Kubernetes concept", description: "A glossary concept as markdown, with related concepts, lessons and references", mimeType: "text/markdown" },
    (uri, variables) =>
      answering(
        services,
        `resource ${uri.href}`,
        async () => {
          const slug = percentDecoded(one(variables.slug));
          if (slug === undefined)
            throw new AppError("NOT_FOUND", `Concept ${JSON.stringify(one(variables.slug))} not found: the URI is not valid percent-encoded UTF-8`);
          const doc = await loadConceptDocument(services, slug);
          return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: conceptMarkdown(doc, links) }] };
        },
        { slug: percentDecoded(one(variables.slug)) },
      ),
  );
}
