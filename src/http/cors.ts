/**
 * CORS with an allowlist from configuration (config.CORS_ORIGINS):
 *
 * - any origin may read: GET/HEAD/OPTIONS without credentials (`Access-Control-Allow-Origin: *`);
 * - a listed origin may also write and send credentials: its own origin is echoed with
 *   `Access-Control-Allow-Credentials: true`, every method and the Authorization header;
 * - preflight requests (OPTIONS with Access-Control-Request-Method) are answered here with 204.
 *
 * Responses vary by Origin, so `Vary: Origin` is always set (the response cache keys on it).
 */
import type { RequestHandler } from "express";

/** Methods any origin may use. */
const READ_METHODS = ["GET", "HEAD", "OPTIONS"];
/** Methods a listed origin may use. */
const ALL_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
/** Request headers any origin may send (beyond the CORS-safelisted ones). */
const READ_HEADERS = ["Accept", "Content-Type", "If-None-Match", "X-Request-Id"];
/** Response headers scripts may read. */
const EXPOSED = ["ETag", "Link", "Location", "Retry-After", "RateLimit", "RateLimit-Policy", "X-Request-Id", "Allow"];
/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/** The CORS middleware for a list of origins allowed to send credentials. */
export function cors(allowedOrigins: readonly string[]): RequestHandler {
  const listed = new Set(allowedOrigins.map((o) => o.replace(/\/+$/, "").toLowerCase()));
  return (req, res, next) => {
    res.vary("Origin");
    const origin = req.get("origin");
    if (!origin) return next();
    const trusted = listed.has(origin.toLowerCase());
    if (trusted) {
      res.set("Access-Control-Allow-Origin", origin);
      res.set("Access-Control-Allow-Credentials", "true");
    } else {
      res.set("Access-Control-Allow-Origin", "*");
    }
    res.set("Access-Control-Expose-Headers", EXPOSED.join(", "));
    const preflight = req.method === "OPTIONS" && req.get("access-control-request-method");
    if (!preflight) return next();
    res.set("Access-Control-Allow-Methods", (trusted ? ALL_METHODS : READ_METHODS).join(", "));
    res.set("Access-Control-Allow-Headers", (trusted ? [...READ_HEADERS, "Authorization"] : READ_HEADERS).join(", "));
    res.set("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE));
    res.vary("Access-Control-Request-Method").vary("Access-Control-Request-Headers");
    res.set("Cache-Control", "no-store");
    res.status(204).end();
  };
}
