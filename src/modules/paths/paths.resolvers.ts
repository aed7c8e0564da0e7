/** GraphQL resolvers of learning paths. */
import type { GraphQLContext } from "../../graphql/context.ts";
import type { QueryLearningPathArgs, QueryLearningPathsArgs, QueryNextDayArgs, Resolvers } from "../../graphql/resolvers.generated.ts";

/** Resolvers of paths.graphql. */
export const pathsResolvers: Resolvers = {
  Query: {
    learningPath: (_: unknown, args: QueryLearningPathArgs, ctx: GraphQLContext) => ctx.services.paths.learningPath(args.name, args.challenge),
    learningPaths: (_: unknown, args: QueryLearningPathsArgs, ctx: GraphQLContext) => ctx.services.paths.names(args.challenge),
    nextDay: (_: unknown, args: QueryNextDayArgs, ctx: GraphQLContext) => ctx.services.paths.nextDay(args.after, args.path, args.challenge),
  },
};
