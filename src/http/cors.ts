/**
 * CORS for an API authenticated by bearer tokens, not cookies.
 *
 * A bearer token is not an ambient credential: a browser never attaches it on its
 * own, so a page on another origin can only send it when its own script holds it.
 * Hence, for requests without credentials (the default of `fetch`):
 *
 * - any origin may use every method of the API and send `Authorization`, the Apollo
 *   CSRF headers (`apollo-require-preflight`, `x-apollo-operation-name`) and the
 *   conditional/request-id headers (`Access-Control-Allow-Origin: *`);
 * - scripts may read `ETag`, `Link`, `Location`, `RateLimit`, `RateLimit-Policy`,
 *   `Retry-After`, `Allow` and `X-Request-Id`.
 *
 * Credentialed requests (cookies, `credentials: "include"`) are allowed only from the
 * origins of config.CORS_ORIGINS: their own origin is echoed with
 * `Access-Control-Allow-Credentials: true`. Preflights (OPTIONS with
 * Access-Control-Request-Method) are answered here with 204.
 *
 * Responses vary by Origin, so `Vary: Origin` is always set (the response cache keys on it).
 *
 * @example
 *   app.use(cors(config.CORS_ORIGINS));
 */
import type { RequestHandler } from "express";

/** Every method the API has. */
export const CORS_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
/** Request headers any origin may send (beyond the CORS-safelisted ones). */
export const CORS_REQUEST_HEADERS = [
  "Accept",
  "Authorization",
  "Content-Type",
  "If-None-Match",
  "X-Request-Id",
  // Apollo's CSRF prevention: a GraphQL GET (or a simple POST) must carry one of them.
  "Apollo-Require-Preflight",
  "X-Apollo-Operation-Name",
  // MCP's Streamable HTTP clients send it after initialization.
  "Mcp-Protocol-Version",
];
/** Response headers scripts may read. */
export const CORS_EXPOSED_HEADERS = ["ETag", "Link", "Location", "Retry-After", "RateLimit", "RateLimit-Policy", "X-Request-Id", "Allow", "WWW-Authenticate"];
/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/** The CORS middleware; `credentialedOrigins` may also send cookies (CORS_ORIGINS). */
export function cors(credentialedOrigins: readonly string[]): RequestHandler {
  const listed = new Set(credentialedOrigins.map((o) => o.replace(/\/+$/, "").toLowerCase()));
  const methods = CORS_METHODS.join(", ");
  const requestHeaders = CORS_REQUEST_HEADERS.join(", ");
  const exposed = CORS_EXPOSED_HEADERS.join(", ");
  return (req, res, next) => {
    res.vary("Origin");
    const origin = req.get("origin");
    if (!origin) return next();
    if (listed.has(origin.toLowerCase())) {
      res.set("Access-Control-Allow-Origin", origin);
      res.set("Access-Control-Allow-Credentials", "true");
    } else {
      res.set("Access-Control-Allow-Origin", "*");
    }
    res.set("Access-Control-Expose-Headers", exposed);
    const preflight = req.method === "OPTIONS" && req.get("access-control-request-method");
    if (!preflight) return next();
    res.set("Access-Control-Allow-Methods", methods);
    res.set("Access-Control-Allow-Headers", requestHeaders);
    res.set("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE));
    res.vary("Access-Control-Request-Method").vary("Access-Control-Request-Headers");
    res.set("Cache-Control", "no-store");
    res.status(204).end();
  };
}
