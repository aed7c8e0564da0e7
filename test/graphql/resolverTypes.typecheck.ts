/**
 * Checked by `npm run typecheck` (tsc), not run: the generated `Resolvers` type refuses
 * resolvers that disagree with schema.graphql and the mappers. Each `@ts-expect-error`
 * fails the type check when its line stops being an error, e.g. when the mappers or the
 * generated file are loosened to `any`.
 */
import type { Resolvers } from "../../src/graphql/resolvers.generated.ts";

export const resolverTypeChecks: Resolvers[] = [
  // @ts-expect-error Query.day resolves a Day (days.mappers.ts), not a string.
  { Query: { day: () => "day 13" } },
  // @ts-expect-error Query.day's `number` is an Int.
  { Query: { day: (_, args) => (args.number.toUpperCase(), null) } },
  // @ts-expect-error A Day's field resolvers receive the Day of days.mappers.ts, which has no `secret`.
  { Day: { title: (day) => day.secret } },
  // @ts-expect-error The context is GraphQLContext, which has no `db`.
  { Query: { apiVersion: (_, __, ctx) => ctx.db } },
  // @ts-expect-error The search union resolves only to one of its members.
  { SearchResult: { __resolveType: () => "Learner" } },
];
