/**
 * GraphQL resolvers of the streak explanation (`me { streak }`), over the progress service.
 */
import { ownerOf, type GraphQLContext } from "../../graphql/context.ts";
import type { LearnerView } from "../learners/learners.types.ts";

export const streakResolvers = {
  Learner: {
    streak: (l: LearnerView, _: unknown, ctx: GraphQLContext) => ctx.services.progress.streak(ownerOf(l, ctx)),
  },
};
