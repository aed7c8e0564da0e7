/** GraphQL resolvers of search. */
import type { GraphQLContext } from "../../graphql/context.ts";
import type { SearchType } from "./searchIndex.ts";
import type { SearchHit } from "./search.service.ts";

const typeNames: Record<SearchType, string> = { DAY: "Day", CONCEPT: "Concept", REFERENCE: "Reference" };
/** Each node remembers the type of its hit, so the union resolves without guessing from fields. */
const nodeTypes = new WeakMap<object, string>();

/** Resolvers of search.graphql. */
export const searchResolvers = {
  Query: {
    search: async (_: unknown, args: { query: string; types?: SearchType[] | null; first?: number | null }, ctx: GraphQLContext) => {
      const hits = await ctx.services.search.search(args.query, { types: args.types, first: args.first });
      for (const h of hits) nodeTypes.set(h.node, typeNames[h.type]);
      return hits;
    },
  },
  SearchHit: {
    node: (hit: SearchHit) => hit.node,
  },
  SearchResult: {
    __resolveType: (node: object) => nodeTypes.get(node) ?? ("number" in node ? "Day" : "slug" in node ? "Concept" : "Reference"),
  },
};
