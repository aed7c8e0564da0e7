/**
 * Sending a picture we drew: `image/svg+xml`, a strong ETag of its bytes (If-None-Match
 * → 304), a short max-age, and the same headers imported SVG files get (files.routes.ts):
 * `nosniff` and a Content-Security-Policy under which nothing in it could run or fetch.
 */
import { createHash } from "node:crypto";
import type { Request, Response } from "express";
import { z } from "../../rest/openapiZod.ts";
import { keepOutOfResponseCache } from "../../http/responseCache.ts";
import { FILE_CSP } from "../files/files.routes.ts";

/** The Content-Type of our pictures. */
export const SVG_CONTENT_TYPE = "image/svg+xml";

/** Response schema of a picture route, for the OpenAPI document. */
export const SvgBody = z
  .string()
  .openapi({ description: "An SVG document (image/svg+xml) with an accessible <title> and <desc>; no script, no external reference" });

/** How long a picture may be reused: public ones by anyone, a learner's own only by their browser. */
export type SvgCaching = { scope: "public"; maxAge: number; learnerData: boolean } | { scope: "private"; maxAge: number };

/** Sends `svg` with its headers (and 304 when the client's ETag still matches). */
export function sendSvg(req: Request, res: Response, svg: string, caching: SvgCaching): void {
  const body = Buffer.from(svg, "utf8");
  res.set({
    "Content-Type": `${SVG_CONTENT_TYPE}; charset=utf-8`,
    ETag: `"${createHash("sha256").update(body).digest("base64url")}"`,
    "Cache-Control": `${caching.scope}, max-age=${Math.min(caching.maxAge, 300)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": FILE_CSP,
  });
  if (caching.scope === "private") res.vary("Authorization");
  // Learner data changes with the learner's log, not with the content version the response cache follows.
  if (caching.scope === "private" || caching.learnerData) keepOutOfResponseCache(res);
  if (req.fresh) return void res.status(304).end();
  res.status(200).send(body);
}
