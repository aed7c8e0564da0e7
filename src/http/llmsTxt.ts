/**
 * /llms.txt and /llms-full.txt (the llms.txt convention: an H1, a blockquote
 * summary, then sections of links) so a chatbot can find and read the content
 * as compact markdown. /llms.txt is the index: every lesson and concept linked to
 * its markdown rendering; /llms-full.txt inlines those renderings. Both are
 * public and cacheable (the response cache keys them by content version); links
 * are root-relative unless PUBLIC_URL is set, since a shared cache must not
 * repeat one client's Host header to another.
 */
import { Router } from "express";
import { conceptMarkdown, loadConceptDocuments } from "../modules/concepts/concepts.markdown.ts";
import type { Day } from "../modules/days/days.mappers.ts";
import { dayMarkdown, loadDayDocuments } from "../modules/days/days.markdown.ts";
import type { Services } from "../services.ts";
import { demoteHeadings, oneLine } from "../modules/content/reshapeMarkdown.ts";
import { publicBase } from "./publicBase.ts";
import { contentLinks, type ContentLinks } from "./contentLinks.ts";

const TITLE = "k8s-days: learn Kubernetes daily (#66DaysOfK8s)";
const SUMMARY =
  "An API over the #66DaysOfK8s challenge: short daily Kubernetes lessons (theory and hands-on exercises), a glossary of " +
  "Kubernetes concepts with their relations, and each learner's private progress, daily log and streak.";
/** Days read for the index: at most this many pages of 100. */
const MAX_DAY_PAGES = 4;

/** Every day of the default challenge, by number (paged through the service). */
async function allDays(services: Services): Promise<Day[]> {
  const days: Day[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_DAY_PAGES; page++) {
    const conn = await services.days.list({}, { first: 100, after });
    days.push(...conn.items);
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return days;
}

/** The /llms.txt index. */
export async function llmsTxt(services: Services, links: ContentLinks): Promise<string> {
  const [days, concepts] = await Promise.all([allDays(services), services.concepts.all()]);
  const out = [
    `# ${TITLE}`,
    "",
    `> ${SUMMARY}`,
    "",
    "Each lesson and concept is available as markdown (the links below) and as JSON (the same URL without `.md`). " +
      `Search through the REST API, GraphQL or the MCP tool \`search\`. Lessons are numbered 1–${days.at(-1)?.number ?? 66}; learn one a day.`,
    "",
    "## Lessons",
    "",
    ...days.map((d) => `- [Day ${d.number}: ${d.title}](${links.dayMarkdown(d.number)})${d.summary ? `: ${oneLine(d.summary)}` : ""}`),
    "",
    "## Concepts",
    "",
    ...concepts.map((c) => `- [${c.name}](${links.conceptMarkdown(c.slug)})${c.summary ? `: ${oneLine(c.summary)}` : ""}`),
    "",
    "## API",
    "",
    `- [OpenAPI document](${links.path("/api/v1/openapi.json")}): the REST API (/api/v1), public content and a learner's own progress with a bearer token`,
    `- [GraphQL](${links.path("/graphql")}): the same content and progress as one GraphQL schema`,
    `- [MCP](${links.path("/mcp")}): Model Context Protocol over Streamable HTTP (POST); tools search, get_day, get_concept, related_concepts, concept_path, next_lesson, list_references, and with a token my_stats, my_progress, log_today, mark_lesson, share_post`,
    "",
    "## Optional",
    "",
    `- [Full text](${links.path("/llms-full.txt")}): every lesson and concept inlined in one file`,
  ];
  return `${out.join("\n")}\n`;
}

/** The /llms-full.txt text: the index's header, then every lesson and every concept as markdown. */
export async function llmsFullTxt(services: Services, links: ContentLinks): Promise<string> {
  const [days, concepts] = await Promise.all([allDays(services), services.concepts.all()]);
  const [dayDocs, conceptDocs] = await Promise.all([loadDayDocuments(services, days), loadConceptDocuments(services, concepts)]);
  const out = [
    `# ${TITLE}`,
    "",
    `> ${SUMMARY}`,
    "",
    `Index: ${links.path("/llms.txt")}. Every section below ends with its own URL.`,
    "",
    // Each document's headings one level down, under the file's H1.
    ...dayDocs.map((d) => demoteHeadings(dayMarkdown(d, links), 1)),
    ...conceptDocs.map((c) => demoteHeadings(conceptMarkdown(c, links), 1)),
  ];
  return out.join("\n");
}

/** GET /llms.txt and /llms-full.txt. */
export function llmsRouter(services: Services): Router {
  const router = Router();
  const send = (render: (s: Services, l: ContentLinks) => Promise<string>) => async (req: import("express").Request, res: import("express").Response) => {
    const text = await render(services, contentLinks(publicBase(req, services.deps.config.PUBLIC_URL)));
    res.set("Cache-Control", "public, max-age=300").type("text/plain; charset=utf-8").send(text);
  };
  router.get("/llms.txt", send(llmsTxt));
  router.get("/llms-full.txt", send(llmsFullTxt));
  return router;
}
