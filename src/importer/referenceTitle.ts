/**
 * PURE: the title of a reference — one rule for the importer (a lesson's own title for each
 * source it cites), the store (the title a reference keeps across lessons) and the seeds
 * (curated titles of the glossary's documentation pages).
 *
 * The rule, best first; a candidate that says nothing is skipped (see `isInformativeTitle`):
 *   1. curated   — a title we wrote in seeds/ (a concept's docs page) always wins;
 *   2. listed    — the link text under the lesson's "References" heading (written as a citation);
 *   3. text      — the link text anywhere else in the lesson, first occurrence first;
 *   4. alt       — the alt text of an image that is the whole link;
 *   5. label     — the lesson's words around the link: a lead-in ending in ":" or a dash
 *                  ("Lens releases: [link](…)"), the rest of its list item, or a short
 *                  paragraph ending in ":" just before a link that stands alone ("**Demo**:");
 *   6. path      — the page path in words (`/k0s-kubernetes-in-a-single-binary-224bb43f4520` →
 *                  "K0s kubernetes in a single binary"; a repository page → "owner/repo: path");
 *   7. heading   — the heading of the section the link is in;
 *   8. the domain, only when nothing else is known.
 * Words from around the link (label, heading) describe the source without being its title, so
 * they carry the domain: "Demo (asciinema.org)".
 */
import type { Link, Nodes, RootContent } from "mdast";
import { plainText } from "./markdown.ts";
import { domainOf } from "./references.ts";

/** Where a candidate title comes from, best first. */
export const TITLE_SOURCES = ["curated", "listed", "text", "alt", "label", "heading"] as const;

/** Where a candidate title comes from. */
export type TitleSource = (typeof TITLE_SOURCES)[number];

/** A possible title of a reference and where it comes from. */
export interface TitleCandidate {
  source: TitleSource;
  text: string;
}

/** Link texts that name no source: they point ("here"), or they name a format, not a page. */
const GENERIC = new Set([
  "link",
  "links",
  "here",
  "there",
  "this",
  "that",
  "this link",
  "the link",
  "click here",
  "see here",
  "see this",
  "see",
  "go",
  "this article",
  "article",
  "this page",
  "page",
  "this post",
  "post",
  "website",
  "web site",
  "site",
  "homepage",
  "home page",
  "source",
  "sources",
  "url",
  "read more",
  "more",
  "more info",
  "more information",
  "details",
  "info",
  "official site",
  "docs",
  "documentation",
  "asciicast",
  "video",
  "image",
  "screenshot",
  "picture",
  "download",
  "repo",
  "repository",
  // lead-ins that introduce a source without describing it
  "based on",
  "see also",
  "reference",
  "references",
  "credit",
  "credits",
  "from",
  "via",
  "more here",
  "check",
]);

const clean = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Whether a text says something about the page `url` points at: not empty, not a generic word
 * ("link", "here", "this"), not the URL or its domain written out, not bare punctuation or numbers.
 * @example isInformativeTitle("link", "https://github.com/lensapp/lens") // false
 * @example isInformativeTitle("Lens Homepage", "https://k8slens.dev") // true
 */
export function isInformativeTitle(text: string, url: string): boolean {
  const t = clean(text)
    .toLowerCase()
    .replace(/^[\s"'“”‘’([{<*_-]+|[\s"'“”‘’)\]}>*_.,:;!?-]+$/g, "");
  if (!/\p{L}.*\p{L}/u.test(t)) return false;
  if (GENERIC.has(t)) return false;
  if (/^(https?:\/\/|www\.)/.test(t)) return false;
  let domain = "";
  try {
    domain = domainOf(url);
  } catch {
    return true;
  }
  const bare = t.replace(/^www\./, "").replace(/\/+$/, "");
  if (bare === domain) return false;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|io|dev|sh|run|co|app|cloud|edu|gov)(\/\S*)?$/.test(bare)) return false; // a host name (or host/path) written out
  return true;
}

/** Path segments that carry no meaning in a title. */
const NOISE_SEGMENTS = new Set([
  "index.html",
  "index.htm",
  "index.php",
  "index",
  "readme.md",
  "en",
  "en-us",
  "en-gb",
  "latest",
  "stable",
  "master",
  "main",
  "www",
]);

/**
 * The page path of a URL as a title, or null when the path says nothing (a home page, ids only).
 * Repository pages read "owner/repo: rest/of/path" (without tree/blob and the branch).
 * @example titleFromPath("https://medium.com/better-programming/k0s-kubernetes-in-a-single-binary-224bb43f4520") // "K0s kubernetes in a single binary"
 * @example titleFromPath("https://github.com/lensapp/lens/releases/tag/v4.1.2") // "lensapp/lens: releases/tag/v4.1.2"
 */
export function titleFromPath(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const segments = u.pathname
    .split("/")
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const host = u.hostname.replace(/^www\./, "");
  if (["github.com", "gitlab.com", "bitbucket.org"].includes(host)) {
    if (segments.length < 2) return segments[0] ?? null;
    const [owner, repo, ...rest] = segments;
    if (rest[0] === "-") rest.shift(); // GitLab's /-/tree/…
    if ((rest[0] === "tree" || rest[0] === "blob") && rest.length >= 2) rest.splice(0, 2);
    return rest.length ? `${owner}/${repo}: ${rest.join("/")}` : `${owner}/${repo}`;
  }
  for (const segment of segments.reverse()) {
    if (NOISE_SEGMENTS.has(segment.toLowerCase())) continue;
    const words = segment
      .replace(/\.(html?|php|aspx?|md)$/i, "")
      .replace(/[-_]([0-9a-f]{8,}|\d+)$/i, "") // a trailing post id (Medium, dev.to)
      .split(/[-_+\s]+/)
      .filter(Boolean);
    const text = words.join(" ");
    if (!/\p{L}{2}/u.test(text) || isId(text)) continue;
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  return null;
}

/** A hash, a number or a generated id ("FJtn3ju5OewbuajJrIlx7AZUu"): one long token mixing digits and letters. */
function isId(text: string): boolean {
  return /^[0-9a-f]{8,}$/i.test(text) || (!/\s/.test(text) && text.length >= 10 && /\d/.test(text) && /\p{L}/u.test(text) && !/[.-]/.test(text));
}

/**
 * The title of a reference from its candidates (the rule of this file's header).
 * @example referenceTitle("https://github.com/lensapp/lens/releases/tag/v4.1.2", [{ source: "text", text: "link" }]) // "lensapp/lens: releases/tag/v4.1.2"
 */
export function referenceTitle(url: string, candidates: readonly TitleCandidate[]): string {
  const informative = candidates.filter((c) => isInformativeTitle(c.text, url));
  const best = (source: TitleSource) => informative.find((c) => c.source === source);
  let domain: string;
  try {
    domain = domainOf(url);
  } catch {
    domain = url;
  }
  for (const source of ["curated", "listed", "text", "alt", "label"] as const) {
    const c = best(source);
    if (c) return source === "label" ? `${clean(c.text)} (${domain})` : clean(c.text);
  }
  const path = titleFromPath(url);
  if (path && isInformativeTitle(path, url)) return path;
  const heading = best("heading");
  if (heading) return `${clean(heading.text)} (${domain})`;
  return domain;
}

/** Where a link stands in a lesson, as the title rule needs it. */
export interface LinkContext {
  /** The link's ancestors inside the block being read (outermost first), as `walk` gives them. */
  ancestors: readonly Nodes[];
  /** The top-level node just before the one holding the link, if any. */
  previous?: RootContent | undefined;
  /** Heading of the section the link is in ("" before the first heading). */
  heading: string;
  /** True when the section is the lesson's "References" list. */
  listed: boolean;
}

/**
 * The title candidates one link offers: its text (as `listed` inside the References section),
 * the alt text of a linked image, the lesson's words around it, and its section heading.
 * @example linkTitleCandidates(link, { ancestors: [paragraph], heading: "Setup", listed: false })
 */
export function linkTitleCandidates(link: Link, context: LinkContext): TitleCandidate[] {
  const out: TitleCandidate[] = [];
  const text = plainText(link);
  if (text) out.push({ source: context.listed ? "listed" : "text", text });
  for (const child of link.children) if (child.type === "image" && child.alt) out.push({ source: "alt", text: child.alt });
  const label = labelAround(link, context);
  if (label) out.push({ source: "label", text: label });
  if (context.heading) out.push({ source: "heading", text: context.heading });
  return out;
}

/** The lesson's words around a link: a lead-in label, the rest of its list item, or a label paragraph just before it. */
function labelAround(link: Link, context: LinkContext): string | null {
  const parent = context.ancestors.at(-1);
  const item = [...context.ancestors].reverse().find((a) => a.type === "listItem");
  if (parent && "children" in parent) {
    const siblings = parent.children as Nodes[];
    const before = plainText(siblings.slice(0, siblings.indexOf(link)));
    const lead = /^(.*\S)\s*(?::|\s[-–—])$/.exec(before);
    if (lead && lead[1]!.length <= 100) return stripMarkers(lead[1]!);
  }
  if (item) {
    const linkText = plainText(link);
    const rest = plainText(item as Nodes).replace(linkText, " ");
    const words = stripMarkers(rest.replace(/\s*(?:\b(?:in|at|on|from|see|via|this|the|here)\b\s*)+[(:.,–—-]*\s*$/i, ""));
    if (words.length >= 3 && words.length <= 100) return words;
  }
  const alone = parent?.type === "paragraph" && plainText(parent as Nodes) === plainText(link);
  if (alone && context.previous?.type === "paragraph") {
    const lead = /^(.{2,60}?)\s*:$/.exec(plainText(context.previous));
    if (lead) return stripMarkers(lead[1]!);
  }
  return null;
}

const stripMarkers = (text: string) => clean(text).replace(/^[*\-–—:·•\s]+|[\s*\-–—:(,;]+$/g, "");
