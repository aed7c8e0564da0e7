/** GraphQL resolvers of the snippets list: parse arguments, call the snippets service, shape a connection. */
import { toGraphQLConnection } from "../../graphql/connection.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import type { SnippetFilter } from "./snippets.service.ts";

/** Resolvers of snippets.graphql. */
export const snippetsResolvers = {
  Query: {
    snippets: async (_: unknown, args: SnippetFilter & { first?: number | null; after?: string | null }, ctx: GraphQLContext) =>
      toGraphQLConnection(await ctx.services.snippets.list(
        { language: args.language, day: args.day, challenge: args.challenge },
        { first: args.first, after: args.after },
      )),
  },
};
