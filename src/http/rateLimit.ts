/**
 * Rate limiting of the REST API (express-rate-limit 8, in-memory per replica).
 * Clients are keyed by the sha256 of their bearer token when they send one, else by
 * their IP (IPv6 addresses grouped by /56 subnet, as ipKeyGenerator does). Over the
 * limit: 429 problem+json with `Retry-After`; every response carries the IETF
 * draft-8 `RateLimit` and `RateLimit-Policy` headers.
 *
 * Cached public content is answered before Express (src/http/responseCache.ts) and so
 * never counts: the limiter protects the work the server actually does.
 */
import { createHash } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { AppError } from "../errors.ts";
import { problemOf, sendProblem } from "./problem.ts";

/** Limits: `max` requests per `windowMs` per client; `max` 0 turns limiting off. */
export interface RateLimitOptions {
  windowMs: number;
  max: number;
  /** Names the policy in the `RateLimit` headers (default "api"). */
  identifier?: string;
}

/** The key of a request's client: `token:<sha256>` or `ip:<address or subnet>`. */
export function rateLimitKey(req: Request): string {
  const m = /^Bearer +(\S+)/i.exec(req.get("authorization") ?? "");
  if (m) return `token:${createHash("sha256").update(m[1]!).digest("hex")}`;
  return `ip:${ipKeyGenerator(req.ip ?? "unknown")}`;
}

/** The rate-limiting middleware (a pass-through when `max` is 0). */
export function rateLimiter(options: RateLimitOptions): RequestHandler {
  if (options.max <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.max,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    identifier: options.identifier ?? "api",
    keyGenerator: rateLimitKey,
    handler: (req, res, _next, opts) => {
      const retryAfter = Number(res.getHeader("retry-after") ?? Math.ceil(opts.windowMs / 1000));
      const error = new AppError("RATE_LIMITED", `Too many requests: at most ${opts.limit} per ${Math.round(opts.windowMs / 1000)} s; retry in ${retryAfter} s`, { retryAfter });
      res.set("Cache-Control", "no-store");
      sendProblem(res, problemOf(error, req.originalUrl));
    },
  });
}
