/**
 * PURE: finds the glossary's concepts in a lesson's text, weighted by where they occur.
 * Names and aliases match on word boundaries, case-insensitively, with plurals and with
 * flexible spacing of compound names (DaemonSet ~ "Daemon Sets" ~ "daemon-set"); the longest
 * match wins, so "init containers" never also counts "containers".
 */
import type { Lesson } from "./lesson.ts";

/** What the matcher needs to know about a concept. */
export interface GlossaryEntry {
  slug: string;
  name: string;
  aliases: string[];
}

/** How a lesson mentions one concept. */
export interface ConceptHit {
  slug: string;
  mentions: number;
  weight: number;
  focus: boolean;
}

/** The texts of a lesson, by zone. */
export interface LessonZones {
  title: string;
  tldr: string;
  tasks: string[];
  headings: string[];
  body: string;
  /** Kubernetes kinds declared by the lesson's YAML snippets and attachments (one entry per declaration). */
  kinds: string[];
}

/** Weight of one mention per zone. */
export const ZONE_WEIGHTS = { title: 5, tldr: 3, tasks: 3, headings: 2, body: 1, kinds: 1 } as const;

/** Number of top-weighted concepts that count as a focus of the lesson besides title/TL;DR/tasks mentions. */
const TOP_FOCUS = 3;

/** Words too common in English prose to stand for a concept on their own. */
const AMBIGUOUS_ALIASES = new Set(["deploy", "no", "ing", "ev", "ep", "cs"]);

/** A compiled glossary: build once, match many lessons. */
export interface ConceptMatcher {
  /** Every (slug, offset) found in a text, longest match first, non-overlapping. */
  find(text: string): { slug: string; index: number; text: string }[];
  /** The concept a Kubernetes `kind:` value stands for, if any. */
  kindToSlug(kind: string): string | undefined;
}

function words(term: string): string[] {
  return term
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Regex source for a term: words joined by optional space/hyphen, optional plural ending. */
function termPattern(term: string): string {
  const parts = words(term).map(escape);
  const last = parts.pop() ?? "";
  const plural = /[^s]$/i.test(last) ? "(?:e?s)?" : "(?:es)?";
  return [...parts, last].join("[\\s-]?") + (/[A-Za-z]$/.test(last) ? plural : "") + "(?:'s?)?";
}

/** Compiles a glossary into a matcher. */
export function compileGlossary(glossary: GlossaryEntry[]): ConceptMatcher {
  const insensitive: { term: string; slug: string }[] = [];
  const sensitive: { term: string; slug: string }[] = [];
  const byKind = new Map<string, string>();
  for (const entry of glossary) {
    for (const term of [entry.name, entry.slug.replace(/-/g, " "), ...entry.aliases]) {
      const t = term.trim();
      if (!t || AMBIGUOUS_ALIASES.has(t.toLowerCase())) continue;
      // Short all-letter abbreviations (PV, CRI, OCI) only match as written or upper-cased.
      if (t.length <= 3) sensitive.push({ term: t, slug: entry.slug }, { term: t.toUpperCase(), slug: entry.slug });
      else insensitive.push({ term: t, slug: entry.slug });
      const compact = t.replace(/[\s_-]/g, "").toLowerCase();
      if (!byKind.has(compact)) byKind.set(compact, entry.slug);
    }
  }
  // One alternation per case mode, longest terms first; the matched text is mapped back to its
  // concept by a compact key (separators dropped), trying it without plural and possessive endings.
  const keyOf = (text: string, caseSensitive: boolean) => {
    const compact = text.replace(/[\s_-]/g, "");
    return caseSensitive ? compact : compact.toLowerCase();
  };
  const compile = (list: { term: string; slug: string }[], caseSensitive: boolean) => {
    if (list.length === 0) return null;
    const slugByKey = new Map<string, string>();
    for (const e of list) if (!slugByKey.has(keyOf(e.term, caseSensitive))) slugByKey.set(keyOf(e.term, caseSensitive), e.slug);
    const sorted = [...new Set(list.map((e) => e.term))].sort((a, b) => b.replace(/[\s_-]/g, "").length - a.replace(/[\s_-]/g, "").length);
    const source = sorted.map(termPattern).join("|");
    const regex = new RegExp(`(?<![A-Za-z0-9\u00C0-\u024F])(?:${source})(?![A-Za-z0-9\u00C0-\u024F])`, caseSensitive ? "g" : "gi");
    const slugOf = (matched: string) => {
      const key = keyOf(matched.replace(/'s?$/i, ""), caseSensitive);
      for (const candidate of [key, key.replace(/es$/i, ""), key.replace(/s$/i, "")]) {
        const slug = slugByKey.get(candidate);
        if (slug) return slug;
      }
      return undefined;
    };
    return { regex, slugOf };
  };
  const compiled = [compile(insensitive, false), compile(sensitive, true)].filter((c) => c !== null);
  return {
    find(text) {
      const found: { slug: string; index: number; text: string }[] = [];
      for (const { regex, slugOf } of compiled) {
        for (const m of text.matchAll(regex)) {
          const slug = slugOf(m[0]);
          if (slug) found.push({ slug, index: m.index, text: m[0] });
        }
      }
      // Merge the case-insensitive and case-sensitive matches: earliest first, longest at a tie, no overlaps.
      found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
      const kept: typeof found = [];
      let end = 0;
      for (const f of found) {
        if (f.index < end) continue;
        kept.push(f);
        end = f.index + f.text.length;
      }
      return kept;
    },
    kindToSlug(kind) {
      return byKind.get(kind.replace(/[\s_-]/g, "").toLowerCase());
    },
  };
}

/** The zones of a parsed lesson, with its title from the challenge table. */
export function lessonZones(lesson: Lesson, title: string, kinds: string[] = []): LessonZones {
  return {
    title,
    tldr: lesson.tldr,
    tasks: lesson.tasks.map((t) => t.text),
    headings: lesson.sections.map((s) => s.heading),
    body: lesson.prose,
    kinds,
  };
}

/**
 * Counts and weighs the concepts of a lesson. Focus: named in the title, TL;DR or tasks,
 * or among the three heaviest concepts mentioned more than once.
 * @example detectConcepts(compileGlossary([{ slug: "pod", name: "Pod", aliases: [] }]), { ...zones, title: "Pods" })
 */
export function detectConcepts(matcher: ConceptMatcher, zones: LessonZones): ConceptHit[] {
  const hits = new Map<string, ConceptHit & { prominent: boolean }>();
  const add = (slug: string, zoneWeight: number, prominent: boolean) => {
    const hit = hits.get(slug) ?? { slug, mentions: 0, weight: 0, focus: false, prominent: false };
    hit.mentions++;
    hit.weight += zoneWeight;
    hit.prominent ||= prominent;
    hits.set(slug, hit);
  };
  const scan = (text: string, weight: number, prominent: boolean) => {
    for (const m of matcher.find(text)) add(m.slug, weight, prominent);
  };
  scan(zones.title, ZONE_WEIGHTS.title, true);
  scan(zones.tldr, ZONE_WEIGHTS.tldr, true);
  for (const task of zones.tasks) scan(task, ZONE_WEIGHTS.tasks, true);
  for (const heading of zones.headings) scan(heading, ZONE_WEIGHTS.headings, false);
  scan(zones.body, ZONE_WEIGHTS.body, false);
  for (const kind of zones.kinds) {
    const slug = matcher.kindToSlug(kind);
    if (slug) add(slug, ZONE_WEIGHTS.kinds, false);
  }
  const ranked = [...hits.values()].sort((a, b) => b.weight - a.weight || a.slug.localeCompare(b.slug));
  const top = new Set(ranked.filter((h) => h.mentions > 1).slice(0, TOP_FOCUS).map((h) => h.slug));
  return ranked.map(({ prominent, ...h }) => ({ ...h, focus: prominent || top.has(h.slug) }));
}
