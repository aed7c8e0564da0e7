/**
 * GraphQL resolvers of the streak explanation (`me { streak }`), over the progress service.
 */
import { ownerOf, type GraphQLContext } from "../../graphql/context.ts";
import type { LearnerView } from "../learners/learners.types.ts";
import type { Resolvers } from "../../graphql/resolvers.generated.ts";

/** Resolvers of streak.graphql: the streak explained date by date. */
export const streakResolvers: Resolvers = {
  Learner: {
    streak: (l: LearnerView, _: unknown, ctx: GraphQLContext) => ctx.services.progress.streak(ownerOf(l, ctx)),
  },
};
