/**
 * The base URL clients reach this API at: `PUBLIC_URL` when configured, else the
 * origin of the request (scheme and Host, as Express reads them under `trust proxy`).
 * Responses built with it differ by Host, so the response cache keys them by Host too.
 */
import type { Request } from "express";

/** Base URL for links in a response to `req` (no trailing slash). */
export function publicBase(req: Pick<Request, "protocol" | "get">, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, "");
  const host = req.get("host");
  return host ? `${req.protocol}://${host}` : "";
}
