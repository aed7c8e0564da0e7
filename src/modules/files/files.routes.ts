/**
 * REST endpoints serving imported files byte for byte, so lesson screenshots render and
 * `kubectl apply -f <url>` gets the manifest exactly as written:
 *
 * - GET /days/{number}/files/{path}: a file beside a lesson, by its path inside the day's folder;
 * - GET /files/{path}: a repository file outside the day folders, by its path from the root.
 *
 * Each answer has the file's type (text as UTF-8, YAML as text/yaml), a strong ETag (its
 * sha256, so If-None-Match gives 304 without reading the bytes), public caching,
 * `nosniff`, and a Content-Security-Policy that lets no script run (an SVG may carry one).
 * Unknown paths — `..` tricks included — are 404 problem+json: paths are only compared
 * with stored names, never joined to a folder.
 */
import type { Request, Response } from "express";
import { z } from "../../rest/openapiZod.ts";
import { notFound } from "../../errors.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { DayNumberParams } from "../days/days.routes.ts";
import type { ServedFile } from "./files.service.ts";

/** Seconds clients and proxies may reuse a file before revalidating (a re-import may change it; the ETag makes revalidation cheap). */
export const FILE_MAX_AGE = 300;

/** No scripts, no plugins, no requests of its own: an opened SVG renders and does nothing else. */
export const FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** Content types files are served with (each with charset=utf-8 for text). */
export const FILE_CONTENT_TYPES = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/svg+xml",
  "text/yaml",
  "text/markdown",
  "text/plain",
  "application/json",
] as const;

/**
 * The Content-Type a stored media type is served with: images as stored, YAML as
 * text/yaml, markdown and JSON as themselves, any other text as text/plain (HTML and
 * scripts included, so a browser never runs them).
 * @example contentTypeOf("application/yaml") // "text/yaml; charset=utf-8"
 */
export function contentTypeOf(mediaType: string): string {
  if (mediaType.startsWith("image/")) return mediaType;
  if (mediaType === "application/yaml") return "text/yaml; charset=utf-8";
  if (mediaType === "text/markdown") return "text/markdown; charset=utf-8";
  if (mediaType === "application/json") return "application/json; charset=utf-8";
  return "text/plain; charset=utf-8";
}

const FilePath = z.string().min(1).max(1024);
const ChallengeQuery = z.object({
  challenge: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "Challenge slug (default: the first challenge, #66DaysOfK8s)", example: "66daysofk8s" }),
});
const FileBody = z.unknown().openapi({ description: "The file's bytes exactly as in the repository: an image, or UTF-8 text (YAML, markdown, …)" });

/**
 * Answers with the file `find` looks up: headers, then 304 (If-None-Match), a HEAD, or
 * the bytes. Looks again when an import replaced the file between the two reads.
 */
async function sendFile(req: Request, res: Response, find: () => Promise<ServedFile | null>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const file = await find();
    if (!file) throw notFound(what);
    res.set({
      "Content-Type": contentTypeOf(file.mediaType),
      ETag: `"${file.sha256}"`,
      "Cache-Control": `public, max-age=${FILE_MAX_AGE}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": FILE_CSP,
    });
    if (req.fresh) return void res.status(304).end();
    if (req.method === "HEAD") return void res.set("Content-Length", String(file.size)).status(200).end();
    const bytes = await file.bytes();
    if (bytes) return void res.status(200).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  throw new Error(`${what} kept changing while it was read`);
}

/** Registers the file endpoints. */
export function fileRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get",
    path: "/days/{number}/files/{*path}",
    summary: "A file of a lesson",
    tags: ["files"],
    cache: "public",
    description:
      "A file beside the lesson (screenshot, manifest, config), byte for byte, by its path inside the day's folder as in the repository (`readme-images/01.png`, `yaml/pv-pod.yaml`). The `url` of each attachment of `GET /days/{number}`. Strong ETag (the sha256), `If-None-Match` → 304; YAML is `text/yaml`, so `kubectl apply -f <url>` works.",
    params: DayNumberParams.extend({
      path: FilePath.openapi({ description: "Path inside the day's folder; may contain '/'", example: "readme-images/01.png" }),
    }),
    query: ChallengeQuery,
    response: { schema: FileBody, description: "The file's bytes", contentType: FILE_CONTENT_TYPES },
    handler: async ({ params, query, req, res }) => {
      await sendFile(
        req,
        res,
        () => services.files.dayFile(params.number, params.path, query.challenge),
        `File ${JSON.stringify(params.path)} of day ${params.number}`,
      );
      return undefined;
    },
  });

  route(api, {
    method: "get",
    path: "/files/{*path}",
    summary: "A file of the challenge repository",
    tags: ["files"],
    cache: "public",
    description:
      "A file of the repository outside the day folders (the top README's images, `challenge/suggested-order.md`), byte for byte, by its path from the repository root. Same headers as the files of a lesson.",
    params: z.object({ path: FilePath.openapi({ description: "Path from the repository root; may contain '/'", example: "readme-images/banner.jpg" }) }),
    query: ChallengeQuery,
    response: { schema: FileBody, description: "The file's bytes", contentType: FILE_CONTENT_TYPES },
    handler: async ({ params, query, req, res }) => {
      await sendFile(req, res, () => services.files.challengeFile(params.path, query.challenge), `File ${JSON.stringify(params.path)}`);
      return undefined;
    },
  });
}
