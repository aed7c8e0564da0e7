/**
 * Review cards made from the store's own content — no generated text: for each
 * lesson a learner marked DONE, its takeaways and its task list; for each concept
 * that is a focus of such a lesson, its glossary summary. Pure: content in, drafts out.
 *
 * Keys are stable content keys (challenge slug + day number + list, or the concept
 * slug), never database ids, so a re-import that rewrites every row keeps each card
 * and its schedule.
 */

/** What a card asks about. */
export type CardKind = "TAKEAWAYS" | "TASKS" | "CONCEPT";

/** A card as the content defines it (the schedule lives in the database). */
export interface CardDraft {
  key: string;
  kind: CardKind;
  challengeSlug: string | null;
  dayNumber: number | null;
  conceptSlug: string | null;
  question: string;
  answer: string;
}

/** A lesson the learner finished, with what cards are made of. */
export interface DoneLesson {
  challengeSlug: string;
  number: number;
  title: string;
  takeaways: string[];
  tasks: string[];
  /** Concepts the lesson focuses on. */
  concepts: { slug: string; name: string; summary: string; aliases: string[] }[];
}

/** The stable key of a lesson's card. */
export const lessonCardKey = (challengeSlug: string, day: number, list: "takeaways" | "tasks") => `${challengeSlug}/day/${day}/${list}`;
/** The stable key of a concept's card. */
export const conceptCardKey = (slug: string) => `concept/${slug}`;

const bullets = (items: string[]) => items.map((t) => `- ${t.trim()}`).join("\n");
const numbered = (items: string[]) => items.map((t, i) => `${i + 1}. ${t.trim()}`).join("\n");

/** Every card the finished lessons give, one per key, in lesson order. */
export function cardDrafts(lessons: readonly DoneLesson[]): CardDraft[] {
  const out = new Map<string, CardDraft>();
  for (const l of [...lessons].sort((a, b) => a.number - b.number)) {
    const takeaways = l.takeaways.filter((t) => t.trim());
    const tasks = l.tasks.filter((t) => t.trim());
    if (takeaways.length) {
      const key = lessonCardKey(l.challengeSlug, l.number, "takeaways");
      out.set(key, {
        key,
        kind: "TAKEAWAYS",
        challengeSlug: l.challengeSlug,
        dayNumber: l.number,
        conceptSlug: null,
        question: `Day ${l.number}, "${l.title}": what ${takeaways.length === 1 ? "is the key takeaway" : `are the ${takeaways.length} key takeaways`}?`,
        answer: bullets(takeaways),
      });
    }
    if (tasks.length) {
      const key = lessonCardKey(l.challengeSlug, l.number, "tasks");
      out.set(key, {
        key,
        kind: "TASKS",
        challengeSlug: l.challengeSlug,
        dayNumber: l.number,
        conceptSlug: null,
        question: `Day ${l.number}, "${l.title}": which ${tasks.length === 1 ? "task does" : `${tasks.length} tasks do`} the lesson have you do, in order?`,
        answer: numbered(tasks),
      });
    }
    for (const c of l.concepts) {
      const key = conceptCardKey(c.slug);
      if (out.has(key) || !c.summary.trim()) continue;
      out.set(key, {
        key,
        kind: "CONCEPT",
        challengeSlug: null,
        dayNumber: null,
        conceptSlug: c.slug,
        question: `What is ${c.name} in Kubernetes${c.aliases.length ? ` (also: ${c.aliases.slice(0, 3).join(", ")})` : ""}?`,
        answer: c.summary.trim(),
      });
    }
  }
  return [...out.values()];
}
