/**
 * Apollo Server 5 on /graphql: the browser IDE for HTML clients, JSON bodies
 * (bad or oversized ones answered as GraphQL errors), operation limits, cache
 * hints, automatic persisted queries, CSRF prevention, masked errors and a
 * context with per-request DataLoaders.
 */
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import express, { Router, type ErrorRequestHandler, type Express, type Request } from "express";
import { getOperationAST, GraphQLError } from "graphql";
import { AppError, asAppError, graphqlCodeOf, isErrorCode } from "../errors.ts";
import { requestViewer } from "../http/auth.ts";
import type { RateLimits } from "../http/rateLimit.ts";
import type { Metrics } from "../http/metrics.ts";
import type { Viewer } from "../modules/learners/learners.types.ts";
import { toAppError } from "../http/errorHandler.ts";
import { publicBase } from "../http/publicBase.ts";
import { bodyErrorOf } from "../http/responseCache.ts";
import type { Services } from "../services.ts";
import { ideAssetHandler, idePageHandler } from "./ide.ts";
import { cachePolicyPlugin } from "./cachePolicy.ts";
import { queryLimitsPlugin } from "./limits.ts";
import { storableInputPlugin } from "./storableInput.ts";
import { signupLimitPlugin } from "./signupLimit.ts";
import { knownOperationTypes } from "./knownOperationTypes.ts";
import type { GraphQLContext } from "./context.ts";
import { createLoaders } from "./loaders.ts";
import { buildSchema } from "./modules.ts";

/** Largest accepted request body of /graphql. */
export const GRAPHQL_BODY_LIMIT = "100kb";

const GRAPHQL_RESPONSE = "application/graphql-response+json";

/** Error codes of requests that are not well-formed GraphQL (parse, validation, variables). */
const requestErrorCodes = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]);

/** True when the client accepts only the legacy application/json, not application/graphql-response+json. */
function acceptsOnlyJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(",").map((t) => t.split(";")[0]!.trim().toLowerCase());
  return types.includes("application/json") && !types.includes(GRAPHQL_RESPONSE) && !types.includes("*/*");
}

/**
 * GraphQL over HTTP: a client that accepts only application/json gets 200 for
 * parse, validation and variable errors (the spec's legacy behaviour); clients
 * of application/graphql-response+json keep 400. Operation limits stay 400.
 */
const legacyJsonStatusPlugin: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    if (!acceptsOnlyJson(request.http?.headers.get("accept"))) return;
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        const errors = response.body.singleResult.errors;
        if (!errors?.length || response.body.singleResult.data !== undefined) return;
        if (errors.every((e) => requestErrorCodes.has(String(e.extensions?.code)))) response.http.status = 200;
      },
    };
  },
};

/** Counts every operation Apollo answers by name, type and outcome (see http/metrics.ts). */
function operationMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, request, document, operation }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          const outcome = !errors?.length ? "ok" : data ? "partial" : "error";
          // An operation that failed validation was parsed but never resolved: name it from its document.
          const op = operation ?? (document ? getOperationAST(document, request.operationName) : null);
          metrics.graphqlOperation(op?.name?.value ?? request.operationName, op?.operation, outcome);
        },
      };
    },
  };
}

/** The content type of a GraphQL error answered outside Apollo. */
function errorContentType(req: Request): string {
  return req.accepts([GRAPHQL_RESPONSE, "application/json"]) === "application/json" ? "application/json; charset=utf-8" : `${GRAPHQL_RESPONSE}; charset=utf-8`;
}

/** Bad JSON, oversized bodies and anything thrown around Apollo, answered as GraphQL errors (never HTML). */
function graphqlErrorHandler(services: Services): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const mapped = toAppError(err, req);
    if (res.headersSent) return;
    if (!(mapped instanceof AppError)) {
      services.deps.log.error("graphql transport error", { path: req.path, error: String((err as Error)?.stack ?? err) });
      return void res
        .status(500)
        .type(errorContentType(req))
        .send(JSON.stringify({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }));
    }
    // An oversized body is a client error of the GraphQL request: 400, with a precise code.
    // An encoding or charset we cannot read keeps 415, as on every transport.
    const status = mapped.code === "PAYLOAD_TOO_LARGE" ? 400 : mapped.status;
    res
      .status(status)
      .type(errorContentType(req))
      .send(JSON.stringify({ errors: [{ message: mapped.message, extensions: { code: graphqlCodeOf(mapped.code) } }] }));
  };
}

/** Starts Apollo and mounts /graphql (IDE, assets, JSON body, Apollo, GraphQL-shaped error handler) on the app. */
export async function mountGraphQL(
  app: Express,
  services: Services,
  limits?: Pick<RateLimits, "signup">,
  metrics?: Metrics | null,
): Promise<{ stop(): Promise<void> }> {
  const { config, log } = services.deps;
  const server = new ApolloServer<GraphQLContext>({
    schema: buildSchema(),
    introspection: config.GRAPHQL_INTROSPECTION,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.NODE_ENV === "production",
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    validationRules: [knownOperationTypes],
    maxRecursiveSelections: 10_000,
    // Apollo's default APQ cache is a bounded in-memory LRU per process; with several replicas
    // use a shared cache or turn APQ off (GRAPHQL_APQ=false).
    persistedQueries: config.GRAPHQL_APQ ? { ttl: 3600 } : false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Cache-Control from the schema's hints, once per document rather than once per resolved field.
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin({ defaultMaxAge: 0 }),
      queryLimitsPlugin({ maxDepth: config.GRAPHQL_MAX_DEPTH, maxAliases: config.GRAPHQL_MAX_ALIASES, maxCost: config.GRAPHQL_MAX_COST }),
      storableInputPlugin,
      legacyJsonStatusPlugin,
      ...(limits ? [signupLimitPlugin(limits.signup)] : []),
      ...(metrics ? [operationMetricsPlugin(metrics)] : []),
    ],
    formatError: (formatted, error) => {
      const original = unwrapResolverError(error);
      // A scalar's parse error (e.g. a bad Date literal) reaches here wrapped in Apollo's validation error.
      const app = asAppError(original) ?? (original instanceof GraphQLError ? asAppError(original.originalError) : undefined);
      if (app) return { ...formatted, message: app.message, extensions: { code: graphqlCodeOf(app.code), ...app.details } };
      if (formatted.extensions?.code === "GRAPHQL_PARSE_FAILED" && /tokens\. Parsing aborted/.test(formatted.message)) {
        return { ...formatted, extensions: { ...formatted.extensions, code: "MAX_TOKENS_EXCEEDED", max: config.GRAPHQL_MAX_TOKENS } };
      }
      // Deliberate GraphQL errors (Apollo's, the limits') keep their message when their code is one of ours.
      if ((original instanceof GraphQLError || formatted.extensions?.code !== "INTERNAL_SERVER_ERROR") && isErrorCode(formatted.extensions?.code))
        return formatted;
      log.error("graphql resolver error", { error: String((original as Error)?.stack ?? original), code: formatted.extensions?.code });
      return {
        message: "Internal server error",
        extensions: { code: "INTERNAL_SERVER_ERROR" },
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
      };
    },
  });
  await server.start();

  const router = Router();
  router.get("/", idePageHandler);
  router.get("/ide/:file", ideAssetHandler);
  router.use(express.json({ limit: GRAPHQL_BODY_LIMIT }));
  router.use((req, _res, next) => next(bodyErrorOf(req)));
  router.use(
    expressMiddleware(server, {
      // A malformed, unknown or revoked token is HTTP 401 with code UNAUTHENTICATED, even for public queries.
      context: async ({ req, res }) => {
        if (req.get("authorization") !== undefined) res.vary("Authorization");
        let learner: Viewer | null;
        try {
          learner = await requestViewer(services, req);
        } catch (err) {
          if (err instanceof AppError) {
            res.set("WWW-Authenticate", 'Bearer realm="k8s-days"');
            throw new GraphQLError(err.message, { extensions: { code: err.code, http: { status: err.status } } });
          }
          throw err;
        }
        return {
          services,
          loaders: createLoaders(services),
          learner,
          base: publicBase(req, services.deps.config.PUBLIC_URL),
          clientAddress: req.ip ?? "unknown",
        };
      },
    }),
  );
  router.use(graphqlErrorHandler(services));
  app.use("/graphql", router);
  return { stop: () => server.stop() };
}
