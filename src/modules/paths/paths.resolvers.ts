/** GraphQL resolvers of learning paths. */
import type { GraphQLContext } from "../../graphql/context.ts";

/** Resolvers of paths.graphql. */
export const pathsResolvers = {
  Query: {
    learningPath: (_: unknown, args: { name?: string | null; challenge?: string | null }, ctx: GraphQLContext) => ctx.services.paths.learningPath(args.name, args.challenge),
    learningPaths: (_: unknown, args: { challenge?: string | null }, ctx: GraphQLContext) => ctx.services.paths.names(args.challenge),
    nextDay: (_: unknown, args: { after: number; path?: string | null; challenge?: string | null }, ctx: GraphQLContext) => ctx.services.paths.nextDay(args.after, args.path, args.challenge),
  },
};
