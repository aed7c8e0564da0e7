/**
 * A response cache in front of Express for public content. A hit is answered from
 * memory before Express, Apollo or Prisma do any work; a miss goes through the app,
 * and its response is stored when — and only when — it is safe to share:
 *
 * - the request carries no Authorization or Cookie header (learner data never enters the cache);
 * - the response is a 200 whose Cache-Control says `public`, with no Set-Cookie, and whose
 *   Vary names only headers that are part of the key (Accept, Origin, Accept-Encoding);
 * - entries belong to a content version; when the version changes (an import here or in
 *   another replica) every older entry is a miss.
 *
 * Keys: method (HEAD shares GET's entry) + URL + Accept + Origin (+ on /graphql the inputs
 * of Apollo's CSRF check, and the body's hash for POST /graphql, whose JSON body is then
 * handed to Express already parsed). A response that says `Vary: Host` (its URLs are
 * absolute on the request's origin, see publicBase) is served only to requests for the
 * same Host and forwarded scheme.
 * Bodies over `maxEntryBytes` (big screenshots) are not kept: they would push out many small answers.
 * When `maxEntries` or `maxBytes` (the bodies' bytes) would be exceeded, the least recently
 * used entries go first (lru-cache): a hit counts as a use.
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { hasContentCoding } from "./bodyEncoding.ts";
import { captureBody } from "./captureBody.ts";
import { routeOf, setRoute } from "./routeName.ts";
import type { IncomingMessage, RequestListener, ServerResponse, OutgoingHttpHeaders } from "node:http";

/** What the response cache is given: the current content version and its size limits. */
export interface ResponseCacheOptions {
  /** Current content version (synchronous). */
  version: () => number;
  maxEntries?: number;
  maxBytes?: number;
  /** Largest response body kept (default 1 MiB). */
  maxEntryBytes?: number;
  /** Largest POST body considered for caching (larger ones go straight to the app). */
  maxBodyBytes?: number;
}

interface Entry {
  version: number;
  /** Host and forwarded scheme of the request, for responses that vary by Host. */
  origin?: string;
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Route pattern of the request that filled the entry (for logs and metrics of hits). */
  route: string;
}

/** The cache's request listener (in front of the app) and its counters. */
export interface ResponseCache {
  listener: RequestListener;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
  clear(): void;
}

const BODY_ERROR = Symbol("k8s-days.bodyError");

/**
 * The JSON syntax error of a body the cache already read (the stream is consumed, so
 * body-parser cannot see it). Routes that parse JSON pass it to `next()` to answer
 * it exactly like body-parser's own error.
 */
export function bodyErrorOf(req: IncomingMessage): Error | undefined {
  return (req as IncomingMessage & { [BODY_ERROR]?: Error })[BODY_ERROR];
}

const NOT_CONTENT = Symbol("k8s-days.notContent");

/**
 * Keeps a response out of this cache although it says `public`: public learner data (a
 * profile card, its heatmap and badge) changes when the learner logs, not with the content
 * version this cache is invalidated by. Browsers and proxies still keep it for its max-age.
 */
export function keepOutOfResponseCache(res: ServerResponse): void {
  (res as ServerResponse & { [NOT_CONTENT]?: true })[NOT_CONTENT] = true;
}

const KEYED_VARY = new Set(["accept", "origin", "accept-encoding", "authorization", "host"]);

/** What a response that varies by Host depends on: the Host header and the scheme a proxy forwarded. */
const originKey = (req: IncomingMessage) => `${req.headers.host ?? ""}\n${req.headers["x-forwarded-proto"] ?? ""}`;

/** Answers repeated anonymous requests for public content from memory, keyed per content version, LRU by bytes. */
export function createResponseCache(app: RequestListener, options: ResponseCacheOptions): ResponseCache {
  const maxEntries = options.maxEntries ?? 2000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = Math.min(options.maxEntryBytes ?? 1024 * 1024, maxBytes / 16);
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const entries = new LRUCache<string, Entry>({
    max: maxEntries,
    maxSize: maxBytes,
    // An empty body still takes a slot; lru-cache wants sizes of at least 1.
    sizeCalculation: (entry) => Math.max(1, entry.body.length),
  });
  let hits = 0;
  let misses = 0;

  const store = (key: string, entry: Entry) => {
    if (entry.body.length > maxEntryBytes) return;
    entries.set(key, entry);
  };

  const serve = (req: IncomingMessage, res: ServerResponse, entry: Entry) => {
    hits++;
    setRoute(req, entry.route);
    const etag = entry.headers.etag;
    const inm = req.headers["if-none-match"];
    if (etag && inm?.split(/\s*,\s*/).some((t) => t === etag || t === `W/${etag}` || t === "*")) {
      res.writeHead(304, { etag: String(etag), "cache-control": entry.headers["cache-control"] ?? "", vary: entry.headers.vary ?? "", "x-cache": "HIT" });
      return void res.end();
    }
    res.writeHead(entry.status, { ...entry.headers, "x-cache": "HIT" });
    res.end(req.method === "HEAD" ? undefined : entry.body);
  };

  const passThrough = (key: string, version: number, req: IncomingMessage, res: ServerResponse) => {
    misses++;
    captureBody(res, (body) => {
      if (req.method === "HEAD" || !isShareable(res)) return;
      const headers = res.getHeaders();
      delete headers["x-request-id"];
      // Rate-limit counters belong to the client that missed; hits are not counted.
      delete headers.ratelimit;
      delete headers["ratelimit-policy"];
      delete headers.date;
      delete headers.connection;
      delete headers["keep-alive"];
      const byHost = String(headers.vary ?? "")
        .toLowerCase()
        .split(/\s*,\s*/)
        .includes("host");
      store(key, { version, status: res.statusCode, headers, body, route: routeOf(req), ...(byHost ? { origin: originKey(req) } : {}) });
    });
    app(req, res);
  };

  const listener: RequestListener = (req, res) => {
    const method = req.method ?? "GET";
    const h = req.headers;
    if (h.authorization || h.cookie || (method !== "GET" && method !== "HEAD" && method !== "POST")) return app(req, res);
    const base = `${req.url}\n${h.accept ?? ""}\n${h.origin ?? ""}${csrfInputs(req)}`;
    const origin = originKey(req);
    const version = options.version();
    if (method !== "POST") {
      const key = `GET\n${base}`;
      const hit = entries.get(key);
      if (hit && hit.version === version && (hit.origin === undefined || hit.origin === origin)) return serve(req, res, hit);
      return passThrough(key, version, req, res);
    }
    // POST: only GraphQL JSON bodies of reasonable size are candidates.
    const length = Number(h["content-length"] ?? NaN);
    if (!req.url?.startsWith("/graphql") || !/^application\/json\b/i.test(h["content-type"] ?? "") || !(length <= maxBodyBytes)) return app(req, res);
    // A compressed body is decoded (or refused) by body-parser; its raw bytes are not JSON.
    if (hasContentCoding(h["content-encoding"])) return app(req, res);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("error", () => app(req, res));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString("utf8"));
      } catch (err) {
        // Let the app answer it as it answers any bad JSON (see bodyErrorOf).
        (req as IncomingMessage & { [BODY_ERROR]?: unknown })[BODY_ERROR] = Object.assign(new Error((err as Error).message), {
          type: "entity.parse.failed",
          status: 400,
        });
        (req as IncomingMessage & { body?: unknown }).body = undefined;
        return void app(req, res);
      }
      // The stream is consumed: body-parser sees a finished request and keeps this body.
      (req as IncomingMessage & { body?: unknown }).body = parsed;
      const key = `POST\n${base}\n${createHash("sha1").update(raw).digest("base64")}`;
      const hit = entries.get(key);
      if (hit && hit.version === version && (hit.origin === undefined || hit.origin === origin)) return serve(req, res, hit);
      passThrough(key, version, req, res);
    });
  };

  return {
    listener,
    stats: () => ({ entries: entries.size, bytes: entries.calculatedSize, hits, misses }),
    clear: () => entries.clear(),
  };
}

/**
 * The request headers Apollo's CSRF prevention reads on /graphql (Content-Type and
 * whether a preflight header is present), as part of the key: a request the app would
 * refuse as CSRF never shares an entry with one it accepts, so it reaches the app and
 * is refused there, cold or warm.
 */
function csrfInputs(req: IncomingMessage): string {
  if (!req.url?.startsWith("/graphql")) return "";
  const h = req.headers;
  const preflighted = Boolean(h["apollo-require-preflight"] || h["x-apollo-operation-name"]);
  return `\n${h["content-type"] ?? "-"}\n${preflighted ? "preflighted" : ""}`;
}

function isShareable(res: ServerResponse): boolean {
  if (res.statusCode !== 200 || (res as ServerResponse & { [NOT_CONTENT]?: true })[NOT_CONTENT]) return false;
  const cc = String(res.getHeader("cache-control") ?? "");
  if (!/\bpublic\b/.test(cc) || /\b(no-store|private)\b/.test(cc)) return false;
  if (res.getHeader("set-cookie")) return false;
  const vary = String(res.getHeader("vary") ?? "")
    .toLowerCase()
    .split(/\s*,\s*/)
    .filter(Boolean);
  return vary.every((v) => KEYED_VARY.has(v));
}
