/**
 * Spaced review of what a learner finished: cards are made from lessons they marked
 * DONE (reviewCards.ts), scheduled by FSRS (scheduling.ts) and kept per learner,
 * keyed by stable content keys. Every query is filtered by the viewer's id: someone
 * else's card is NOT_FOUND, exactly like a card that does not exist.
 */
import { invalid, notFound } from "../../errors.ts";
import type { Deps } from "../../deps.ts";
import type { Viewer } from "../learners/learners.types.ts";
import { addDays, dateIn, startOfDateIn } from "../progress/calendar.ts";
import { DEFAULT_CHALLENGE } from "../content/defaultChallenge.ts";
import { decodeStringList } from "../content/jsonText.ts";
import { pageSize } from "../content/pagination.ts";
import { cardDrafts, type CardKind, type DoneLesson } from "./reviewCards.ts";
import { answer as schedule, newSchedule, reviewRatings, type CardState, type ReviewRating, type Schedule } from "./scheduling.ts";

/** A review card as the API shows it. */
export interface ReviewCardView {
  id: string;
  key: string;
  kind: CardKind;
  /** The lesson of a TAKEAWAYS or TASKS card. */
  day: number | null;
  /** The concept of a CONCEPT card. */
  concept: string | null;
  question: string;
  answer: string;
  state: CardState;
  /** When the card is due (ISO instant). */
  due: string;
  /** The date it is due on in the learner's zone. */
  dueDate: string;
  reps: number;
  lapses: number;
  lastReview: string | null;
}

/** The cards due now. */
export interface DueCards {
  /** Today in the learner's zone. */
  today: string;
  timezone: string;
  /** Cards due, soonest first (at most `limit`). */
  items: ReviewCardView[];
  /** All cards due now. */
  dueCount: number;
  /** All the learner's cards. */
  totalCards: number;
}

/** What answering a card gives back. */
export interface AnsweredCard {
  rating: ReviewRating;
  /** The card with its next schedule (its `due` is the next due date). */
  card: ReviewCardView;
}

/** One answer in the review history, as exported. */
export interface ReviewLogView {
  cardId: string;
  rating: ReviewRating;
  state: CardState;
  due: string;
  scheduledDays: number;
  reviewedAt: string;
}

/** Spaced review of finished lessons (FSRS), scoped to the viewer. */
export interface ReviewService {
  /** The viewer's cards due now, soonest first (`limit` 1–100, default 20); new cards come from lessons marked DONE. */
  due(viewer: Viewer, options?: { limit?: number | undefined }, slug?: string): Promise<DueCards>;
  /** One of the viewer's cards (NOT_FOUND for anyone else's). */
  card(viewer: Viewer, cardId: string): Promise<ReviewCardView>;
  /** Records an answer: FSRS computes the next due date; the review is logged. */
  answer(viewer: Viewer, cardId: string, rating: ReviewRating): Promise<AnsweredCard>;
  /** All the viewer's cards and review logs, for the export. */
  exportAll(viewer: Viewer): Promise<{ cards: ReviewCardView[]; logs: ReviewLogView[] }>;
}

type CardRow = Schedule & {
  id: string;
  key: string;
  kind: string;
  dayNumber: number | null;
  conceptSlug: string | null;
  question: string;
  answer: string;
  state: string;
  createdAt: Date;
};

/** Creates the review service. */
export function createReviewService(deps: Deps): ReviewService {
  const { db, clock } = deps;
  const p = db.prisma;

  const view = (row: CardRow, timezone: string): ReviewCardView => ({
    id: row.id,
    key: row.key,
    kind: row.kind as CardKind,
    day: row.dayNumber,
    concept: row.conceptSlug,
    question: row.question,
    answer: row.answer,
    state: row.state as CardState,
    due: row.due.toISOString(),
    dueDate: dateIn(row.due, timezone),
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview?.toISOString() ?? null,
  });

  /** Lessons the viewer marked DONE, with their takeaways, tasks and focus concepts. */
  async function doneLessons(viewer: Viewer, slug: string): Promise<DoneLesson[]> {
    const done = await p.lessonProgress.findMany({
      where: { learnerId: viewer.id, challengeSlug: slug, status: "DONE" },
      select: { dayNumber: true },
      take: 1000,
    });
    if (!done.length) return [];
    const days = await p.day.findMany({
      where: { challenge: { slug }, number: { in: done.map((d) => d.dayNumber) } },
      select: {
        number: true,
        title: true,
        items: { where: { list: { in: ["TAKEAWAY", "TASK"] } }, orderBy: { position: "asc" }, select: { list: true, text: true }, take: 200 },
        concepts: { where: { focus: true }, select: { concept: { select: { slug: true, name: true, summary: true, aliases: true } } }, take: 50 },
      },
      take: 1000,
    });
    return days.map((d) => ({
      challengeSlug: slug,
      number: d.number,
      title: d.title,
      takeaways: d.items.filter((i) => i.list === "TAKEAWAY").map((i) => i.text),
      tasks: d.items.filter((i) => i.list === "TASK").map((i) => i.text),
      concepts: d.concepts.map((c) => ({
        slug: c.concept.slug,
        name: c.concept.name,
        summary: c.concept.summary,
        aliases: decodeStringList(c.concept.aliases),
      })),
    }));
  }

  /** Creates the cards the viewer's finished lessons give and refreshes changed texts. */
  async function syncCards(viewer: Viewer, slug: string): Promise<void> {
    const drafts = cardDrafts(await doneLessons(viewer, slug));
    if (!drafts.length) return;
    const existing = await p.reviewCard.findMany({
      where: { learnerId: viewer.id, key: { in: drafts.map((d) => d.key) } },
      select: { id: true, key: true, question: true, answer: true },
      take: drafts.length,
    });
    const byKey = new Map(existing.map((e) => [e.key, e]));
    const now = clock.now();
    const fresh = drafts.filter((d) => !byKey.has(d.key));
    if (fresh.length) {
      const s = newSchedule(now);
      await p.reviewCard.createMany({ data: fresh.map((d) => ({ learnerId: viewer.id, ...d, ...s, createdAt: now })) });
    }
    for (const d of drafts) {
      const e = byKey.get(d.key);
      if (e && (e.question !== d.question || e.answer !== d.answer))
        await p.reviewCard.update({ where: { id: e.id }, data: { question: d.question, answer: d.answer } });
    }
  }

  return {
    /**
     * The viewer's cards due now, soonest first. Cards in learning are due at their
     * instant; a card scheduled days ahead is due from the start of its date in the
     * viewer's zone. New cards come from lessons marked DONE since the last call.
     */
    async due(viewer: Viewer, options: { limit?: number | undefined } = {}, slug = DEFAULT_CHALLENGE): Promise<DueCards> {
      await syncCards(viewer, slug);
      const now = clock.now();
      const today = dateIn(now, viewer.timezone);
      const endOfToday = startOfDateIn(addDays(today, 1), viewer.timezone);
      const take = pageSize(options.limit);
      const dueNow = {
        learnerId: viewer.id,
        OR: [{ due: { lte: now } }, { state: "REVIEW", due: { lt: endOfToday } }],
      };
      const [rows, dueCount, totalCards] = await Promise.all([
        p.reviewCard.findMany({ where: dueNow, orderBy: [{ due: "asc" }, { key: "asc" }], take }),
        p.reviewCard.count({ where: dueNow }),
        p.reviewCard.count({ where: { learnerId: viewer.id } }),
      ]);
      return { today, timezone: viewer.timezone, items: rows.map((r) => view(r as CardRow, viewer.timezone)), dueCount, totalCards };
    },

    /** One of the viewer's cards (NOT_FOUND for anyone else's). */
    async card(viewer: Viewer, cardId: string): Promise<ReviewCardView> {
      const row = await p.reviewCard.findFirst({ where: { id: cardId, learnerId: viewer.id } });
      if (!row) throw notFound("Review card");
      return view(row as CardRow, viewer.timezone);
    },

    /** Records an answer: FSRS computes the next due date; the review is logged. */
    async answer(viewer: Viewer, cardId: string, rating: ReviewRating): Promise<AnsweredCard> {
      if (!reviewRatings.includes(rating)) throw invalid("Invalid rating", [{ path: ["rating"], message: `one of ${reviewRatings.join(", ")}` }]);
      const row = await p.reviewCard.findFirst({ where: { id: cardId, learnerId: viewer.id } });
      if (!row) throw notFound("Review card");
      const next = schedule({ ...row, state: row.state as CardState }, rating, clock.now());
      const [updated] = await p.$transaction([
        p.reviewCard.update({ where: { id: row.id }, data: next.schedule }),
        p.reviewLog.create({ data: { cardId: row.id, learnerId: viewer.id, ...next.log } }),
      ]);
      return { rating, card: view(updated as CardRow, viewer.timezone) };
    },

    /** All the viewer's cards and review logs, for the export. */
    async exportAll(viewer: Viewer) {
      const [cards, logs] = await Promise.all([
        p.reviewCard.findMany({ where: { learnerId: viewer.id }, orderBy: { key: "asc" }, take: 10_000 }),
        p.reviewLog.findMany({ where: { learnerId: viewer.id }, orderBy: { reviewedAt: "asc" }, take: 100_000 }),
      ]);
      return {
        cards: cards.map((c) => view(c as CardRow, viewer.timezone)),
        logs: logs.map((l) => ({
          cardId: l.cardId,
          rating: l.rating as ReviewRating,
          state: l.state as CardState,
          due: l.due.toISOString(),
          scheduledDays: l.scheduledDays,
          reviewedAt: l.reviewedAt.toISOString(),
        })),
      };
    },
  };
}
