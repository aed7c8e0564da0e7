/**
 * URLs of this API inside stored content. The importer resolves a lesson's relative
 * links (screenshots, attached manifests, other days) once, at import time, and writes
 * them as absolute URLs on a placeholder origin, CONTENT_BASE. Whoever serves the text
 * swaps the placeholder for the base URL the client uses (`PUBLIC_URL`, else the
 * request's origin) with one string replacement, so markdown and HTML are never
 * re-parsed per request. `.invalid` is reserved (RFC 2606): no real link has it.
 */

/** The placeholder origin of this API's URLs in stored markdown and HTML. */
export const CONTENT_BASE = "https://k8s-days.invalid";

/** Percent-encodes each segment of a repository path ("readme-images/01 a.png" → "readme-images/01%20a.png"). */
export function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** Path of a file of day `day`, by its path inside the day's folder: `/api/v1/days/8/files/readme-images/01.png`. */
export function dayFilePath(day: number, name: string): string {
  return `/api/v1/days/${day}/files/${encodePath(name)}`;
}

/** Path of a repository file outside the day folders, by its path from the repository root: `/api/v1/files/readme-images/x.jpg`. */
export function challengeFilePath(path: string): string {
  return `/api/v1/files/${encodePath(path)}`;
}

/** Path of a lesson as JSON: `/api/v1/days/13`. */
export function dayPath(day: number): string {
  return `/api/v1/days/${day}`;
}

/** Path of a lesson as an HTML page, at a heading's anchor when given: `/api/v1/days/13.html#pods`. */
export function dayHtmlPath(day: number, anchor?: string | null): string {
  return `/api/v1/days/${day}.html${anchor ? `#${encodeURIComponent(anchor)}` : ""}`;
}

/**
 * Stored text with the placeholder origin replaced by `base` ("https://api.example",
 * or "" for root-relative URLs).
 * @example withBase("![](https://k8s-days.invalid/api/v1/days/8/files/a.png)", "http://127.0.0.1:4000")
 *   // "![](http://127.0.0.1:4000/api/v1/days/8/files/a.png)"
 */
export function withBase(text: string, base: string): string {
  return text.includes(CONTENT_BASE) ? text.replaceAll(CONTENT_BASE, base.replace(/\/+$/, "")) : text;
}
