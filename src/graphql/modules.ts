/**
 * The GraphQL schema is assembled from one SDL file and one resolver map per
 * domain module. `npm run schema:print` writes the result to schema.graphql,
 * which a test keeps identical.
 */
import { readFileSync } from "node:fs";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { printSchema, type GraphQLSchema } from "graphql";
import { conceptsResolvers } from "../modules/concepts/concepts.resolvers.ts";
import { daysResolvers } from "../modules/days/days.resolvers.ts";
import { manifestsResolvers } from "../modules/manifests/manifests.resolvers.ts";
import { snippetsResolvers } from "../modules/snippets/snippets.resolvers.ts";
import { pathsResolvers } from "../modules/paths/paths.resolvers.ts";
import { referencesResolvers } from "../modules/references/references.resolvers.ts";
import { searchResolvers } from "../modules/search/search.resolvers.ts";
import { learnersResolvers } from "../modules/learners/learners.resolvers.ts";
import { progressResolvers } from "../modules/progress/progress.resolvers.ts";
import { profilesResolvers } from "../modules/profiles/profiles.resolvers.ts";
import { streakResolvers } from "../modules/progress/streak.resolvers.ts";
import { reviewResolvers } from "../modules/review/review.resolvers.ts";
import { DateScalar, DateTimeScalar } from "./scalars.ts";
import { challengesResolvers } from "../modules/challenges/challenges.resolvers.ts";

const sdl = (url: URL) => readFileSync(url, "utf8");
const moduleSdl = (path: string) => sdl(new URL(`../modules/${path}`, import.meta.url));

/** Every module's contribution: its SDL and its resolvers. */
export const graphqlModules: { typeDefs: string; resolvers: Record<string, unknown> }[] = [
  { typeDefs: sdl(new URL("./base.graphql", import.meta.url)), resolvers: { Query: { apiVersion: () => "1" }, Date: DateScalar, DateTime: DateTimeScalar } },
  { typeDefs: moduleSdl("challenges/challenges.graphql"), resolvers: challengesResolvers },
  { typeDefs: moduleSdl("days/days.graphql"), resolvers: daysResolvers },
  { typeDefs: moduleSdl("manifests/manifests.graphql"), resolvers: manifestsResolvers },
  { typeDefs: moduleSdl("snippets/snippets.graphql"), resolvers: snippetsResolvers },
  { typeDefs: moduleSdl("concepts/concepts.graphql"), resolvers: conceptsResolvers },
  { typeDefs: moduleSdl("references/references.graphql"), resolvers: referencesResolvers },
  { typeDefs: moduleSdl("paths/paths.graphql"), resolvers: pathsResolvers },
  { typeDefs: moduleSdl("search/search.graphql"), resolvers: searchResolvers },
  { typeDefs: moduleSdl("learners/learners.graphql"), resolvers: learnersResolvers },
  { typeDefs: moduleSdl("progress/progress.graphql"), resolvers: progressResolvers },
  { typeDefs: moduleSdl("profiles/profiles.graphql"), resolvers: profilesResolvers },
  { typeDefs: moduleSdl("progress/streak.graphql"), resolvers: streakResolvers },
  { typeDefs: moduleSdl("review/review.graphql"), resolvers: reviewResolvers },
];

/** Builds the executable schema from every module. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: graphqlModules.map((m) => m.typeDefs),
    resolvers: graphqlModules.map((m) => m.resolvers) as never,
  });
}

/** The schema as SDL, exactly as committed in schema.graphql. */
export function printSchemaSdl(): string {
  return `${printSchema(buildSchema())}\n`;
}
