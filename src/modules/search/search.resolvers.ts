/** GraphQL resolvers of search. */
import { toGraphQLConnection } from "../../graphql/connection.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import type { SearchType } from "./searchIndex.ts";
import type { SearchHit } from "./search.service.ts";
import type { QuerySearchArgs, QuerySearchConnectionArgs, Resolvers } from "../../graphql/resolvers.generated.ts";

const typeNames = { DAY: "Day", CONCEPT: "Concept", REFERENCE: "Reference" } as const satisfies Record<SearchType, string>;
/** Each node remembers the type of its hit, so the union resolves without guessing from fields. */
const nodeTypes = new WeakMap<object, (typeof typeNames)[SearchType]>();

/** The page of hits the arguments ask for, each node tagged with its union member. */
async function searchPage(args: QuerySearchArgs, ctx: GraphQLContext) {
  const page = await ctx.services.search.searchPage(args.query, { types: args.types, first: args.first, after: args.after });
  for (const h of page.items) nodeTypes.set(h.node, typeNames[h.type]);
  return page;
}

/** Resolvers of search.graphql. */
export const searchResolvers: Resolvers = {
  Query: {
    search: async (_: unknown, args: QuerySearchArgs, ctx: GraphQLContext) => (await searchPage(args, ctx)).items,
    searchConnection: async (_: unknown, args: QuerySearchConnectionArgs, ctx: GraphQLContext) => toGraphQLConnection(await searchPage(args, ctx)),
  },
  SearchHit: {
    node: (hit: SearchHit) => hit.node,
  },
  SearchResult: {
    __resolveType: (node: object) => nodeTypes.get(node) ?? ("number" in node ? "Day" : "slug" in node ? "Concept" : "Reference"),
  },
};
