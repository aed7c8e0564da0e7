/**
 * REST endpoints of spaced review: GET /me/review (cards due now) and
 * POST /me/review/{cardId} (answer one; FSRS gives the next due date).
 */
import { z } from "../../rest/openapiZod.ts";
import { requireViewer } from "../../http/auth.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { AnswerBody, AnsweredSchema, DueCardsSchema } from "./review.schemas.ts";

/** Registers GET /me/review and POST /me/review/{cardId}. */
export function reviewRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get",
    path: "/me/review",
    summary: "Review cards due now",
    tags: ["review"],
    auth: true,
    cache: "private",
    description:
      "Cards made from the lessons the learner marked DONE (their takeaways and task lists) and the concepts those lessons focus on (glossary summaries), " +
      "scheduled by FSRS. Due now: cards in learning at their instant, cards scheduled days ahead from the start of their date in the learner's zone. Soonest first.",
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: "How many cards, default 20, max 100" }) }),
    response: { schema: DueCardsSchema, description: "Due cards with their answers (show the answer only after the learner tried)" },
    handler: ({ query, res }) => services.review.due(requireViewer(res), query),
  });

  route(api, {
    method: "post",
    path: "/me/review/{cardId}",
    summary: "Answer a review card",
    tags: ["review"],
    auth: true,
    cache: "private",
    description: "Records how well the learner remembered (again, hard, good, easy); FSRS schedules the next review. Someone else's card is 404.",
    params: z.object({ cardId: z.string().max(100) }),
    body: AnswerBody,
    errors: [404, 415],
    response: { schema: AnsweredSchema, description: "The card with its next due date" },
    handler: ({ params, body, res }) => services.review.answer(requireViewer(res), params.cardId, body.rating),
  });
}
