/** GraphQL resolvers of references. */
import type { GraphQLContext } from "../../graphql/context.ts";
import { toGraphQLConnection } from "../../graphql/connection.ts";
import { pageSize } from "../content/pagination.ts";
import type { Day } from "../days/days.mappers.ts";
import type { Reference } from "./references.mappers.ts";
import type { QueryReferencesArgs, ReferenceDaysArgs, Resolvers } from "../../graphql/resolvers.generated.ts";

/** Resolvers of references.graphql. */
export const referencesResolvers: Resolvers = {
  Query: {
    references: async (_: unknown, args: QueryReferencesArgs, ctx: GraphQLContext) =>
      toGraphQLConnection(await ctx.services.references.list(args.filter ?? {}, { first: args.first, after: args.after })),
  },
  Day: {
    citations: (day: Day, _: unknown, ctx: GraphQLContext) => ctx.loaders.citationsByDayId.load(day.id),
  },
  Reference: {
    days: async (reference: Reference, args: ReferenceDaysArgs, ctx: GraphQLContext) =>
      (await ctx.loaders.daysByReferenceId.load(reference.id)).slice(0, pageSize(args.first ?? 100)),
  },
};
