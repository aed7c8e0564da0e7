/**
 * The browser IDE at GET /graphql (Accept: text/html): GraphiQL 4's browser build
 * and React 18's UMD builds served from node_modules, so it works offline (no CDN).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Request, RequestHandler, Response } from "express";
import { notFound } from "../errors.ts";

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Every asset the page references, by the name it is served under /graphql/ide/. */
export const ideAssets: Record<string, { file: string; type: string }> = {
  "graphiql.min.js": { file: join(packageDir("graphiql"), "dist/index.umd.js"), type: "text/javascript; charset=utf-8" },
  "graphiql.min.css": { file: join(packageDir("graphiql"), "dist/style.css"), type: "text/css; charset=utf-8" },
  "react.production.min.js": { file: join(packageDir("react"), "umd/react.production.min.js"), type: "text/javascript; charset=utf-8" },
  "react-dom.production.min.js": { file: join(packageDir("react-dom"), "umd/react-dom.production.min.js"), type: "text/javascript; charset=utf-8" },
};

const defaultQuery = `# Welcome to the k8s-days GraphQL API.
query Lesson {
  day(number: 13) {
    number
    title
    summary
    concepts { concept { slug name } weight focus }
    references { title url }
  }
  search(query: "statefulst", first: 3) { type score snippet }
}
`;

const start = `
(function () {
  var fetcher = GraphiQL.createFetcher({ url: location.origin + "/graphql" });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: ${JSON.stringify(defaultQuery)} }));
})();
`;

/** The IDE page. */
export const idePage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>k8s-days GraphQL</title>
<link rel="stylesheet" href="/graphql/ide/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the GraphQL IDE…</div>
<script src="/graphql/ide/react.production.min.js"></script>
<script src="/graphql/ide/react-dom.production.min.js"></script>
<script src="/graphql/ide/graphiql.min.js"></script>
<script src="/graphql/ide/start.js"></script>
</body>
</html>
`;

/** True when the client prefers an HTML page to a GraphQL response (a browser). */
export function wantsIde(req: Request): boolean {
  return req.method === "GET" && req.accepts(["application/graphql-response+json", "application/json", "text/html"]) === "text/html";
}

/** Serves the page for browsers; passes everything else on to the GraphQL server. */
export const idePageHandler: RequestHandler = (req, res, next) => {
  if (!wantsIde(req)) return next();
  res.set("Cache-Control", "no-cache").vary("Accept").type("text/html; charset=utf-8").send(idePage);
};

/** Serves /graphql/ide/<asset>: only the listed files. */
export const ideAssetHandler: RequestHandler = (req: Request, res: Response) => {
  const name = String(req.params.file ?? "");
  if (name === "start.js") return void res.set("Cache-Control", "public, max-age=3600").type("text/javascript; charset=utf-8").send(start);
  const asset = Object.hasOwn(ideAssets, name) ? ideAssets[name] : undefined;
  if (!asset) throw notFound(`IDE asset ${name}`);
  res.set("Cache-Control", "public, max-age=86400").type(asset.type).sendFile(asset.file);
};
