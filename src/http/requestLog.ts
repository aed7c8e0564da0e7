/**
 * One log line and one metrics sample per answered request, wrapped around everything the
 * server runs (rate limiter, response cache, app), so rate-limited and cached answers are
 * logged and counted too.
 *
 * The line (through the process's one pino logger, see log.ts, whose redaction applies), at
 * `info`, `error` for 5xx (with an `err`, as pino-http wrote it):
 *   {"level":"info","time":"…","req":{"path":"/api/v1/days/3","query":{},"headers":{…},
 *    "remoteAddress":"…"},"requestId":"…","method":"GET","route":"/api/v1/days/:number",
 *    "status":200,"durationMs":3,"learnerId":"…","msg":"GET /api/v1/days/:number 200"}
 * `learnerId` appears when the request carried a valid token. The Authorization header, a
 * `?token=` and any other secret field are redacted by the logger's configuration. The line is
 * built when the response ends, and not at all when its level is off (no per-request child
 * logger): the path, headers and address are the ones the request arrived with.
 *
 * Request id: the client's `X-Request-Id` (first 100 characters) or a new UUID, sent back
 * in `X-Request-Id` and used by the app as `req.id`.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Logger } from "../log.ts";
import { settledViewer } from "./auth.ts";
import type { Metrics } from "./metrics.ts";
import { routeOf } from "./routeName.ts";

/** The request id of a request (set by the request log). */
export const requestIdOf = (req: IncomingMessage): string | undefined => (req as IncomingMessage & { id?: string }).id;

/**
 * The path and query parameters of a request target. A target no URL parser reads (an
 * absolute-form `http://[`) is logged as it came, with no query: it must never throw, as the
 * line is written from the response's events.
 */
function pathAndQuery(target: string): { path: string; query: Record<string, string> } {
  const url = URL.parse(target, "http://x");
  return url ? { path: url.pathname, query: Object.fromEntries(url.searchParams) } : { path: target, query: {} };
}

/** Wraps `next` with the request log and the request metrics. */
export function observeRequests(next: RequestListener, deps: { log: Logger; metrics: Metrics | null }): RequestListener {
  const { metrics } = deps;
  const pino = deps.log.pino;
  const logRequest = (
    req: IncomingMessage & { id: string },
    res: ServerResponse & { err?: unknown },
    arrived: { url: string; address: string | undefined; started: number },
    err: unknown,
  ) => {
    const failed = err || res.err || res.statusCode >= 500;
    const level = failed ? "error" : "info";
    if (!pino.isLevelEnabled(level)) return;
    const learnerId = settledViewer(req)?.id;
    const line: Record<string, unknown> = {
      req: { ...pathAndQuery(arrived.url), headers: req.headers, remoteAddress: arrived.address },
      requestId: req.id,
      method: req.method,
      route: routeOf(req),
      status: res.statusCode,
      durationMs: Date.now() - arrived.started,
      ...(learnerId ? { learnerId } : {}),
    };
    if (failed) line.err = err || res.err || new Error(`failed with status code ${res.statusCode}`);
    pino[level](line, `${req.method} ${routeOf(req)} ${res.statusCode}`);
  };
  return (req, res) => {
    const request = req as IncomingMessage & { id: string };
    if (!request.id) {
      request.id = String(req.headers["x-request-id"] ?? "").slice(0, 100) || randomUUID();
      res.setHeader("X-Request-Id", request.id);
    }
    const arrived = { url: req.url ?? "/", address: req.socket.remoteAddress, started: Date.now() };
    const done = (err?: unknown) => {
      res.off("close", done);
      res.off("finish", done);
      res.off("error", done);
      logRequest(request, res, arrived, err);
    };
    res.on("close", done);
    res.on("finish", done);
    res.on("error", done);
    if (metrics) {
      const started = process.hrtime.bigint();
      res.once("finish", () => metrics.request(req.method ?? "GET", routeOf(req), res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    }
    next(req, res);
  };
}
