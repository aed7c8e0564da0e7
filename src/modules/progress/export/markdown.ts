/**
 * The journal as Markdown: a title, then one section per logged date (newest
 * last) with the minutes, what was learned, the lessons and concepts touched
 * (linked to their pages under `base`) and the share text.
 */
import type { Journal } from "./journal.ts";

/** Escapes text for use inside a Markdown link label. */
const label = (s: string) => s.replace(/([\\[\]])/g, "\\$1");

/** Renders the journal; `base` is the public origin of the API (http://host). */
export function journalMarkdown(j: Journal, base: string): string {
  const out: string[] = [
    `# ${j.challenge.name} journal of ${j.learner.displayName} (@${j.learner.handle})`,
    "",
    `Exported ${j.exportedAt.toISOString()} · time zone ${j.learner.timezone} · ${j.entries.length} logged date${j.entries.length === 1 ? "" : "s"} · a date counts from ${j.challenge.minMinutesPerDay} minutes.`,
  ];
  for (const e of j.entries) {
    out.push("", `## ${e.date}${e.dayOfAttempt ? ` · day ${e.dayOfAttempt}` : ""}`, "");
    out.push(`- Minutes: ${e.minutes} (${e.counted ? "counted" : "below the minimum, not counted"}), logged in ${e.timezone}`);
    if (e.lessons.length)
      out.push(`- Lessons: ${e.lessons.map((l) => `[${label(`Day ${l.day}${l.title ? `: ${l.title}` : ""}`)}](${base}/api/v1/days/${l.day})`).join(", ")}`);
    if (e.concepts.length)
      out.push(`- Concepts: ${e.concepts.map((c) => `[${label(c.name ?? c.slug)}](${base}/api/v1/concepts/${encodeURIComponent(c.slug)})`).join(", ")}`);
    out.push("", "### What I learned", "", e.learned.trim() || "_(nothing written)_");
    out.push("", "### Share", "", ...e.share.split("\n").map((line) => `> ${line}`));
  }
  return `${out.join("\n")}\n`;
}
