/**
 * An in-memory, explainable full-text index over days, concepts and references
 * (pure: documents in, ranked hits out). Built once per content version, so it
 * behaves the same on SQLite and PostgreSQL.
 *
 * Ranking, in plain words:
 * - text is lowercased and split into words; plurals fold to singular ("pods" → "pod");
 * - each query word matches index terms exactly (1.0), as a prefix (0.8, 3+ letters)
 *   or within 1–2 edits (0.7; "statefulst" → "statefulset"); the query with its spaces
 *   removed is tried as one more word ("stateful set" → "statefulset");
 * - a document scores Σ over query words of (match quality × idf × field weight),
 *   times the share of query words it matched, squared;
 * - a query that is exactly a concept's name, slug or alias, or "day N", adds a large bonus.
 * Snippets mark matched words with «guillemets». Beside each snippet, `text` is the same
 * extract without the marks and `highlights` gives each matched word's offsets in `text`
 * (and in the document's `title`): UTF-16 code units, `start` inclusive, `end` exclusive,
 * so `text.slice(start, end)` in JavaScript is the word. The snippet is built from those
 * offsets, so the two can never disagree.
 */
import { distance } from "fastest-levenshtein";

/** Searchable kinds of node. */
export type SearchType = "DAY" | "CONCEPT" | "REFERENCE";

/** A weighted text field of a document. */
export interface SearchField {
  name: string;
  text: string;
  weight: number;
  /** Used for snippets (short, readable fields). */
  snippet?: boolean;
}

/** A document to index. */
export interface SearchDocument<N = unknown> {
  type: SearchType;
  key: string;
  node: N;
  /** The title a client shows for the hit (a day's title, a concept's name); highlighted too. Default "". */
  title?: string;
  fields: SearchField[];
  /** Normalized phrases that, typed exactly, make this the answer (names, slugs, aliases, "day 13"). */
  exact: string[];
  /** Multiplier of this type of document. */
  boost: number;
}

/** Which text of a hit a highlight's offsets index into. */
export type HighlightField = "text" | "title";

/** One matched word: `hit[field].slice(start, end)` (UTF-16 code units, end exclusive). */
export interface Highlight {
  field: HighlightField;
  start: number;
  end: number;
}

/** One ranked hit. */
export interface SearchHit<N = unknown> {
  type: SearchType;
  score: number;
  /** A short extract with matched words in «…». */
  snippet: string;
  /** The snippet without the «» marks: what `text` highlights index into. */
  text: string;
  /** The document's title, what `title` highlights index into. */
  title: string;
  /** Matched words in `text` then in `title`, each in order. */
  highlights: Highlight[];
  /** Index terms the query matched, for explaining the rank. */
  matches: string[];
  node: N;
}

interface Posting {
  doc: number;
  weight: number;
}

/** The built index. */
export interface SearchIndex<N = unknown> {
  documents: SearchDocument<N>[];
  postings: Map<string, Posting[]>;
  /** Terms bucketed by first letter, for typo matching. */
  byInitial: Map<string, string[]>;
  exact: Map<string, number[]>;
}

/** Lowercases, folds separators, and reduces a plural word to its singular. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** The words of a text, stemmed. */
export function terms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(stem);
}

/** The normalized form of a phrase for exact matching ("Init containers" → "init container"). */
export function phrase(text: string): string {
  return terms(text).join(" ");
}

/** Builds the index. */
export function buildIndex<N>(documents: SearchDocument<N>[]): SearchIndex<N> {
  const postings = new Map<string, Posting[]>();
  const exact = new Map<string, number[]>();
  documents.forEach((doc, i) => {
    const weights = new Map<string, number>();
    for (const f of doc.fields) {
      const counts = new Map<string, number>();
      for (const t of terms(f.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, n] of counts) weights.set(t, (weights.get(t) ?? 0) + f.weight * (1 + Math.log(n)));
    }
    for (const [t, weight] of weights) {
      const list = postings.get(t) ?? [];
      list.push({ doc: i, weight });
      postings.set(t, list);
    }
    for (const e of doc.exact) {
      const p = phrase(e);
      for (const form of new Set([p, p.replace(/ /g, "")])) {
        if (!form) continue;
        const list = exact.get(form) ?? [];
        if (!list.includes(i)) list.push(i);
        exact.set(form, list);
      }
    }
  });
  const byInitial = new Map<string, string[]>();
  for (const t of postings.keys()) {
    const list = byInitial.get(t[0]!) ?? [];
    list.push(t);
    byInitial.set(t[0]!, list);
  }
  return { documents, postings, byInitial, exact };
}

/** Index terms a query word may stand for, with match quality. */
function expand(index: SearchIndex, word: string): Map<string, number> {
  const out = new Map<string, number>();
  if (index.postings.has(word)) out.set(word, 1);
  const candidates = index.byInitial.get(word[0] ?? "") ?? [];
  const maxEdits = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  for (const t of candidates) {
    if (t === word) continue;
    if (word.length >= 3 && t.startsWith(word)) {
      out.set(t, Math.max(out.get(t) ?? 0, 0.8 * Math.sqrt(word.length / t.length)));
    } else if (maxEdits && Math.abs(t.length - word.length) <= maxEdits && distance(t, word) <= maxEdits) {
      out.set(t, Math.max(out.get(t) ?? 0, 0.7));
    }
  }
  return out;
}

/** Options of a query. */
export interface QueryOptions {
  types?: readonly SearchType[] | null;
  first: number;
  /** How many of the best hits to skip (paging). Default 0. */
  offset?: number;
}

/** A page of ranked hits and how many there are in all. */
export interface QueryPage<N> {
  hits: SearchHit<N>[];
  /** Every hit of the query (the number of ranked documents). */
  total: number;
}

/** Runs a query; the best hits first. */
export function queryIndex<N>(index: SearchIndex<N>, query: string, options: QueryOptions): SearchHit<N>[] {
  return queryIndexPage(index, query, options).hits;
}

/** Runs a query and returns the page `offset … offset + first` of the ranking, with the total. */
export function queryIndexPage<N>(index: SearchIndex<N>, query: string, options: QueryOptions): QueryPage<N> {
  const words = [...new Set(terms(query))];
  if (!words.length) return { hits: [], total: 0 };
  const joined = words.join("");
  const groups = words.map((w) => [w]);
  if (words.length > 1) groups.push([joined]);
  const n = index.documents.length;
  const scores = new Map<number, { score: number; covered: Set<number>; matches: Set<string> }>();
  groups.forEach((group, gi) => {
    for (const word of group) {
      for (const [term, quality] of expand(index, word)) {
        const list = index.postings.get(term)!;
        const idf = Math.log(1 + n / list.length);
        for (const p of list) {
          const s = scores.get(p.doc) ?? { score: 0, covered: new Set<number>(), matches: new Set<string>() };
          s.score += quality * idf * p.weight;
          // The joined form covers every word.
          if (gi === words.length) words.forEach((_, i) => s.covered.add(i));
          else s.covered.add(gi);
          s.matches.add(term);
          scores.set(p.doc, s);
        }
      }
    }
  });
  const wantedTypes = options.types?.length ? new Set(options.types) : undefined;
  const exactDocs = new Set([...(index.exact.get(words.join(" ")) ?? []), ...(index.exact.get(joined) ?? [])]);
  for (const d of exactDocs) if (!scores.has(d)) scores.set(d, { score: 0, covered: new Set(words.map((_, i) => i)), matches: new Set(words) });
  const hits: { doc: number; score: number; matches: Set<string> }[] = [];
  for (const [doc, s] of scores) {
    const d = index.documents[doc]!;
    if (wantedTypes && !wantedTypes.has(d.type)) continue;
    const coverage = s.covered.size / words.length;
    let score = s.score * coverage * coverage * d.boost;
    if (exactDocs.has(doc)) score += 100;
    hits.push({ doc, score, matches: s.matches });
  }
  hits.sort((a, b) => b.score - a.score || index.documents[a.doc]!.key.localeCompare(index.documents[b.doc]!.key));
  const offset = options.offset ?? 0;
  const page = hits.slice(offset, offset + options.first).map((h) => {
    const d = index.documents[h.doc]!;
    const { snippet, text, highlights } = highlightedSnippet(d, h.matches);
    const title = d.title ?? "";
    const titleHighlights = wordHighlights(title, (w) => h.matches.has(stem(w)), "title");
    return {
      type: d.type,
      score: Math.round(h.score * 100) / 100,
      snippet,
      text,
      title,
      highlights: [...highlights, ...titleHighlights],
      matches: [...h.matches].sort(),
      node: d.node,
    };
  });
  return { hits: page, total: hits.length };
}

const WORD = /[A-Za-z0-9]+/g;

/** Offsets of the words of `text` that `isMatch` accepts. */
function wordHighlights(text: string, isMatch: (word: string) => boolean, field: HighlightField): Highlight[] {
  const out: Highlight[] = [];
  for (const m of text.matchAll(WORD)) if (isMatch(m[0])) out.push({ field, start: m.index, end: m.index + m[0].length });
  return out;
}

/** `text` with each highlighted range wrapped in «…». */
export function markHighlights(text: string, highlights: readonly Highlight[]): string {
  let out = "";
  let at = 0;
  for (const h of highlights) {
    out += `${text.slice(at, h.start)}«${text.slice(h.start, h.end)}»`;
    at = h.end;
  }
  return out + text.slice(at);
}

const SNIPPET_CHARS = 160;

/** A short extract of the best field for the matched terms, with each matched word in «…». */
export function snippetOf(doc: SearchDocument, matches: Set<string>): string {
  return highlightedSnippet(doc, matches).snippet;
}

/** The snippet, its plain text and the offsets of the matched words in that text. */
export function highlightedSnippet(doc: SearchDocument, matches: Set<string>): { snippet: string; text: string; highlights: Highlight[] } {
  const extract = extractOf(doc, matches);
  const highlights = wordHighlights(extract, (w) => matches.has(stem(w)), "text");
  return { snippet: markHighlights(extract, highlights), text: extract, highlights };
}

/** The plain-text extract a snippet shows (before marking). */
function extractOf(doc: SearchDocument, matches: Set<string>): string {
  const fields = doc.fields.filter((f) => f.text.trim());
  const isMatch = (word: string) => matches.has(stem(word));
  const chosen =
    fields.filter((f) => f.snippet).find((f) => (f.text.match(/[A-Za-z0-9]+/g) ?? []).some(isMatch)) ??
    fields.find((f) => (f.text.match(/[A-Za-z0-9]+/g) ?? []).some(isMatch)) ??
    fields.find((f) => f.snippet) ??
    fields[0];
  if (!chosen) return "";
  const text = plainText(chosen.text);
  let start = 0;
  const re = /[A-Za-z0-9]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (isMatch(m[0])) {
      start = Math.max(0, m.index - 40);
      break;
    }
  }
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < start + 20 ? space + 1 : start;
  }
  // A match in a short field (a name, a title): show it with the start of the readable text.
  const context = text.length < SNIPPET_CHARS / 2 ? fields.find((f) => f.snippet && f !== chosen && plainText(f.text)) : undefined;
  if (context) {
    const full = plainText(context.text);
    const room = Math.max(0, SNIPPET_CHARS - text.length);
    const rest = full.length <= room ? full : full.slice(0, room).replace(/\s+\S*$/, "");
    return `${text} — ${rest}${rest.length < full.length ? "…" : ""}`;
  }
  let window = text.slice(start, start + SNIPPET_CHARS);
  if (start + SNIPPET_CHARS < text.length) window = `${window.replace(/\s+\S*$/, "")}…`;
  if (start > 0) window = `…${window}`;
  return window;
}

/** Markdown reduced to readable text for snippets: link targets, emphasis and heading marks dropped. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/[#*_`>|\\]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
