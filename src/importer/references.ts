/**
 * External links as references: URL normalization, domain and kind, and recognition of
 * links that point at another day of the challenge (which become day links, not references).
 */

/** OFFICIAL_DOCS | BLOG | ARTICLE | REPOSITORY | VIDEO */
export type ReferenceKind = "OFFICIAL_DOCS" | "BLOG" | "ARTICLE" | "REPOSITORY" | "VIDEO";

const BLOG_HOSTS = ["medium.com", "dev.to", "towardsdatascience.com", "hashnode.dev", "hashnode.com", "substack.com", "betterprogramming.pub", "itnext.io"];

/**
 * Canonical form of an http(s) URL: lowercase host, no fragment, no utm_* parameters,
 * no trailing slash. Returns null for anything that is not an absolute http(s) URL.
 * @example normalizeUrl("https://Kubernetes.io/docs/concepts/#x?utm_source=a") // "https://kubernetes.io/docs/concepts"
 */
export function normalizeUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) if (key.toLowerCase().startsWith("utm_")) url.searchParams.delete(key);
  let text = url.toString();
  if (url.search === "" && text.endsWith("/")) text = text.replace(/\/+$/, "");
  return text;
}

/** Host of a URL without "www.". */
export function domainOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}

/** Classifies a normalized URL by where it points. */
export function referenceKind(url: string): ReferenceKind {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, "");
  if (host === "kubernetes.io" && u.pathname.startsWith("/blog")) return "BLOG";
  if (host === "kubernetes.io" && u.pathname.includes("/docs")) return "OFFICIAL_DOCS";
  if (host === "github.com" || host === "gitlab.com") return "REPOSITORY";
  if (host === "youtube.com" || host === "youtu.be" || host === "vimeo.com" || host === "asciinema.org") return "VIDEO";
  if (BLOG_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return "BLOG";
  return "ARTICLE";
}

/**
 * The day number a link points at when it is a link to another lesson of the challenge:
 * relative paths (`../day12`, `./week02/day12`) or the repository's GitHub URLs
 * (`https://github.com/jp-chl/66DaysOfK8s/tree/master/challenge/week02/day12`). Null otherwise.
 */
export function linkedDayNumber(href: string): number | null {
  const isRelative = !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("#");
  const isRepository = /^https?:\/\/(www\.)?github\.com\/[^/]+\/66daysofk8s\b/i.test(href);
  if (!isRelative && !isRepository) return null;
  const match = /(?:^|\/)day(\d{1,3})(?:\/|$|\/README\.md|#)/i.exec(href.replace(/\/README\.md$/i, "/"));
  return match ? Number(match[1]) : null;
}
