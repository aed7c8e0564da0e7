/**
 * PURE: the markdown of one #66DaysOfK8s lesson → a validated Lesson plus warnings.
 * Structure comes from the mdast tree (headings, lists, links, code); regexes only
 * look at small extracted strings such as "minikube: v1.13.0".
 */
import type { Heading, Link, List, Nodes, RootContent } from "mdast";
import type { ImportWarning, Lesson, LessonReference, LessonSnippet, ToolVersionEntry } from "./lesson.ts";
import { anchorOf, lineOf, nodesToMarkdown, parseMarkdown, plainText, walk } from "./markdown.ts";
import { domainOf, isCitableUrl, linkedDayNumber, normalizeUrl, referenceKind } from "./references.ts";
import { linkTitleCandidates, referenceTitle, type TitleCandidate } from "./referenceTitle.ts";

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
export function parseLesson(text: string, sourcePath: string): ParsedLesson {
  const warnings: ImportWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file: sourcePath, line, message });
  const root = parseMarkdown(text);

  const lesson: Lesson = {
    sourcePath, number: null, week: weekOf(sourcePath), heading: "", date: null, intro: "", basedOn: [], tags: [], tldr: "",
    versions: [], setup: [], tasks: [], takeaways: [], sections: [], snippets: [], references: [],
    seeAlso: [], prose: "", body: text, attachments: [],
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
      if (lesson.basedOn.length === 0) warn(lineOf(node), "\"Based on\" line without a link");
      continue;
    }
    intro.push(node);
    prose.push(proseText([node]));
  }
  if (!lesson.heading) warn(1, "missing the title line (\"# Day N of #66DaysOfK8s\")");
  if (!dateLine) warn(1, "missing the \"Last update\" date");
  lesson.intro = nodesToMarkdown(intro);

  for (const block of blocks.slice(1)) {
    const line = lineOf(block.heading!);
    if (block.kind !== "other") {
      if (seen.has(block.kind)) warn(line, `section "${block.title}" appears twice`);
      seen.add(block.kind);
    }
    switch (block.kind) {
      case "tldr":
        lesson.tldr = nodesToMarkdown(block.nodes.filter((n) => !isImageOnly(n)));
        if (!lesson.tldr) warn(line, "empty TL;DR section");
        break;
      case "versions":
        lesson.versions = listItems(block, warn).map((raw) => parseToolVersion(raw, (m) => warn(line, m)));
        break;
      case "setup":
        lesson.setup = listItems(block, warn);
        prose.push(lesson.setup.join("\n"));
        break;
      case "tasks":
        lesson.tasks = listItems(block, warn);
        break;
      case "takeaways":
        lesson.takeaways = listItems(block, warn);
        prose.push(proseText(block.nodes));
        break;
      case "references":
        prose.push(proseText(block.nodes));
        break;
      case "other":
        lesson.sections.push({ heading: block.title, depth: block.heading!.depth, anchor: anchorOf(block.title), markdown: nodesToMarkdown(block.nodes) });
        prose.push(proseText(block.nodes));
        break;
    }
  }
  lesson.prose = prose.filter(Boolean).join("\n");

  collectCode(blocks, lesson.snippets);
  collectLinks(blocks, lesson, warn);
  return { lesson, warnings };
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

/** Items of the lists in a block; a paragraph ending in ":" ("Understand:") leads the items after it. */
function listItems(block: Block, warn: (line: number, message: string) => void): string[] {
  const items: string[] = [];
  let leadIn = "";
  let lists = 0;
  for (const node of block.nodes) {
    if (node.type === "paragraph") {
      const t = plainText(node);
      leadIn = t.endsWith(":") ? t.slice(0, -1).trim() : "";
    } else if (node.type === "list") {
      lists++;
      for (const item of (node as List).children) {
        const t = plainText(item);
        if (t) items.push(leadIn ? `${leadIn} ${t}` : t);
      }
    }
  }
  if (lists === 0) warn(lineOf(block.heading!), `section "${block.title}" has no list`);
  if (items.length > 0 && items.every((t) => /^n\/?a\b/i.test(t.replace(/^understand\s+/i, "")))) return [];
  return items;
}

/** "kubectl Client: v1.17.4" → {tool "kubectl Client", version "v1.17.4"}; "macOS Catalina 10.15.7" likewise. */
export function parseToolVersion(raw: string, warn: (message: string) => void = () => {}): ToolVersionEntry {
  const colon = /^(.+?):\s*(\S.*)$/.exec(raw);
  if (colon) return { tool: colon[1]!.trim(), version: colon[2]!.trim(), raw };
  const trailing = /^(.*\S)\s+(v?\d[\w.+-]*)$/.exec(raw);
  if (trailing) return { tool: trailing[1]!, version: trailing[2]!, raw };
  warn(`version line "${raw}" has no version`);
  return { tool: raw, version: "", raw };
}

function isoDate(text: string): string | null {
  const t = text.trim();
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const parsed = Date.parse(t);
  return Number.isNaN(parsed) ? null : new Date(parsed + 12 * 3600_000).toISOString().slice(0, 10);
}

function isImageOnly(node: RootContent): boolean {
  return node.type === "paragraph" && node.children.every((c) => c.type === "image" || (c.type === "text" && !c.value.trim()));
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
  return parts.join("").replace(/[ \t]+/g, " ").replace(/\n\s*\n+/g, "\n").trim();
}

function collectCode(blocks: Block[], snippets: LessonSnippet[]): void {
  for (const block of blocks) {
    for (const node of block.nodes) {
      walk(node as Nodes, (n) => {
        if (n.type === "code") snippets.push({ language: n.lang?.trim().toLowerCase() || null, code: n.value, section: block.heading ? block.title : null });
      });
    }
  }
}

function collectLinks(blocks: Block[], lesson: Lesson, warn: (line: number, message: string) => void): void {
  const byUrl = new Map<string, LessonReference>();
  const titles = new Map<string, TitleCandidate[]>();
  const days = new Set<number>();
  for (const block of blocks) {
    const nodes: Nodes[] = block.heading ? [block.heading, ...block.nodes] : block.nodes;
    for (const node of nodes) {
      walk(node, (n, ancestors) => {
        if (n.type !== "link") return;
        const link = n as Link;
        const href = link.url.trim();
        if (!href || href.startsWith("#")) return;
        const day = linkedDayNumber(href);
        if (day !== null) {
          if (day !== lesson.number) days.add(day);
          return;
        }
        if (!/^https?:/i.test(href)) {
          if (!/^mailto:/i.test(href)) warn(lineOf(link), `relative link "${href}" points at no day`);
          return;
        }
        const url = normalizeUrl(href);
        if (!url) {
          warn(lineOf(link), `link "${href}" is not a valid URL`);
          return;
        }
        if (!isCitableUrl(url)) return; // localhost, private and in-cluster addresses are examples, not sources
        const listed = block.kind === "references";
        const candidates = linkTitleCandidates(link, { ancestors, previous: nodes[nodes.indexOf((ancestors[0] ?? link) as Nodes) - 1] as RootContent | undefined, heading: block.title, listed });
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
  lesson.seeAlso = [...days].sort((a, b) => a - b);
}
