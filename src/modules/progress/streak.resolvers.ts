/**
 * GraphQL resolvers of the streak explanation (`me { streak }`), over the progress service.
 */
import type { GraphQLContext } from "../../graphql/server.ts";
import { ownerOf } from "../learners/learners.resolvers.ts";
import type { LearnerView } from "../learners/learners.types.ts";

export const streakResolvers = {
  Learner: {
    streak: (l: LearnerView, _: unknown, ctx: GraphQLContext) => ctx.services.progress.streak(ownerOf(l, ctx)),
  },
};
