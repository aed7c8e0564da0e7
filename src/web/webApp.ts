/**
 * The first-party web app at `/app/`: a single-page app written as plain ES modules
 * (`web/`, no build step) on Preact + htm, whose library modules are served from
 * `node_modules` by this router — every byte from this server, no CDN.
 *
 * - `/app/assets/<build>/…` serves the app's files and the vendor modules. `<build>` is a
 *   hash of every served byte, so a URL never changes meaning: `Cache-Control: public,
 *   max-age=31536000, immutable` and a strong sha256 `ETag` (304 on `If-None-Match`).
 * - Any other GET under `/app/` (`/app/days/8`, `/app/me`, …) answers the app's one HTML
 *   page (the SPA fallback), `Cache-Control: no-cache` with an `ETag`, so a deep link
 *   loads the app and a deploy is picked up at the next visit.
 * - Every response carries a strict Content-Security-Policy: scripts and styles only from
 *   this origin (no inline script, no import map — bare specifiers inside vendor modules
 *   are rewritten here, once, to the sibling vendor URLs), `connect-src 'self'`, images
 *   from this origin, blob: (the bearer-fetched SVG pictures) and `PUBLIC_URL`'s origin
 *   (lesson screenshots are absolute URLs on it).
 *
 * Files are read once when the router is built; the app holds no state on the server.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Router, type Response } from "express";

/** Where the app's own client files live (the repository's `web/`). */
export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../web");

/** The placeholder in `web/index.html` replaced by the current assets prefix. */
const ASSETS_PLACEHOLDER = "%ASSETS%";

/**
 * Vendor modules served beside the app's files, at `vendor/<name>`, and what each bare
 * specifier inside them resolves to (a server-side import map).
 */
const VENDOR_MODULES: { name: string; specifier: string }[] = [
  { name: "preact.mjs", specifier: "preact" },
  { name: "preact-hooks.mjs", specifier: "preact/hooks" },
  { name: "htm.mjs", specifier: "htm" },
];

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** One file the app serves: its bytes, type and strong ETag. */
export interface WebAsset {
  body: Buffer;
  type: string;
  etag: string;
}

/** Everything the router serves, read once. */
export interface WebAppFiles {
  /** Hash of every served byte: the path segment that makes asset URLs immutable. */
  build: string;
  /** Assets by their path below `/app/assets/<build>/` (`main.js`, `vendor/preact.mjs`). */
  assets: Map<string, WebAsset>;
  /** The app's HTML page, with asset URLs filled in. */
  page: WebAsset;
}

const etagOf = (body: Buffer) => `"${createHash("sha256").update(body).digest("base64url")}"`;
const asset = (body: Buffer, path: string): WebAsset => ({ body, type: TYPES[extname(path)] ?? "application/octet-stream", etag: etagOf(body) });

/** Rewrites `from"preact"` / `from 'preact/hooks'` to the sibling vendor file (`./preact.mjs`). */
export function rewriteBareImports(source: string): string {
  return source.replace(/\b(from\s*|import\s*)(["'])([^"'./][^"']*)\2/g, (whole, lead: string, quote: string, specifier: string) => {
    const target = VENDOR_MODULES.find((m) => m.specifier === specifier);
    return target ? `${lead}${quote}./${target.name}${quote}` : whole;
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** Reads `web/` and the vendor modules from node_modules. */
export function loadWebAppFiles(webDir = WEB_DIR): WebAppFiles {
  const sources = new Map<string, Buffer>();
  for (const path of listFiles(webDir)) {
    if (path === "index.html") continue;
    sources.set(path, readFileSync(join(webDir, path)));
  }
  for (const { name, specifier } of VENDOR_MODULES) {
    const file = fileURLToPath(import.meta.resolve(specifier));
    sources.set(`vendor/${name}`, Buffer.from(rewriteBareImports(readFileSync(file, "utf8"))));
  }
  const template = readFileSync(join(webDir, "index.html"), "utf8");
  const hash = createHash("sha256").update(template);
  for (const [path, body] of sources) hash.update(path).update(body);
  const build = hash.digest("hex").slice(0, 16);
  const assets = new Map([...sources].map(([path, body]) => [path, asset(body, path)]));
  const page = asset(Buffer.from(template.replaceAll(ASSETS_PLACEHOLDER, `/app/assets/${build}`)), "index.html");
  return { build, assets, page };
}

/** The Content-Security-Policy of every /app response. */
export function webAppCsp(publicUrl: string | undefined): string {
  const images = ["'self'", "blob:", ...(publicUrl ? [new URL(publicUrl).origin] : [])].join(" ");
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${images}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The /app router (mount at the root): the SPA page for every route of the app, its
 * assets under `/app/assets/<build>/`.
 *
 * @example
 *   app.use(webAppRouter({ publicUrl: config.PUBLIC_URL }));
 */
export function webAppRouter(options: { publicUrl?: string | undefined; files?: WebAppFiles } = {}): Router {
  const files = options.files ?? loadWebAppFiles();
  const csp = webAppCsp(options.publicUrl);
  const router = Router({ strict: true });

  const send = (res: Response, file: WebAsset, cacheControl: string) => {
    res.set({
      "Content-Type": file.type,
      "Cache-Control": cacheControl,
      ETag: file.etag,
      "Content-Security-Policy": csp,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    // res.send answers 304 when If-None-Match holds the ETag.
    res.send(file.body);
  };

  router.get("/app", (req, res) => res.redirect(308, `/app/${req.url.slice(4)}`));
  router.get("/app/assets/:build/{*path}", (req, res, next) => {
    const path = ([] as string[]).concat((req.params as { path?: string[] }).path ?? []).join("/");
    const file = files.assets.get(path);
    if (!file) return next();
    // An older page (another build) still gets today's file, but not for a year.
    const current = req.params.build === files.build;
    send(res, file, current ? "public, max-age=31536000, immutable" : "no-cache");
  });
  router.get("/app/{*route}", (req, res, next) => {
    if (req.path.startsWith("/app/assets/")) return next();
    send(res, files.page, "no-cache");
  });
  return router;
}
