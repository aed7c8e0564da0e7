/**
 * The GraphQL schema is assembled from one SDL file and one resolver map per
 * domain module. `npm run schema:print` writes the result to schema.graphql,
 * which a test keeps identical.
 */
import { readFileSync } from "node:fs";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import { learnersResolvers } from "../modules/learners/learners.resolvers.ts";
import { progressResolvers } from "../modules/progress/progress.resolvers.ts";

const sdl = (url: URL) => readFileSync(url, "utf8");

/** Every module's contribution: its SDL and its resolvers. */
export const graphqlModules: { typeDefs: string; resolvers: Record<string, unknown> }[] = [
  { typeDefs: sdl(new URL("./base.graphql", import.meta.url)), resolvers: { Query: { apiVersion: () => "1" } } },
  { typeDefs: sdl(new URL("../modules/learners/learners.graphql", import.meta.url)), resolvers: learnersResolvers },
  { typeDefs: sdl(new URL("../modules/progress/progress.graphql", import.meta.url)), resolvers: progressResolvers },
];

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: graphqlModules.map((m) => m.typeDefs),
    resolvers: graphqlModules.map((m) => m.resolvers) as never,
  });
}
