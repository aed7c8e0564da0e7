/**
 * Builds the Express app: probes, /graphql, /api/v1, /mcp, /, the web app at /app/ and the one error
 * handler. Never listens (see index.ts), so tests run it on port 0 with supertest.
 */
import express, { type Express } from "express";
import type { RequestListener } from "node:http";
import { createResponseCache, type ResponseCache } from "./http/responseCache.ts";
import { randomUUID } from "node:crypto";
import { cors } from "./http/cors.ts";
import { rejectMalformedPath } from "./http/percentEncoding.ts";
import { errorHandler, notFoundHandler } from "./http/errorHandler.ts";
import { createRateLimits } from "./http/rateLimit.ts";
import { requestViewer } from "./http/auth.ts";
import { healthRouter, type Readiness } from "./http/health.ts";
import { createMetrics, metricsRouter, type Metrics } from "./http/metrics.ts";
import { observeRequests, requestIdOf } from "./http/requestLog.ts";
import { mountGraphQL } from "./graphql/server.ts";
import { restRouter, type RestRouter } from "./rest/router.ts";
import { llmsRouter } from "./http/llmsTxt.ts";
import { homeRouter } from "./http/home.ts";
import { mcpRouter } from "./mcp/http.ts";
import { webAppRouter } from "./web/webApp.ts";
import type { Services } from "./services.ts";

/** The Express app with what its server needs: the request listener (response cache in front), readiness, and shutdown. */
export interface App {
  app: Express;
  /** What the HTTP server runs: the response cache in front of `app` (or `app` itself when disabled). */
  handler: RequestListener;
  cache: ResponseCache | null;
  readiness: Readiness;
  /** The app's Prometheus metrics (null with METRICS=false). */
  metrics: Metrics | null;
  /** The OpenAPI 3.1 document served at /api/v1/openapi.json. */
  openapi: RestRouter["document"];
  /** Stops Apollo and other app-level resources (not the database). */
  stop(): Promise<void>;
}

/** Builds the app (probes, CORS, limits, /graphql, /api/v1, /mcp, /llms.txt, /app/, /metrics, one error handler) over the services; never listens. */
export async function createApp(services: Services): Promise<App> {
  const { config, log } = services.deps;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", parseTrustProxy(config.TRUST_PROXY));
  app.set("etag", "strong");
  app.set("json spaces", 0);

  // The request log in front (see handler below) gives each request its id; the app alone (tests of `app`) makes one.
  app.use((req, res, next) => {
    if (!requestIdOf(req)) res.set("X-Request-Id", (req.get("x-request-id") ?? "").slice(0, 100) || randomUUID());
    next();
  });

  app.use(cors(config.CORS_ORIGINS));
  app.use(rejectMalformedPath);

  const readiness: Readiness = { draining: false };
  app.use(healthRouter(services, readiness));
  const { db, contentVersion } = services.deps;
  const metrics = config.METRICS ? createMetrics({ contentVersion: contentVersion.current, statements: db.queryCount }) : null;
  if (metrics) app.use(metricsRouter(metrics, config.METRICS_TOKEN));
  // Counted in front of the response cache (see handler below), so cached answers count too.
  const limits = await createRateLimits({
    config,
    log,
    trustProxy: app.get("trust proxy"),
    viewerOf: (req) => requestViewer(services, req),
    onRejected: (limit) => metrics?.rateLimited(limit),
  });
  const graphql = await mountGraphQL(app, services, limits, metrics);
  const rest = restRouter(services);
  app.use("/api/v1", rest);
  app.use(mcpRouter(services));
  app.use(llmsRouter(services));
  app.use(homeRouter(services));
  app.use(webAppRouter({ publicUrl: config.PUBLIC_URL }));
  app.use(notFoundHandler);
  app.use(errorHandler(log));

  const cache = config.RESPONSE_CACHE ? createResponseCache(app as unknown as RequestListener, { version: services.deps.contentVersion.current }) : null;
  return {
    app,
    handler: observeRequests(limits.front(cache ? cache.listener : (app as unknown as RequestListener)), { log, metrics }),
    cache,
    metrics,
    readiness,
    openapi: rest.document,
    stop: async () => {
      await graphql.stop();
      await limits.close();
    },
  };
}

function parseTrustProxy(v: string): boolean | number | string {
  if (v === "true") return true;
  if (v === "false") return false;
  return /^\d+$/.test(v) ? Number(v) : v;
}
