/**
 * `GET /`: where a newcomer starts. Browsers get a small HTML page of ours (no
 * scripts, no external assets); `Accept: application/json` gets the same as a JSON
 * index. Both link the GraphQL IDE, the REST docs, the OpenAPI document, /llms.txt and
 * the MCP endpoint with a client configuration to copy, and count the content.
 *
 * Links are absolute (PUBLIC_URL, else the request's own origin, see publicBase) because
 * an MCP client configuration needs one; the page is public and the response cache keeps
 * it per Host (and per content version, for the counts).
 *
 * @example
 *   curl -s localhost:4000/ -H 'accept: application/json' | jq .links.graphiql
 *   # "http://localhost:4000/graphql"
 */
import { Router, type Request } from "express";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { publicBase } from "./publicBase.ts";

/** The entry points of this API, as absolute URLs under `base`. */
export interface EntryPoints {
  /** GraphiQL in a browser, GraphQL for clients (POST, or GET with `apollo-require-preflight`). */
  graphiql: string;
  rest: string;
  docs: string;
  openapi: string;
  llmsTxt: string;
  mcp: string;
}

/** The entry points under `base` (an origin without a trailing slash), as printed at start. */
export function entryPoints(base: string): EntryPoints {
  return {
    graphiql: `${base}/graphql`,
    rest: `${base}/api/v1`,
    docs: `${base}/api/v1/docs`,
    openapi: `${base}/api/v1/openapi.json`,
    llmsTxt: `${base}/llms.txt`,
    mcp: `${base}/mcp`,
  };
}

/** An MCP client configuration (the `mcpServers` shape most desktop and IDE clients read) for `mcpUrl`. */
export function mcpClientConfig(mcpUrl: string): object {
  return { mcpServers: { "k8s-days": { type: "http", url: mcpUrl, headers: { Authorization: "Bearer <your k8s-days token>" } } } };
}

/** What the store holds, as the home page shows it. */
export interface ContentCounts {
  days: number;
  lessons: number;
  concepts: number;
  references: number;
}

/** The JSON index of `GET /`. */
export interface HomeIndex {
  name: string;
  description: string;
  links: EntryPoints;
  mcp: { url: string; transport: "streamable-http"; clientConfig: object; note: string };
  counts: ContentCounts;
}

const DESCRIPTION =
  "Learn Kubernetes a few minutes a day (#66DaysOfK8s): the lessons, a glossary of concepts, and — with a bearer token — " +
  "your own daily log and streak, over GraphQL, REST and MCP.";
const MCP_NOTE = "Without the Authorization header only the content tools are offered. Get a token with POST /api/v1/learners (shown once).";

function homeIndex(base: string, counts: ContentCounts): HomeIndex {
  const links = entryPoints(base);
  return {
    name: "k8s-days",
    description: DESCRIPTION,
    links,
    mcp: { url: links.mcp, transport: "streamable-http", clientConfig: mcpClientConfig(links.mcp), note: MCP_NOTE },
    counts,
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function homePage(index: HomeIndex): string {
  const { links, counts } = index;
  const a = (href: string, text = href) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>k8s-days</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
h1 { margin-bottom: 0; } pre { background: #f3f4f6; padding: .75rem; overflow-x: auto; } code { font-size: .9em; }
dt { font-weight: 600; margin-top: .5rem; } dd { margin-left: 1rem; }
</style>
</head>
<body>
<h1>k8s-days</h1>
<p>${escapeHtml(index.description)}</p>
<p>The store holds <strong>${counts.days}</strong> days (<strong>${counts.lessons}</strong> with a full lesson),
<strong>${counts.concepts}</strong> concepts and <strong>${counts.references}</strong> references.</p>
<h2>Start here</h2>
<dl>
<dt>GraphQL</dt><dd>${a(links.graphiql)} — open it in a browser for the GraphiQL IDE; clients POST JSON to the same URL.</dd>
<dt>REST</dt><dd>${a(links.docs)} — the docs page of ${a(links.rest)}; the contract is ${a(links.openapi, "the OpenAPI 3.1 document")}.</dd>
<dt>For chatbots</dt><dd>${a(links.llmsTxt)} — every lesson and concept as markdown links.</dd>
<dt>MCP</dt><dd><code>POST ${escapeHtml(links.mcp)}</code> (Streamable HTTP). ${escapeHtml(MCP_NOTE)}</dd>
</dl>
<p>An MCP client configuration to copy:</p>
<pre><code>${escapeHtml(JSON.stringify(index.mcp.clientConfig, null, 2))}</code></pre>
<h2>Your own progress</h2>
<pre><code>curl -s -X POST ${escapeHtml(links.rest)}/learners -H 'content-type: application/json' \\
  -d '{"handle":"ada","displayName":"Ada","timezone":"Europe/Madrid"}'</code></pre>
<p>Keep the token of the answer and send it as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
</body>
</html>
`;
}

/** The `GET /` router. */
export function homeRouter(services: Services): Router {
  const router = Router();
  const counts = () =>
    services.contentCache.memo("home.counts", async (): Promise<ContentCounts> => {
      const s = await services.content.importer.stats();
      return { days: s.days, lessons: s.lessons, concepts: s.concepts, references: s.references };
    });
  router.get("/", async (req: Request, res) => {
    res.vary("Accept");
    const type = req.accepts(["text/html", "application/json"]);
    if (!type) throw new AppError("NOT_ACCEPTABLE", "This resource is available as text/html or application/json");
    const index = homeIndex(publicBase(req, services.deps.config.PUBLIC_URL), await counts());
    res.set("Cache-Control", "public, max-age=60");
    if (type === "application/json") return void res.json(index);
    res.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    res.type("text/html; charset=utf-8").send(homePage(index));
  });
  return router;
}
