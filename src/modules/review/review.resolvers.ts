/**
 * GraphQL resolvers of spaced review: `me { review }` and `answerReview`, over the review service.
 */
import { ownerOf, viewerOf, type GraphQLContext } from "../../graphql/context.ts";
import type { LearnerView } from "../learners/learners.types.ts";
import type { ReviewRating } from "./scheduling.ts";

export const reviewResolvers = {
  Learner: {
    review: (l: LearnerView, a: { first?: number | null }, ctx: GraphQLContext) => ctx.services.review.due(ownerOf(l, ctx), { limit: a.first ?? undefined }),
  },
  Mutation: {
    answerReview: (_: unknown, { input }: { input: { cardId: string; rating: ReviewRating } }, ctx: GraphQLContext) =>
      ctx.services.review.answer(viewerOf(ctx), input.cardId, input.rating),
  },
};
