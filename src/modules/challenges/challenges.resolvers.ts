/** GraphQL resolvers of challenges: the same service as GET /api/v1/challenges. */
import type { GraphQLContext } from "../../graphql/context.ts";
import type { QueryChallengeArgs, Resolvers } from "../../graphql/resolvers.generated.ts";

/** Resolvers of challenges.graphql. */
export const challengesResolvers: Resolvers = {
  Query: {
    challenges: (_: unknown, _args: unknown, ctx: GraphQLContext) => ctx.services.challengeList.list(),
    challenge: (_: unknown, args: QueryChallengeArgs, ctx: GraphQLContext) => ctx.services.challengeList.get(args.slug),
  },
};
