/**
 * MCP tools of spaced review, built for a chat: `review_due` gives questions
 * WITHOUT answers, and `answer_review` reveals a card's answer only once the
 * learner has replied, then records their rating. Chat models otherwise show the
 * answer at once or ask for a rating before the learner has tried; the tool
 * descriptions spell the workflow out. Learner only; acts for that learner alone.
 */
import { z } from "zod";
import { unauthenticated } from "../../errors.ts";
import { citedText, type Source } from "../../mcp/citedText.ts";
import { defineTool, maxCharsArg, readOnly, type ToolContext } from "../../mcp/tool.ts";
import type { Viewer } from "../learners/learners.types.ts";
import { RatingSchema, ReviewCardSchema, ReviewQuestionSchema } from "./review.schemas.ts";
import type { ReviewCardView } from "./review.service.ts";

function learnerOf(ctx: ToolContext): Viewer {
  if (!ctx.viewer) throw unauthenticated("This tool needs a learner's token");
  return ctx.viewer;
}

/** A card without its answer. */
const questionOnly = ({ answer: _answer, ...card }: ReviewCardView) => card;

const reviewSource = (ctx: ToolContext): Source => ({ title: "Your review cards (private)", url: ctx.links.path("/api/v1/me/review") });
const cardSources = (ctx: ToolContext, card: ReviewCardView): Source[] => [
  ...(card.day ? [{ title: `Day ${card.day} (lesson)`, url: ctx.links.dayMarkdown(card.day) }] : []),
  ...(card.concept ? [{ title: `${card.concept} (concept)`, url: ctx.links.path(`/api/v1/concepts/${card.concept}.md`) }] : []),
  reviewSource(ctx),
];

/** The review tools (learner only). */
export const reviewTools = [
  defineTool({
    name: "review_due",
    title: "Review cards due now",
    description:
      "The learner's spaced-review questions due now (from lessons they marked DONE and the concepts those lessons focus on), scheduled by FSRS. " +
      "Returns QUESTIONS ONLY, never answers. Workflow: ask the learner ONE question at a time and wait for their reply; do not hint at or reveal the answer, " +
      "and do not ask for a rating yet. When they have replied, call answer_review with the card id and their reply (no rating) to get the answer; " +
      "then show it, compare it with their reply, let them rate how well they remembered (again, hard, good, easy), and call answer_review again with that rating.",
    input: {
      limit: z.number().int().min(1, "limit must be 1–20").max(20, "limit must be 1–20").default(5).describe("How many questions (default 5)"),
      maxChars: maxCharsArg,
    },
    output: { today: z.string(), timezone: z.string(), items: z.array(ReviewQuestionSchema), dueCount: z.number().int(), totalCards: z.number().int() },
    annotations: readOnly,
    needsLearner: true,
    async run({ limit, maxChars }, ctx) {
      const due = await ctx.services.review.due(learnerOf(ctx), { limit });
      const items = due.items.map(questionOnly);
      const body = items.length
        ? [
            `${due.dueCount} card${due.dueCount === 1 ? "" : "s"} due today (${due.today}, ${due.timezone}); ask one at a time, answers stay hidden until the learner replied:`,
            "",
            ...items.map((c, i) => `${i + 1}. [card ${c.id}] ${c.question}`),
          ].join("\n")
        : due.totalCards
          ? `Nothing is due now (${due.totalCards} cards scheduled). Come back later.`
          : "No review cards yet: they come from lessons marked DONE (mark_lesson).";
      return { text: citedText(body, [reviewSource(ctx)], maxChars), data: { ...due, items } };
    },
  }),

  defineTool({
    name: "answer_review",
    title: "Reveal a review answer, then record the rating",
    description:
      "Step 2 and 3 of a review (after review_due). Call it only AFTER the learner has replied to the question in their own words, passing that reply. " +
      "Without `rating` it reveals the card's answer and records nothing: show the answer, compare it with the reply, then ask the learner how well they " +
      "remembered (again = forgot, hard, good, easy). With `rating` (the learner's own choice) it records the review and returns the next due date from FSRS. " +
      "Never pass a rating in the same turn the answer is revealed.",
    input: {
      cardId: z.string().min(1).max(100).describe("The card id from review_due"),
      reply: z
        .string()
        .trim()
        .min(1, "reply must hold the learner's own answer (ask them first)")
        .max(4000)
        .describe("What the learner answered, in their words"),
      rating: RatingSchema.optional().describe("The learner's rating, once they have seen the answer"),
    },
    output: { card: ReviewCardSchema, reply: z.string(), recorded: z.boolean(), rating: RatingSchema.nullable() },
    annotations: { readOnlyHint: false, idempotentHint: false, destructiveHint: false, openWorldHint: false },
    needsLearner: true,
    async run({ cardId, reply, rating }, ctx) {
      const viewer = learnerOf(ctx);
      if (!rating) {
        const card = await ctx.services.review.card(viewer, cardId);
        const body = [
          `Question: ${card.question}`,
          "",
          `The learner replied: ${reply}`,
          "",
          "Answer:",
          card.answer,
          "",
          "Show the answer, compare it with the reply, and ask the learner to rate how well they remembered: again, hard, good or easy. Then call answer_review with their rating.",
        ].join("\n");
        return { text: citedText(body, cardSources(ctx, card)), data: { card, reply, recorded: false, rating: null } };
      }
      const { card } = await ctx.services.review.answer(viewer, cardId, rating);
      const body = [`Recorded "${rating}" for: ${card.question}`, "", "Answer:", card.answer, "", `Next review: ${card.dueDate} (${card.due}).`].join("\n");
      return { text: citedText(body, cardSources(ctx, card)), data: { card, reply, recorded: true, rating } };
    },
  }),
];
