/**
 * The base URL clients reach this API at: `PUBLIC_URL` when configured, else the
 * origin of the request (scheme and Host, as Express reads them under `trust proxy`).
 * Without PUBLIC_URL, a response built with it says `Vary: Host`, so the response cache
 * (and any HTTP cache) serves it only to requests for the same host.
 */
import type { Request } from "express";

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** Base URL for links in a response to `req` (no trailing slash). */
export function publicBase(req: Pick<Request, "protocol" | "get" | "res">, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, "");
  req.res?.vary("Host");
  const host = req.get("host");
  // A Host header is the client's word: accept only what a host[:port] can be, so it cannot inject markup or JSON.
  return host && HOST.test(host) ? `${req.protocol}://${host}` : "";
}
