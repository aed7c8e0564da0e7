/** GraphQL resolvers of concepts: parse arguments, call the concepts service or a loader, shape output. */
import type { GraphQLContext } from "../../graphql/context.ts";
import { toGraphQLConnection } from "../../graphql/connection.ts";
import { pageSize } from "../content/pagination.ts";
import type { Concept } from "./concepts.mappers.ts";
import { conceptLinks } from "./concepts.schemas.ts";
import type { ConceptGraphNode } from "./conceptGraph.ts";
import type {
  ConceptDaysArgs,
  ConceptRelatedArgs,
  QueryConceptArgs,
  QueryConceptGraphArgs,
  QueryConceptPathArgs,
  QueryConceptsArgs,
  Resolvers,
} from "../../graphql/resolvers.generated.ts";

/** Resolvers of concepts.graphql. */
export const conceptsResolvers: Resolvers = {
  Query: {
    concept: (_: unknown, args: QueryConceptArgs, ctx: GraphQLContext) => ctx.services.concepts.get(args.slug),
    concepts: async (_: unknown, args: QueryConceptsArgs, ctx: GraphQLContext) =>
      toGraphQLConnection(await ctx.services.concepts.list(args.filter ?? {}, { first: args.first, after: args.after })),
    conceptPath: async (_: unknown, args: QueryConceptPathArgs, ctx: GraphQLContext) => {
      // Unknown concepts answer null here (the REST transport answers 404).
      const [from, to] = await Promise.all([ctx.services.concepts.get(args.from), ctx.services.concepts.get(args.to)]);
      if (!from || !to) return null;
      return ctx.services.concepts.conceptPath(from.slug, to.slug);
    },
    conceptGraph: async (_: unknown, args: QueryConceptGraphArgs, ctx: GraphQLContext) => {
      // An unknown focus answers null here (the REST transport answers 404).
      const focus = args.focus ? await ctx.services.concepts.get(args.focus) : null;
      if (args.focus && !focus) return null;
      const graph = await ctx.services.concepts.graph({ category: args.category, kinds: args.kinds, focus: focus?.slug ?? null, depth: args.depth });
      const query = new URLSearchParams();
      if (args.category) query.set("category", args.category);
      if (args.kinds?.length) query.set("kinds", args.kinds.join(","));
      if (graph.focus) {
        query.set("focus", graph.focus.slug);
        query.set("depth", String(graph.depth));
      }
      const search = query.toString();
      return { ...graph, svgUrl: `${ctx.base}/api/v1/concepts/graph.svg${search ? `?${search}` : ""}` };
    },
  },
  ConceptGraphNode: {
    url: (node: ConceptGraphNode, _: unknown, ctx: GraphQLContext) => `${ctx.base}${conceptLinks(node.concept.slug).self}`,
  },
  Concept: {
    days: async (concept: Concept, args: ConceptDaysArgs, ctx: GraphQLContext) => {
      const first = pageSize(args.first ?? 100);
      const rows = await ctx.loaders.daysByConceptId.load(concept.id);
      return rows
        .filter((r) => !args.focusOnly || r.focus)
        .slice(0, first)
        .map((r) => r.day);
    },
    references: (concept: Concept, _: unknown, ctx: GraphQLContext) => ctx.loaders.referencesByConceptId.load(concept.id),
    prerequisites: (concept: Concept, _: unknown, ctx: GraphQLContext) => ctx.loaders.prerequisitesByConceptId.load(concept.id),
    related: (concept: Concept, args: ConceptRelatedArgs, ctx: GraphQLContext) =>
      ctx.loaders.relatedByConcept.load({ id: concept.id, first: pageSize(args.first ?? 10), kinds: args.kinds?.length ? [...args.kinds].sort() : null }),
  },
};
