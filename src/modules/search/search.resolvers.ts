/** GraphQL resolvers of search. */
import { toGraphQLConnection } from "../../graphql/connection.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import type { SearchType } from "./searchIndex.ts";
import type { SearchHit } from "./search.service.ts";

const typeNames: Record<SearchType, string> = { DAY: "Day", CONCEPT: "Concept", REFERENCE: "Reference" };
/** Each node remembers the type of its hit, so the union resolves without guessing from fields. */
const nodeTypes = new WeakMap<object, string>();

type SearchArgs = { query: string; types?: SearchType[] | null; first?: number | null; after?: string | null };

/** The page of hits the arguments ask for, each node tagged with its union member. */
async function searchPage(args: SearchArgs, ctx: GraphQLContext) {
  const page = await ctx.services.search.searchPage(args.query, { types: args.types, first: args.first, after: args.after });
  for (const h of page.items) nodeTypes.set(h.node, typeNames[h.type]);
  return page;
}

/** Resolvers of search.graphql. */
export const searchResolvers = {
  Query: {
    search: async (_: unknown, args: SearchArgs, ctx: GraphQLContext) => (await searchPage(args, ctx)).items,
    searchConnection: async (_: unknown, args: SearchArgs, ctx: GraphQLContext) => toGraphQLConnection(await searchPage(args, ctx)),
  },
  SearchHit: {
    node: (hit: SearchHit) => hit.node,
  },
  SearchResult: {
    __resolveType: (node: object) => nodeTypes.get(node) ?? ("number" in node ? "Day" : "slug" in node ? "Concept" : "Reference"),
  },
};
