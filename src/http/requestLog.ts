/**
 * One log line and one metrics sample per answered request, wrapped around everything the
 * server runs (rate limiter, response cache, app), so rate-limited and cached answers are
 * logged and counted too.
 *
 * The line (pino-http through the process's one logger, see log.ts), at `info`, `error`
 * for 5xx:
 *   {"level":"info","time":"…","requestId":"…","method":"GET","route":"/api/v1/days/:number",
 *    "status":200,"durationMs":3,"learnerId":"…","req":{"path":"/api/v1/days/3","query":{},
 *    "headers":{…},"remoteAddress":"…"},"msg":"GET /api/v1/days/:number 200"}
 * `learnerId` appears when the request carried a valid token. The Authorization header, a
 * `?token=` and any other secret field are redacted by the logger's configuration.
 *
 * Request id: the client's `X-Request-Id` (first 100 characters) or a new UUID, sent back
 * in `X-Request-Id` and used by the app as `req.id`.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { pinoHttp } from "pino-http";
import type { Logger } from "../log.ts";
import { settledViewer } from "./auth.ts";
import type { Metrics } from "./metrics.ts";
import { routeOf } from "./routeName.ts";

/** The request id of a request (set by the request log). */
export const requestIdOf = (req: IncomingMessage): string | undefined => (req as IncomingMessage & { id?: string }).id;

/** Wraps `next` with the request log and the request metrics. */
export function observeRequests(next: RequestListener, deps: { log: Logger; metrics: Metrics | null }): RequestListener {
  const { metrics } = deps;
  const summary = (req: IncomingMessage, res: ServerResponse, durationMs: number) => {
    const learnerId = settledViewer(req)?.id;
    return { requestId: requestIdOf(req), method: req.method, route: routeOf(req), status: res.statusCode, durationMs, ...(learnerId ? { learnerId } : {}) };
  };
  const httpLog = pinoHttp({
    logger: deps.log.pino,
    genReqId: (req, res) => {
      const id = String(req.headers["x-request-id"] ?? "").slice(0, 100) || randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    serializers: {
      req: (req: { raw: IncomingMessage; id: string; method: string; headers: Record<string, unknown>; remoteAddress?: string }) => {
        const url = new URL(req.raw.url ?? "/", "http://x");
        return { path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, remoteAddress: req.remoteAddress };
      },
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
    customSuccessMessage: (req, res) => `${req.method} ${routeOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${routeOf(req)} ${res.statusCode}`,
    customSuccessObject: (req, res, val: { responseTime: number }) => summary(req, res, val.responseTime),
    customErrorObject: (req, res, err, val: { responseTime: number }) => ({ ...summary(req, res, val.responseTime), err }),
  });
  return (req, res) => {
    httpLog(req, res);
    if (metrics) {
      const started = process.hrtime.bigint();
      res.once("finish", () => metrics.request(req.method ?? "GET", routeOf(req), res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    }
    next(req, res);
  };
}
