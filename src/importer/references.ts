/**
 * PURE: external links as references — URL normalization, domain, kind (the closed set of
 * src/modules/references/referenceKinds.ts), which addresses can be cited at all, and recognition
 * of links that point at another day of the challenge (which become day links, not references).
 * Titles are chosen in referenceTitle.ts.
 */

import type { ReferenceKind } from "../modules/references/referenceKinds.ts";

export type { ReferenceKind };

const BLOG_HOSTS = [
  "medium.com",
  "dev.to",
  "towardsdatascience.com",
  "hashnode.dev",
  "hashnode.com",
  "substack.com",
  "betterprogramming.pub",
  "itnext.io",
  "blogspot.com",
  "wordpress.com",
];
const VIDEO_HOSTS = ["youtube.com", "youtu.be", "vimeo.com", "asciinema.org"];
const REPOSITORY_HOSTS = ["github.com", "gitlab.com", "bitbucket.org"];
const DOCS_HOSTS = ["readthedocs.io", "readthedocs.org", "gitbook.io"];

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

/** True when `host` is `domain` or one of its subdomains. */
const isUnder = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * Classifies a normalized URL into one of the closed set REFERENCE_KINDS, by host and path only.
 * In order: videos, repositories, kubernetes.io (its blog is BLOG, the rest OFFICIAL_DOCS), blogs
 * (known blog hosts, `blog.*` hosts, a `/blog/` path segment), documentation (`docs.*`/`doc.*`/
 * `learn.*` hosts, readthedocs/gitbook, a `docs`/`doc`/`documentation`/`manual` path segment, or
 * a site's home page — a project's own site), and ARTICLE for everything else.
 * @example referenceKind("https://helm.sh/docs/intro") // "DOCUMENTATION"
 */
export function referenceKind(url: string): ReferenceKind {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, "");
  const segments = u.pathname.toLowerCase().split("/").filter(Boolean);
  if (VIDEO_HOSTS.some((h) => isUnder(host, h))) return "VIDEO";
  if (REPOSITORY_HOSTS.includes(host)) return "REPOSITORY";
  if (isUnder(host, "kubernetes.io") || (isUnder(host, "k8s.io") && !isUnder(host, "sigs.k8s.io"))) {
    return segments.includes("blog") ? "BLOG" : "OFFICIAL_DOCS";
  }
  if (BLOG_HOSTS.some((h) => isUnder(host, h)) || /^blogs?\./.test(host) || segments.some((s) => s === "blog" || s === "blogs")) return "BLOG";
  if (/^(docs?|documentation|learn)\./.test(host) || DOCS_HOSTS.some((h) => isUnder(host, h))) return "DOCUMENTATION";
  if (segments.some((s) => s === "docs" || s === "doc" || s === "documentation" || s === "manual")) return "DOCUMENTATION";
  if (segments.length === 0 && u.search === "") return "DOCUMENTATION";
  return "ARTICLE";
}

/** Parses a dotted IPv4 address into its four numbers, or null. */
function ipv4(host: string): [number, number, number, number] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number) as [number, number, number, number];
  return parts.every((n) => n <= 255) ? parts : null;
}

/** True for loopback, private-network, link-local and unspecified IPv4 addresses. */
function isLocalIpv4([a, b]: [number, number, number, number]): boolean {
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** Name suffixes that only resolve inside a cluster, a LAN or a test setup (RFC 6761 and Kubernetes DNS). */
const LOCAL_SUFFIXES = [
  "localhost",
  "local",
  "localdomain",
  "internal",
  "lan",
  "home.arpa",
  "svc",
  "cluster.local",
  "test",
  "example",
  "invalid",
  "example.com",
  "example.org",
  "example.net",
];

/** Kubernetes namespaces every cluster has: `my-service.default` is an in-cluster name, not a web site. */
const CLUSTER_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** Wildcard-DNS services that map a name to the IP address written in it (`192.168.49.2.nip.io`). */
const IP_DNS_SUFFIXES = ["nip.io", "sslip.io", "xip.io"];

/**
 * Whether a normalized http(s) URL can be cited as a reference: false for addresses that only
 * mean something on the author's machine, network or cluster — loopback, private networks
 * (10/8, 172.16/12, 192.168/16, link-local), IPv6 loopback/unique-local/link-local, in-cluster
 * names (`*.svc`, `*.cluster.local`, `<name>.<default namespace>`), single-label hosts
 * (`http://kubernetes/…`, `http://my-service:8080`), reserved example/test names, and
 * wildcard DNS of a private IP. Such links are examples in a lesson, not sources.
 * @example isCitableUrl("http://my-service:8080/healthz") // false
 * @example isCitableUrl("https://kubernetes.io/docs/") // true
 */
export function isCitableUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return false;
  }
  if (host.startsWith("[")) {
    const v6 = host.slice(1, -1);
    if (v6 === "::1" || v6 === "::" || /^f[cd][0-9a-f]{2}:/.test(v6) || /^fe[89ab][0-9a-f]:/.test(v6)) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
    const v4 = mapped ? ipv4(mapped[1]!) : null;
    return !(v4 && isLocalIpv4(v4));
  }
  const v4 = ipv4(host);
  if (v4) return !isLocalIpv4(v4);
  if (!host.includes(".")) return false;
  if (LOCAL_SUFFIXES.some((s) => isUnder(host, s))) return false;
  const last = host.slice(host.lastIndexOf(".") + 1);
  if (CLUSTER_NAMESPACES.includes(last)) return false;
  for (const suffix of IP_DNS_SUFFIXES) {
    if (!host.endsWith(`.${suffix}`)) continue;
    const embedded = /(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})$/.exec(host.slice(0, -suffix.length - 1));
    const ip = embedded ? ipv4(embedded.slice(1, 5).join(".")) : null;
    if (ip && isLocalIpv4(ip)) return false;
  }
  return true;
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
