/** GraphQL resolvers of challenges: the same service as GET /api/v1/challenges. */
import type { GraphQLContext } from "../../graphql/context.ts";

/** Resolvers of challenges.graphql. */
export const challengesResolvers = {
  Query: {
    challenges: (_: unknown, _args: unknown, ctx: GraphQLContext) => ctx.services.challengeList.list(),
    challenge: (_: unknown, args: { slug: string }, ctx: GraphQLContext) => ctx.services.challengeList.get(args.slug),
  },
};
