/** GraphQL resolvers of public profiles: the same service and rule as GET /api/v1/learners/{handle}. */
import type { GraphQLContext } from "../../graphql/context.ts";
import { toPublicCardJson } from "./profiles.schemas.ts";
import type { QueryLearnerArgs, Resolvers } from "../../graphql/resolvers.generated.ts";

/** Resolvers of profiles.graphql. */
export const profilesResolvers: Resolvers = {
  Query: {
    /** Unknown and private are both null here (REST answers 404 for both). */
    learner: async (_: unknown, args: QueryLearnerArgs, ctx: GraphQLContext) => {
      const found = await ctx.services.profiles.card(args.handle);
      if (!found) return null;
      const card = toPublicCardJson(found, ctx.base);
      return { ...card, heatmapUrl: card.links.heatmap, badgeUrl: card.links.badge };
    },
  },
};
