/**
 * PURE: finds glossary terms in a text with a trie instead of one big alternation regex, with
 * exactly the regex's results. The concept matcher used to build, per case mode, the regex
 *
 *     (?<![A-Za-z0-9\u00C0-\u024F])(?:term1|term2|…)(?![A-Za-z0-9\u00C0-\u024F])
 *
 * where each term is its words (words()) joined by `[\s-]?`, then an optional plural
 * (`(?:e?s)?`, or `(?:es)?` after a final s; only when the term ends in a letter), then an
 * optional possessive `(?:'s?)?`. V8 compiles such a regex (hundreds of terms, case-insensitive)
 * on its first use, which cost more than the whole matching of a repository in a cold CLI.
 *
 * The scanner gives the same matches as `text.matchAll(regex)`:
 * - from each start, left to right: the first term in the given order that matches there wins
 *   (not the longest: callers order longer terms first), and the next search starts after it;
 * - a term's words match one by one, a separator between them consumed when the text has a
 *   whitespace or hyphen there; its ending tries plural × possessive in the regex's greedy
 *   order ("es", "s", none × "'s", "'", none) and takes the first the lookahead accepts;
 * - case-insensitively as a non-unicode `i` regex compares: each UTF-16 unit by its
 *   upper-case form when that is one unit and does not turn a non-ASCII unit into ASCII
 *   (so "ſ" is not "s"), the word-character test at both ends included (that class then
 *   also holds units whose upper case lies in it, such as "ɓ").
 * test/importer/termScanner.test.ts checks it against the regex, unit for unit.
 */

/** A term's words as the glossary matcher spells it: camelCase split, split on spaces, underscores and hyphens. */
export function termWords(term: string): string[] {
  return term
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean);
}

/** One match: where it starts and the text matched. */
export interface TermMatch {
  index: number;
  text: string;
}

/** A compiled list of terms: every match in a text, earliest first, non-overlapping. */
export interface TermScanner {
  matchAll(text: string): TermMatch[];
}

/** Which optional endings follow a term's last word. */
type Ending = "plural" | "es" | "none";

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The node after a separator between two words (`[\s-]?`). */
  sep: TrieNode | null;
  /** Terms ending here: their rank (position in the list) and ending, lowest rank first. */
  ends: { rank: number; ending: Ending }[];
  /** Lowest rank of any term at or below this node (to stop early). */
  best: number;
}

const PLURALS: Record<Ending, readonly string[]> = { plural: ["es", "s", ""], es: ["es", ""], none: [""] };
const POSSESSIVES = ["'s", "'", ""] as const;
const SEPARATOR = /[\s-]/;

const newNode = (): TrieNode => ({ next: new Map(), sep: null, ends: [], best: Number.POSITIVE_INFINITY });

/** A UTF-16 unit as a non-unicode case-insensitive regex compares it (ECMA-262 Canonicalize). */
function canonicalize(unit: string): string {
  const code = unit.charCodeAt(0);
  // ASCII, nearly every unit of a lesson: only a–z change.
  if (code < 128) return code >= 97 && code <= 122 ? String.fromCharCode(code - 32) : unit;
  const upper = unit.toUpperCase();
  if (upper.length !== 1) return unit;
  if (upper.charCodeAt(0) < 128) return unit;
  return upper;
}

/** The regex's word class [A-Za-z0-9\u00C0-\u024F]. */
function inWordClass(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f);
}

/** The word-character test at both ends of a match, as the regex of that case mode applies it. */
function wordCharTest(caseSensitive: boolean): (unit: string) => boolean {
  if (caseSensitive) return (unit) => inWordClass(unit.charCodeAt(0));
  const canonicalClass = new Set<string>();
  for (let code = 0; code <= 0x24f; code++) if (inWordClass(code)) canonicalClass.add(canonicalize(String.fromCharCode(code)));
  const known = new Map<number, boolean>();
  return (unit) => {
    const code = unit.charCodeAt(0);
    if (code < 128) return inWordClass(code);
    let word = known.get(code);
    if (word === undefined) {
      word = canonicalClass.has(canonicalize(unit));
      known.set(code, word);
    }
    return word;
  };
}

/**
 * Compiles terms, in priority order, into a scanner (see the header for the exact semantics).
 * @example compileTerms(["Init container", "container"], false).matchAll("two init-containers") // [{ index: 4, text: "init-containers" }]
 */
export function compileTerms(terms: readonly string[], caseSensitive: boolean): TermScanner {
  const key = caseSensitive ? (unit: string) => unit : canonicalize;
  const isWordChar = wordCharTest(caseSensitive);
  const root = newNode();
  terms.forEach((term, rank) => {
    const words = termWords(term);
    let node = root;
    const path = [root];
    words.forEach((word, w) => {
      if (w > 0) {
        node.sep ??= newNode();
        node = node.sep;
        path.push(node);
      }
      for (const unit of word) {
        // Per UTF-16 unit, as a non-unicode regex reads its pattern.
        for (let i = 0; i < unit.length; i++) {
          const k = key(unit[i]!);
          let child = node.next.get(k);
          if (!child) {
            child = newNode();
            node.next.set(k, child);
          }
          node = child;
          path.push(node);
        }
      }
    });
    const last = words.at(-1) ?? "";
    const ending: Ending = /[A-Za-z]$/.test(last) ? (/[^s]$/i.test(last) ? "plural" : "es") : "none";
    node.ends.push({ rank, ending });
    for (const n of path) n.best = Math.min(n.best, rank);
  });

  /** Whether `expected` (ASCII) stands at `at`, compared as the case mode compares. */
  const literalAt = (text: string, at: number, expected: string) => {
    if (at + expected.length > text.length) return false;
    for (let i = 0; i < expected.length; i++) if (key(text[at + i]!) !== key(expected[i]!)) return false;
    return true;
  };
  /** End of the first ending (greedy order) after which no word character follows, or -1. */
  const endingAt = (text: string, at: number, ending: Ending) => {
    for (const plural of PLURALS[ending]) {
      if (!literalAt(text, at, plural)) continue;
      for (const possessive of POSSESSIVES) {
        const end = at + plural.length;
        if (!literalAt(text, end, possessive)) continue;
        const after = end + possessive.length;
        if (after >= text.length || !isWordChar(text[after]!)) return after;
      }
    }
    return -1;
  };

  /** The first-ranked term matching at `start`: its end, or -1. */
  const matchAt = (text: string, start: number) => {
    let bestRank = Number.POSITIVE_INFINITY;
    let bestEnd = -1;
    const visit = (node: TrieNode, at: number) => {
      if (node.best >= bestRank) return;
      for (const end of node.ends) {
        if (end.rank >= bestRank) break;
        const stop = endingAt(text, at, end.ending);
        if (stop >= 0) {
          bestRank = end.rank;
          bestEnd = stop;
          break;
        }
      }
      if (at < text.length) {
        const child = node.next.get(key(text[at]!));
        if (child) visit(child, at + 1);
      }
      if (node.sep) visit(node.sep, at < text.length && SEPARATOR.test(text[at]!) ? at + 1 : at);
    };
    visit(root, start);
    return bestEnd;
  };

  return {
    matchAll(text) {
      const out: TermMatch[] = [];
      const emptyTerm = root.ends.length > 0;
      let at = 0;
      while (at <= text.length) {
        // Most starts fail on their first unit: test that before the lookbehind and the walk.
        const viable = emptyTerm || (at < text.length && root.next.has(key(text[at]!)));
        const end = viable && (at === 0 || !isWordChar(text[at - 1]!)) ? matchAt(text, at) : -1;
        if (end < 0) {
          at++;
          continue;
        }
        out.push({ index: at, text: text.slice(at, end) });
        at = end > at ? end : at + 1;
      }
      return out;
    },
  };
}
