/** GraphQL resolvers of the snippets list: parse arguments, call the snippets service, shape a connection. */
import { toGraphQLConnection } from "../../graphql/connection.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import type { QuerySnippetsArgs, Resolvers } from "../../graphql/resolvers.generated.ts";

/** Resolvers of snippets.graphql. */
export const snippetsResolvers: Resolvers = {
  Query: {
    snippets: async (_: unknown, args: QuerySnippetsArgs, ctx: GraphQLContext) =>
      toGraphQLConnection(
        await ctx.services.snippets.list({ language: args.language, day: args.day, challenge: args.challenge }, { first: args.first, after: args.after }),
      ),
  },
};
