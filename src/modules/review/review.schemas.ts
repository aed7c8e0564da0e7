/**
 * zod schemas of spaced review (REST validation, OpenAPI, MCP output).
 */
import { z } from "../../rest/openapiZod.ts";
import { reviewRatings, type ReviewRating } from "./scheduling.ts";

/** How well the learner recalled a card. */
export const RatingSchema = z.enum(reviewRatings as [ReviewRating, ...ReviewRating[]]).openapi("ReviewRating", {
  description: "again (forgot), hard, good or easy",
});

const cardFields = {
  id: z.string(),
  key: z.string().openapi({ description: "Stable content key", example: "66daysofk8s/day/12/takeaways" }),
  kind: z.enum(["TAKEAWAYS", "TASKS", "CONCEPT"]),
  day: z.number().int().nullable(),
  concept: z.string().nullable(),
  question: z.string(),
  state: z.enum(["NEW", "LEARNING", "REVIEW", "RELEARNING"]),
  due: z.string().openapi({ description: "When the card is due next (ISO instant)" }),
  dueDate: z.string().openapi({ description: "The date it is due on in the learner's zone" }),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: z.string().nullable(),
};

/** A card with its answer (REST, GraphQL, export). */
export const ReviewCardSchema = z.object({ ...cardFields, answer: z.string() }).openapi("ReviewCard");

/** A card without its answer (MCP review_due: the answer comes after the learner replied). */
export const ReviewQuestionSchema = z.object(cardFields).openapi("ReviewQuestion");

/** The cards due now, questions only. */
export const DueCardsSchema = z
  .object({
    today: z.string(),
    timezone: z.string(),
    items: z.array(ReviewCardSchema),
    dueCount: z.number().int(),
    totalCards: z.number().int(),
  })
  .openapi("DueReviewCards");

/** Body of POST /me/review/{cardId}. */
export const AnswerBody = z.object({ rating: RatingSchema }).openapi("AnswerReview");

/** An answered card with its answer and next due date. */
export const AnsweredSchema = z.object({ rating: RatingSchema, card: ReviewCardSchema }).openapi("AnsweredReview");

/** The review cards in a learner's export. */
export const ReviewExportSchema = z
  .object({
    cards: z.array(ReviewCardSchema),
    logs: z.array(
      z.object({ cardId: z.string(), rating: RatingSchema, state: z.string(), due: z.string(), scheduledDays: z.number().int(), reviewedAt: z.string() }),
    ),
  })
  .openapi("ReviewExport");
