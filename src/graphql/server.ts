/**
 * Apollo Server 5 on /graphql, with errors masked and the context built per request.
 */
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { unwrapResolverError } from "@apollo/server/errors";
import express, { type Express } from "express";
import { GraphQLError } from "graphql";
import { AppError, fromPrismaError } from "../errors.ts";
import { viewerFromHeader } from "../http/auth.ts";
import type { Viewer } from "../modules/learners/learners.types.ts";
import type { Services } from "../services.ts";
import { buildSchema } from "./modules.ts";

/** What every resolver receives. */
export interface GraphQLContext {
  services: Services;
  /** The learner of the bearer token, or null when anonymous. */
  learner: Viewer | null;
}

export async function mountGraphQL(app: Express, services: Services): Promise<{ stop(): Promise<void> }> {
  const { config, log } = services.deps;
  const server = new ApolloServer<GraphQLContext>({
    schema: buildSchema(),
    introspection: config.GRAPHQL_INTROSPECTION,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.NODE_ENV === "production",
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const original = fromPrismaError(unwrapResolverError(error));
      if (original instanceof AppError) {
        return { ...formatted, message: original.message, extensions: { code: original.code, ...original.details } };
      }
      if (original instanceof GraphQLError || formatted.extensions?.code !== "INTERNAL_SERVER_ERROR") return formatted;
      log.error("graphql resolver error", { error: String((original as Error)?.stack ?? original) });
      return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" }, ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}) };
    },
  });
  await server.start();
  app.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    expressMiddleware(server, {
      // A malformed, unknown or revoked token is HTTP 401 with code UNAUTHENTICATED, even for public queries.
      context: async ({ req, res }) => {
        if (req.get("authorization") !== undefined) res.vary("Authorization");
        try {
          return { services, learner: await viewerFromHeader(services, req.get("authorization")) };
        } catch (err) {
          if (err instanceof AppError) {
            res.set("WWW-Authenticate", 'Bearer realm="k8s-days"');
            throw new GraphQLError(err.message, { extensions: { code: err.code, http: { status: err.status } } });
          }
          throw err;
        }
      },
    }),
  );
  return { stop: () => server.stop() };
}
