/**
 * GraphQL resolvers of spaced review: `me { review }` and `answerReview`, over the review service.
 */
import { ownerOf, viewerOf, type GraphQLContext } from "../../graphql/context.ts";
import type { LearnerView } from "../learners/learners.types.ts";
import type { LearnerReviewArgs, MutationAnswerReviewArgs, Resolvers } from "../../graphql/resolvers.generated.ts";

/** Resolvers of review.graphql: due cards and answers. */
export const reviewResolvers: Resolvers = {
  Learner: {
    review: (l: LearnerView, a: LearnerReviewArgs, ctx: GraphQLContext) => ctx.services.review.due(ownerOf(l, ctx), { limit: a.first ?? undefined }),
  },
  Mutation: {
    answerReview: (_: unknown, { input }: MutationAnswerReviewArgs, ctx: GraphQLContext) =>
      ctx.services.review.answer(viewerOf(ctx), input.cardId, input.rating),
  },
};
