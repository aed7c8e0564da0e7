/**
 * Compact, cited text for chatbots: every text a tool returns ends with the
 * sources a model can quote, and its length is bounded by the caller's
 * `maxChars` (default 4000). The sources survive truncation: the body is cut
 * first, at a line or word boundary, and a marker says how much was left out.
 */

/** Default length bound of a tool's text. */
export const DEFAULT_MAX_CHARS = 4000;
/** Smallest and largest `maxChars` a caller may ask for. */
export const MIN_MAX_CHARS = 200;
/** Largest `maxChars` a caller may ask for. */
export const MAX_MAX_CHARS = 20_000;

/** One source a text is based on: a lesson or an external page. */
export interface Source {
  title: string;
  url: string;
}

/** The marker that ends a truncated body, e.g. "[… truncated: 1234 more characters; raise maxChars to read on]". */
export function truncationMarker(omitted: number): string {
  return `[… truncated: ${omitted} more characters; raise maxChars to read on]`;
}

/** A "Sources" block in markdown, one link a line; empty when there are none. Duplicate URLs are listed once. */
export function sourcesBlock(sources: readonly Source[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const s of sources) {
    if (!s.url || seen.has(s.url)) continue;
    seen.add(s.url);
    lines.push(`- ${s.title}: ${s.url}`);
  }
  return lines.length ? `Sources:\n${lines.join("\n")}` : "";
}

/**
 * Joins `body` and its sources into at most `maxChars` characters. When too long,
 * the body is cut (preferably at a line, else a word boundary) and ends with the
 * truncation marker; the sources block is kept whole unless it alone exceeds the bound.
 *
 * @example citedText("# Day 13 …", [{ title: "Day 13", url: "https://…/api/v1/days/13.md" }], 4000)
 */
export function citedText(body: string, sources: readonly Source[], maxChars = DEFAULT_MAX_CHARS): string {
  const tail = sourcesBlock(sources);
  const whole = tail ? `${body.trimEnd()}\n\n${tail}` : body.trimEnd();
  if (whole.length <= maxChars) return whole;
  const tailPart = tail ? `\n\n${tail}` : "";
  // Leave room for the marker with the largest possible count.
  const room = maxChars - tailPart.length - truncationMarker(body.length).length - 1;
  if (room < 40) return cut(whole, maxChars);
  const kept = cutAtBoundary(body, room);
  return `${kept}\n${truncationMarker(body.length - kept.length)}${tailPart}`;
}

/** `text` bounded to `maxChars`, with the truncation marker when cut. */
export function boundedText(text: string, maxChars = DEFAULT_MAX_CHARS): string {
  return text.length <= maxChars ? text : cut(text, maxChars);
}

function cut(text: string, maxChars: number): string {
  const marker = truncationMarker(text.length);
  const room = Math.max(0, maxChars - marker.length - 1);
  const kept = cutAtBoundary(text, room);
  return `${kept}\n${truncationMarker(text.length - kept.length)}`.slice(0, maxChars);
}

function cutAtBoundary(text: string, room: number): string {
  const head = text.slice(0, room);
  const line = head.lastIndexOf("\n");
  if (line >= room * 0.6) return head.slice(0, line).trimEnd();
  const word = head.lastIndexOf(" ");
  if (word >= room * 0.6) return head.slice(0, word).trimEnd();
  return head;
}
