/**
 * DNS-rebinding protection for /mcp: the Host header must name an allowed host.
 * An entry without a port ("localhost", "[::1]") allows that host on any port;
 * an entry with one ("mcp.example.org:443") allows exactly that host and port.
 * Anything else answers 403 with a JSON-RPC error, before any MCP work.
 */
import type { RequestHandler } from "express";

/** True when the Host header value `host` matches one of `allowed`. */
export function isAllowedHost(host: string | undefined, allowed: readonly string[]): boolean {
  if (!host) return false;
  let hostname: string;
  let port: string;
  try {
    const url = new URL(`http://${host}`);
    // The URL must be nothing but a host (and port): no user info, path or query smuggled in.
    if (url.host.toLowerCase() !== host.toLowerCase().replace(/:80$/, "")) return false;
    hostname = url.hostname;
    port = url.port;
  } catch {
    return false;
  }
  return allowed.some((entry) => {
    const e = entry.toLowerCase();
    return e === hostname || (port !== "" && e === `${hostname}:${port}`) || (port === "" && e === `${hostname}:80`);
  });
}

/** Express middleware rejecting requests whose Host header is not allowed (403, JSON-RPC error body). */
export function hostCheck(allowed: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const host = req.headers.host;
    if (isAllowedHost(host, allowed)) return next();
    res
      .status(403)
      .set("Cache-Control", "no-store")
      .json({
        jsonrpc: "2.0",
        error: { code: -32000, message: `Host not allowed: ${JSON.stringify(host ?? "")}; set MCP_ALLOWED_HOSTS to accept it` },
        id: null,
      });
  };
}
