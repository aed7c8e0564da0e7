/**
 * Prometheus metrics of one app (prom-client), served at `GET /metrics` in the text format.
 * Each app has its own registry, so tests (and anything else) may build many apps in one
 * process without "metric already registered" errors.
 *
 * - `http_requests_total{method,route,status}` and `http_request_duration_seconds{…}`: every
 *   request the server answers (cache hits and rate-limited ones too), labelled by the route
 *   pattern (http/routeName.ts), never the raw URL.
 * - `graphql_operations_total{operation,type,outcome}`: outcome `ok`, `partial` (data and
 *   errors) or `error` (no data); client-chosen operation names are kept for the first
 *   200 distinct ones, later ones count as "(other)", and unnamed operations as "(anonymous)".
 * - `rate_limit_rejections_total{limit}`: requests refused by the general (`api`) or the
 *   sign-up (`signup`) limit.
 * - `k8s_days_content_version`, `k8s_days_db_statements_total` (SQL statements sent) and the
 *   default process metrics (`process_*`, `nodejs_*`).
 *
 * Access: on unless `METRICS=false` (then /metrics is a 404 like any unknown path);
 * `METRICS_TOKEN`, when set, must come as `Authorization: Bearer <METRICS_TOKEN>` (401
 * problem+json otherwise). /metrics is never rate limited (see rateLimit.ts).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { Router } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { AppError } from "../errors.ts";
import { problemOf, sendProblem } from "./problem.ts";

/** What the metrics read from the rest of the app. */
export interface MetricsSources {
  /** The current content version. */
  contentVersion(): number;
  /** SQL statements sent so far. */
  statements(): number;
}

/** How a GraphQL operation ended. */
export type GraphQLOutcome = "ok" | "partial" | "error";

/** The metrics of one app. */
export interface Metrics {
  registry: Registry;
  /** Records one answered HTTP request. */
  request(method: string, route: string, status: number, seconds: number): void;
  /** Records one executed (or refused) GraphQL operation. */
  graphqlOperation(name: string | null | undefined, type: string | null | undefined, outcome: GraphQLOutcome): void;
  /** Records a request refused by a rate limit (`api` or `signup`). */
  rateLimited(limit: string): void;
}

const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A registry with the app's metrics and the default process metrics. */
export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer HTTP requests, by method, route pattern and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const operations = new Counter({
    name: "graphql_operations_total",
    help: "GraphQL operations, by operation name, type and outcome (ok, partial, error)",
    labelNames: ["operation", "type", "outcome"],
    registers: [registry],
  });
  const rejections = new Counter({
    name: "rate_limit_rejections_total",
    help: "Requests refused by a rate limit (api: the general limit, signup: the sign-up limit)",
    labelNames: ["limit"],
    registers: [registry],
  });
  new Gauge({
    name: "k8s_days_content_version",
    help: "Version of the public content (raised by every import that changes it)",
    registers: [registry],
    collect() {
      this.set(sources.contentVersion());
    },
  });
  let counted = 0;
  new Counter({
    name: "k8s_days_db_statements_total",
    help: "SQL statements sent to the database",
    registers: [registry],
    collect() {
      const now = sources.statements();
      this.inc(Math.max(0, now - counted));
      counted = now;
    },
  });
  const names = new Set<string>();
  const operationLabel = (name: string | null | undefined) => {
    if (!name) return "(anonymous)";
    if (!OPERATION_NAME.test(name)) return "(other)";
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return "(other)";
    names.add(name);
    return name;
  };
  return {
    registry,
    request(method, route, status, seconds) {
      const labels = { method: METHODS.has(method) ? method : "OTHER", route, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    graphqlOperation: (name, type, outcome) => operations.inc({ operation: operationLabel(name), type: type ?? "(unknown)", outcome }),
    rateLimited: (limit) => rejections.inc({ limit }),
  };
}

/** `GET /metrics`, behind `Authorization: Bearer <token>` when a token is set. */
export function metricsRouter(metrics: Metrics, token: string | undefined): Router {
  const router = Router();
  const expected = token ? digest(token) : null;
  router.get("/metrics", async (req, res) => {
    res.set("Cache-Control", "no-store");
    if (expected) {
      const m = /^Bearer +(\S+) *$/i.exec(req.get("authorization") ?? "");
      if (!m || !timingSafeEqual(digest(m[1]!), expected)) {
        res.set("WWW-Authenticate", 'Bearer realm="k8s-days metrics"');
        return sendProblem(res, problemOf(new AppError("UNAUTHENTICATED", "GET /metrics needs Authorization: Bearer <METRICS_TOKEN>"), req.originalUrl));
      }
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}

const digest = (value: string) => createHash("sha256").update(value).digest();
