/**
 * PURE: an import's warnings summed up by kind in one line, printed before the list
 * ("7 warnings: 1 dead link, 6 oversized files"), so a long list reads at a glance.
 */
import type { ImportWarning } from "./lesson.ts";

/** Kinds of warning, recognised by the start of the importer's own messages. */
const KINDS: [RegExp, string, string][] = [
  [/^dead link\b/, "dead link", "dead links"],
  [/over the \d+-byte limit/, "oversized file", "oversized files"],
  [/^(unreadable|not UTF-8|skipped: binary|not a valid)/, "unreadable file", "unreadable files"],
  [/^invalid YAML/, "invalid manifest", "invalid manifests"],
  [/^manifest object without/, "incomplete manifest object", "incomplete manifest objects"],
  [/^link ".*" is not a valid URL/, "invalid URL", "invalid URLs"],
];

/** The kind of one warning ("lesson format" for the problems of a lesson's own structure). */
export function warningKind(w: ImportWarning): string {
  return KINDS.find(([re]) => re.test(w.message))?.[1] ?? "lesson format";
}

/**
 * One line: the count and the count per kind, most frequent first.
 * @example summarizeWarnings([{ file: "a", line: 3, message: 'dead link "x": …' }]) // "1 warning: 1 dead link"
 */
export function summarizeWarnings(warnings: readonly ImportWarning[]): string {
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(warningKind(w), (counts.get(warningKind(w)) ?? 0) + 1);
  const plural = (kind: string, n: number) => (n === 1 ? kind : (KINDS.find(([, one]) => one === kind)?.[2] ?? `${kind} problems`));
  const parts = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([kind, n]) => `${n} ${plural(kind, n)}`);
  return `${warnings.length} warning${warnings.length === 1 ? "" : "s"}: ${parts.join(", ")}`;
}
