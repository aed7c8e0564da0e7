/**
 * URLs of the public content, as cited by MCP tools and listed by /llms.txt:
 * lesson and concept renderings in markdown (`/api/v1/days/13.md`) and JSON
 * (`/api/v1/days/13`). With a base ("https://k8s-days.example") the links are
 * absolute; with "" they are root-relative (safe in shared caches, where the
 * request's Host header must not leak into a response served to others).
 */

/** Link builders for one base URL. */
export interface ContentLinks {
  /** The base, without a trailing slash ("" for root-relative links). */
  base: string;
  dayMarkdown(n: number): string;
  dayJson(n: number): string;
  conceptMarkdown(slug: string): string;
  conceptJson(slug: string): string;
  /** Any path of this API ("/llms-full.txt"). */
  path(p: string): string;
}

/** Link builders for `base` (absolute origin, or "" for root-relative links). */
export function contentLinks(base: string): ContentLinks {
  const b = base.replace(/\/+$/, "");
  const path = (p: string) => `${b}${p.startsWith("/") ? p : `/${p}`}`;
  return {
    base: b,
    dayMarkdown: (n) => path(`/api/v1/days/${n}.md`),
    dayJson: (n) => path(`/api/v1/days/${n}`),
    conceptMarkdown: (slug) => path(`/api/v1/concepts/${encodeURIComponent(slug)}.md`),
    conceptJson: (slug) => path(`/api/v1/concepts/${encodeURIComponent(slug)}`),
    path,
  };
}
