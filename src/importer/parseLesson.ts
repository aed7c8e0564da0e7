/**
 * PURE: the markdown of one #66DaysOfK8s lesson → a validated Lesson plus warnings.
 * Structure comes from the mdast tree (headings, lists, links, code); regexes only
 * look at small extracted strings such as "minikube: v1.13.0".
 *
 * Links are resolved first, on the tree (linkTargets.ts): screenshots and attached files
 * point at their file URLs, links to other days at the day's URL, so every markdown and
 * HTML part of the lesson is ready to serve. Nothing of the source is dropped: a Setup or
 * Versions section written as prose is one item, images stay where they were.
 */
import type { Heading, Html, List, ListItem, Nodes, Root, RootContent } from "mdast";
import { CONTENT_BASE } from "../modules/content/contentBase.ts";
import { markdownToHtml } from "../modules/content/lessonHtml.ts";
import type { ImportWarning, Lesson, LessonDayLink, LessonItem, LessonReference, LessonSnippet, ToolVersionEntry } from "./lesson.ts";
import { linkResolver, type LinkResolver } from "./linkTargets.ts";
import { anchorOf, lineOf, nodesToMarkdown, parseMarkdown, plainText, walk } from "./markdown.ts";
import { domainOf, isCitableUrl, normalizeUrl, referenceKind } from "./references.ts";
import { linkTitleCandidates, referenceTitle, type TitleCandidate } from "./referenceTitle.ts";

/** Options of parseLesson. */
export interface ParseOptions {
  /** Resolves the lesson's links; default: days by folder name, no files known. */
  resolveLink?: LinkResolver;
}

/** A lesson and the problems found reading it. */
export interface ParsedLesson {
  lesson: Lesson;
  warnings: ImportWarning[];
}

type SectionKind = "tldr" | "versions" | "setup" | "tasks" | "takeaways" | "references" | "other";

interface Block {
  heading: Heading | null;
  title: string;
  kind: SectionKind;
  nodes: RootContent[];
}

const SECTION_KINDS: Record<string, SectionKind> = {
  tldr: "tldr",
  versionsused: "versions",
  versions: "versions",
  setup: "setup",
  tasks: "tasks",
  task: "tasks",
  takeaways: "takeaways",
  takeaway: "takeaways",
  references: "references",
  reference: "references",
};

/**
 * Parses a lesson file.
 * @example parseLesson(readFileSync(p, "utf8"), "challenge/week02/day13/README.md").lesson.number // 13
 */
export function parseLesson(text: string, sourcePath: string, options: ParseOptions = {}): ParsedLesson {
  const warnings: ImportWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file: sourcePath, line, message });
  const root = parseMarkdown(text);
  const resolve = options.resolveLink ?? linkResolver(sourcePath, new Set());
  const resolved = resolveLinks(root, text, resolve, warn);

  const lesson: Lesson = {
    sourcePath,
    number: null,
    week: weekOf(sourcePath),
    heading: "",
    date: null,
    intro: "",
    basedOn: [],
    tags: [],
    tldr: "",
    versions: [],
    versionNotes: [],
    setup: [],
    tasks: [],
    takeaways: [],
    sections: [],
    snippets: [],
    references: [],
    dayLinks: [],
    prose: "",
    body: resolved.body,
    html: markdownToHtml(root.children, resolved.rewriteUrl),
    attachments: [],
    manifestObjects: [],
  };

  const blocks = splitIntoBlocks(root.children);
  const preamble = blocks[0]!;
  const intro: RootContent[] = [];
  const prose: string[] = [];
  const seen = new Set<SectionKind>();
  let dateLine = false;

  for (const node of preamble.nodes) {
    if (node.type === "heading" && node.depth === 1 && !lesson.heading) {
      lesson.heading = plainText(node);
      const match = /\bday\s*(\d{1,3})\b/i.exec(lesson.heading);
      if (match) lesson.number = Number(match[1]);
      else warn(lineOf(node), `title line "${lesson.heading}" names no day number`);
      continue;
    }
    if (node.type === "thematicBreak" || node.type === "html") continue;
    const textOf = plainText(node);
    if (node.type === "paragraph") {
      const date = /^last update:?\s*(.*)$/i.exec(textOf);
      if (date) {
        dateLine = true;
        lesson.date = isoDate(date[1]!);
        if (!lesson.date) warn(lineOf(node), `last-update date "${date[1]}" is not a date`);
        continue;
      }
      if (/^(#[\p{L}\p{N}_]+\s*)+$/u.test(textOf)) {
        lesson.tags.push(...textOf.split(/\s+/).map((t) => t.slice(1)));
        continue;
      }
    }
    if (node.type === "blockquote" && /^based on\b/i.test(textOf)) {
      walk(node, (n) => {
        if (n.type === "link") lesson.basedOn.push({ text: plainText(n) || n.url, url: n.url });
      });
      if (lesson.basedOn.length === 0) warn(lineOf(node), '"Based on" line without a link');
      continue;
    }
    intro.push(node);
    prose.push(proseText([node]));
  }
  if (!lesson.heading) warn(1, 'missing the title line ("# Day N of #66DaysOfK8s")');
  if (!dateLine) warn(1, 'missing the "Last update" date');
  lesson.intro = resolved.source(intro);

  for (const block of blocks.slice(1)) {
    const line = lineOf(block.heading!);
    if (block.kind !== "other") {
      if (seen.has(block.kind)) warn(line, `section "${block.title}" appears twice`);
      seen.add(block.kind);
    }
    switch (block.kind) {
      case "tldr":
        lesson.tldr = resolved.source(block.nodes);
        if (!lesson.tldr) warn(line, "empty TL;DR section");
        break;
      case "versions":
        for (const item of blockItems(block)) {
          const entries = isNote(item.text) ? [] : parseToolVersions(item.text, item.markdown);
          if (entries.length) lesson.versions.push(...entries);
          else lesson.versionNotes.push(item);
        }
        break;
      case "setup":
        lesson.setup = blockItems(block);
        prose.push(lesson.setup.map((i) => i.text).join("\n"));
        break;
      case "tasks":
        lesson.tasks = blockItems(block);
        break;
      case "takeaways":
        lesson.takeaways = blockItems(block);
        prose.push(proseText(block.nodes));
        break;
      case "references":
        prose.push(proseText(block.nodes));
        break;
      case "other":
        lesson.sections.push({
          heading: block.title,
          depth: block.heading!.depth,
          anchor: anchorOf(block.title),
          markdown: resolved.source(block.nodes),
          html: markdownToHtml(block.nodes, resolved.rewriteUrl),
        });
        prose.push(proseText(block.nodes));
        break;
    }
  }
  lesson.prose = prose.filter(Boolean).join("\n");
  lesson.dayLinks = dayLinksOf(blocks, resolved.days, lesson);

  collectCode(blocks, lesson.snippets);
  collectLinks(blocks, lesson, warn);
  warnings.sort((a, b) => a.line - b.line);
  return { lesson, warnings };
}

/** What resolving a lesson's links produced. */
interface ResolvedLinks {
  /** The source text with each resolved URL replaced in place (nothing else changes). */
  body: string;
  /** The source of top-level nodes as written (URLs resolved), separated by blank lines. */
  source(nodes: RootContent[]): string;
  /** The day each rewritten link node points at. */
  days: Map<Nodes, number>;
  /** The resolver for URLs in the source's raw HTML (null: leave as written). */
  rewriteUrl: (url: string) => string | null;
}

/**
 * Rewrites links, images and link definitions of the tree in place to their resolved
 * URLs; warns once per dead link at its line. The body keeps the source byte for byte
 * except the URLs, spliced in by position.
 */
function resolveLinks(root: Root, text: string, resolve: LinkResolver, warn: (line: number, message: string) => void): ResolvedLinks {
  const days = new Map<Nodes, number>();
  const splices: { start: number; end: number; from: string; to: string }[] = [];
  const rewriteUrl = (url: string) => {
    const target = resolve(url);
    return target.kind === "file" || target.kind === "day" ? target.url : null;
  };
  walk(root, (node) => {
    if (node.type === "html") {
      rewriteRawHtml(node, rewriteUrl, splices);
      return;
    }
    if (node.type !== "link" && node.type !== "image" && node.type !== "definition") return;
    const target = resolve(node.url);
    if (target.kind === "dead") {
      warn(lineOf(node), `dead link "${node.url}": no such file or day in the repository`);
      return;
    }
    if (target.kind === "keep") return;
    if (target.kind === "day") days.set(node, target.number);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) splices.push({ start, end, from: node.url, to: target.url });
    node.url = target.url;
  });
  const source = (nodes: RootContent[]) =>
    nodes
      .map((node) => {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start === undefined || end === undefined) return nodesToMarkdown([node]);
        const inside = splices.filter((s) => s.start >= start && s.end <= end).map((s) => ({ ...s, start: s.start - start, end: s.end - start }));
        return splice(text.slice(start, end), inside);
      })
      .join("\n\n")
      .trim();
  return { body: splice(text, splices), source, days, rewriteUrl };
}

/** `src`/`href` attributes of raw HTML in the markdown (`<img src="readme-images/a.png">`). */
function rewriteRawHtml(node: Html, rewriteUrl: (url: string) => string | null, splices: { start: number; end: number; from: string; to: string }[]): void {
  const value = node.value.replace(/\b(src|href)\s*=\s*(["'])([^"']*)\2/gi, (whole, attr: string, quote: string, url: string) => {
    const next = rewriteUrl(url);
    return next === null ? whole : `${attr}=${quote}${next}${quote}`;
  });
  if (value === node.value) return;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) splices.push({ start, end, from: node.value, to: value });
  node.value = value;
}

/** `text` with, inside each [start, end) span, the last occurrence of `from` replaced by `to`. */
function splice(text: string, splices: { start: number; end: number; from: string; to: string }[]): string {
  const ordered = [...splices].sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of ordered) {
    const span = out.slice(s.start, s.end);
    const at = span.lastIndexOf(s.from);
    if (at < 0) continue;
    out = out.slice(0, s.start) + span.slice(0, at) + s.to + span.slice(at + s.from.length) + out.slice(s.end);
  }
  return out;
}

/** The first link to each other day, with its text and section, in the order of the lesson. */
function dayLinksOf(blocks: Block[], days: Map<Nodes, number>, lesson: Lesson): LessonDayLink[] {
  const links = new Map<number, LessonDayLink>();
  for (const block of blocks) {
    const nodes: Nodes[] = block.heading ? [block.heading, ...block.nodes] : block.nodes;
    for (const node of nodes) {
      walk(node, (n) => {
        const number = days.get(n);
        if (number === undefined || number === lesson.number || links.has(number)) return;
        links.set(number, {
          number,
          text: plainText(n) || (n.type === "image" ? (n.alt ?? "") : ""),
          section: block.heading ? block.title : null,
          line: lineOf(n),
        });
      });
    }
  }
  return [...links.values()];
}

function weekOf(path: string): number | null {
  const match = /(?:^|[\\/])week0*(\d{1,2})[\\/]/i.exec(path);
  return match ? Number(match[1]) : null;
}

function splitIntoBlocks(children: RootContent[]): Block[] {
  const blocks: Block[] = [{ heading: null, title: "", kind: "other", nodes: [] }];
  let titleSeen = false;
  for (const node of children) {
    const isTitle = node.type === "heading" && node.depth === 1 && !titleSeen;
    if (isTitle) titleSeen = true;
    if (node.type === "heading" && !isTitle && node.depth <= 3) {
      const title = plainText(node);
      const key = title.toLowerCase().replace(/[^a-z]/g, "");
      blocks.push({ heading: node, title, kind: SECTION_KINDS[key] ?? "other", nodes: [] });
    } else {
      blocks[blocks.length - 1]!.nodes.push(node);
    }
  }
  for (const block of blocks) {
    while (block.nodes[0]?.type === "thematicBreak") block.nodes.shift();
    while (block.nodes.at(-1)?.type === "thematicBreak") block.nodes.pop();
  }
  return blocks;
}

/**
 * The items of a list section, nothing dropped: each list item; a paragraph ending in ":"
 * ("Understand:") leads the items after it; any other content (a sentence, an image, a
 * code block) is an item of its own, so Setup written as prose is one item. "N/A" alone
 * means an empty list.
 */
function blockItems(block: Block): LessonItem[] {
  const items: LessonItem[] = [];
  let leadIn: LessonItem | null = null;
  for (const node of block.nodes) {
    if (node.type === "thematicBreak") continue;
    if (node.type === "list") {
      for (const li of (node as List).children) {
        const item = listItemOf(li);
        if (!item.text && !item.markdown) continue;
        items.push(leadIn ? { text: `${leadIn.text} ${item.text}`, markdown: `${leadIn.markdown} ${item.markdown}` } : item);
      }
      continue;
    }
    const item = { text: plainText(node), markdown: nodesToMarkdown([node]) };
    if (node.type === "paragraph" && item.text.endsWith(":")) {
      leadIn = { text: item.text.slice(0, -1).trim(), markdown: item.markdown.replace(/:\s*$/, "").trim() };
      continue;
    }
    leadIn = null;
    if (item.markdown) items.push(item);
  }
  if (items.length > 0 && items.every((i) => /^n\/?a\b/i.test(i.text.replace(/^understand\s+/i, "")))) return [];
  return items;
}

function listItemOf(li: ListItem): LessonItem {
  const markdown = nodesToMarkdown(li.children as RootContent[]);
  const checkbox = li.checked === true ? "[x] " : li.checked === false ? "[ ] " : "";
  return { text: plainText(li), markdown: markdown ? checkbox + markdown : "" };
}

/** A sentence under "Versions used" rather than a tool: ends like a sentence, or is long and names no version. */
function isNote(text: string): boolean {
  if (/[.!?]$/.test(text) && !VERSION_AT_END.test(text)) return true;
  return text.split(/\s+/).length > 8 && !VERSION_TOKEN.test(text);
}

/** A version: "v1.19.0", "10.15.7", "87.0.4280.88", "1.5.0+mac", "3.5" (two or more numeric parts). */
const VERSION_TOKEN = /(?<![\w.])v?\d+(?:\.\d+)+(?:[-+][\w.]+)?(?![\w.])/;
const VERSION_AT_END = /v?\d+(?:\.\d+)+[-+\w]*\.?$/;

/**
 * A line under "Versions used" as tools and versions; the version can stand anywhere.
 * - "kubectl Client: v1.17.4" → kubectl Client, v1.17.4
 * - "Google Chrome 87.0.4280.88 (Official Build) (x86_64)" → Google Chrome, 87.0.4280.88, qualifier "(Official Build) (x86_64)"
 * - "Native macOS ssh client" → that tool, version null
 * - "kubectl client and server: v1.19.0" → kubectl client v1.19.0 and kubectl server v1.19.0
 */
export function parseToolVersions(raw: string, markdown = raw): ToolVersionEntry[] {
  const line = raw.replace(/\s+/g, " ").trim();
  const colon = /^([^:]+?):\s*(\S.*)$/.exec(line);
  let tool: string;
  let rest: string;
  if (colon && !/^https?$/i.test(colon[1]!)) {
    tool = colon[1]!.trim();
    rest = colon[2]!;
  } else {
    const at = VERSION_TOKEN.exec(line);
    tool = at ? line.slice(0, at.index).trim() : line;
    rest = at ? line.slice(at.index) : "";
  }
  const version = VERSION_TOKEN.exec(rest);
  let value: string | null = null;
  let qualifier: string | null = null;
  if (version) {
    value = version[0];
    const before = rest.slice(0, version.index).trim();
    const after = rest.slice(version.index + version[0].length).trim();
    qualifier = [before, after].filter(Boolean).join(" ") || null;
  } else if (rest.trim()) {
    // "lens: latest" — no numeric version; the word is the version as written.
    value = rest.trim();
  }
  const entry = (name: string): ToolVersionEntry => ({ tool: name || line, version: value, qualifier, raw, markdown });
  const pair = /^(.*?)\s*\b(\w[\w-]*) and (\w[\w-]*)$/i.exec(tool);
  if (pair && value) {
    const prefix = pair[1] ? `${pair[1]} ` : "";
    return [entry(`${prefix}${pair[2]}`), entry(`${prefix}${pair[3]}`)];
  }
  return [entry(tool)];
}

/** The first tool and version of a line (see parseToolVersions). */
export function parseToolVersion(raw: string): ToolVersionEntry {
  return parseToolVersions(raw)[0]!;
}

function isoDate(text: string): string | null {
  const t = text.trim();
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const parsed = Date.parse(t);
  return Number.isNaN(parsed) ? null : new Date(parsed + 12 * 3600_000).toISOString().slice(0, 10);
}

/** Text of prose nodes, skipping code blocks and images. */
function proseText(nodes: RootContent[]): string {
  const parts: string[] = [];
  for (const node of nodes) {
    walk(node as Nodes, (n) => {
      if (n.type === "text" || n.type === "inlineCode") parts.push(n.value);
      if (n.type === "paragraph" || n.type === "listItem" || n.type === "tableCell") parts.push("\n");
    });
  }
  return parts
    .join("")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}

function collectCode(blocks: Block[], snippets: LessonSnippet[]): void {
  for (const block of blocks) {
    for (const node of block.nodes) {
      walk(node as Nodes, (n) => {
        if (n.type === "code")
          snippets.push({ language: n.lang?.trim().toLowerCase() || null, code: n.value, section: block.heading ? block.title : null, line: lineOf(n) });
      });
    }
  }
}

/** External links as references (links resolved to this API's URLs are not references). */
function collectLinks(blocks: Block[], lesson: Lesson, warn: (line: number, message: string) => void): void {
  const byUrl = new Map<string, LessonReference>();
  const titles = new Map<string, TitleCandidate[]>();
  for (const block of blocks) {
    const nodes: Nodes[] = block.heading ? [block.heading, ...block.nodes] : block.nodes;
    for (const node of nodes) {
      walk(node, (link, ancestors) => {
        if (link.type !== "link") return;
        const href = link.url.trim();
        if (!/^https?:/i.test(href) || href.startsWith(CONTENT_BASE)) return;
        const url = normalizeUrl(href);
        if (!url) {
          warn(lineOf(link), `link "${href}" is not a valid URL`);
          return;
        }
        if (!isCitableUrl(url)) return; // localhost, private and in-cluster addresses are examples, not sources
        const listed = block.kind === "references";
        const candidates = linkTitleCandidates(link, {
          ancestors,
          previous: nodes[nodes.indexOf((ancestors[0] ?? link) as Nodes) - 1] as RootContent | undefined,
          heading: block.title,
          listed,
        });
        titles.set(url, [...(titles.get(url) ?? []), ...candidates]);
        const existing = byUrl.get(url);
        if (existing) {
          existing.listed ||= listed;
          return;
        }
        byUrl.set(url, { url, title: "", domain: domainOf(url), kind: referenceKind(url), listed });
      });
    }
  }
  for (const reference of byUrl.values()) reference.title = referenceTitle(reference.url, titles.get(reference.url) ?? []);
  lesson.references = [...byUrl.values()];
}
