/**
 * One declaration per REST endpoint: its zod schemas validate the request, shape
 * the OpenAPI document and type the handler. Handlers return a value (sent as
 * JSON with the declared status) or throw an AppError (sent as problem+json).
 *
 * @example
 * route(api, {
 *   method: "get", path: "/days/{number}", summary: "One lesson", tags: ["days"],
 *   params: z.object({ number: z.coerce.number().int().min(1) }),
 *   response: { schema: DaySchema, description: "The lesson" },
 *   cache: "public",
 *   handler: ({ params }) => services.days.get(params.number),
 * });
 */
import { setRoute } from "../http/routeName.ts";
import { Router, type Request, type Response } from "express";
import { z } from "./openapiZod.ts";
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { AppError, zodIssues } from "../errors.ts";
import { describeIssues, unstorableTextIssues } from "../storableText.ts";

type Method = "get" | "post" | "put" | "patch" | "delete";
type Obj = z.ZodObject<z.ZodRawShape>;

/** One REST route declared once: method, path, zod schemas of its input and output, caching, docs and handler. */
export interface RouteSpec<P extends Obj, Q extends Obj, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  /**
   * OpenAPI-style path, relative to /api/v1: "/days/{number}". `{*name}` takes the rest of
   * the path (one or more segments, e.g. a file path), handed to `params` joined with "/".
   */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Requires `Authorization: Bearer <token>` (documented; enforced by the handler's service). */
  auth?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The success response. With a list of content types the handler serves bytes of one
   * of them itself (files: it sets Content-Type and sends); the document lists each.
   */
  response: {
    status?: number;
    schema: R;
    description: string;
    contentType?: string | readonly string[];
    /**
     * Other representations of the same resource (CSV, Markdown, …), each with its own
     * schema in the document. The handler picks one and sends it itself.
     */
    alternatives?: readonly { contentType: string; schema: z.ZodType }[];
  };
  /**
   * Error statuses this endpoint may answer, for the document. Implied: 400, 401 (a bad
   * token is refused everywhere), 406, 429, 500; 404 with path parameters; 413, 415, 422 with a body.
   */
  errors?: number[];
  /** For 201 responses: the URL of the created resource, sent as `Location`. */
  location?: (result: z.input<R>) => string;
  /** The response is a page of a list: documents the `Link: <…>; rel="next"` header. */
  paginated?: boolean;
  /** public: cacheable by anyone; private: per learner, never shared; none: no-store. */
  cache?: "public" | "private" | "none";
  handler: (input: {
    params: z.infer<P>;
    query: z.infer<Q>;
    body: z.infer<B>;
    req: Request;
    res: Response;
  }) => Promise<z.input<R> | undefined> | z.input<R> | undefined;
}

/** A REST API under construction: an Express router and the OpenAPI registry of its routes. */
export interface RestApi {
  router: Router;
  registry: OpenAPIRegistry;
  /** Methods registered per Express path, for 405 + Allow. */
  methods: Map<string, Set<string>>;
}

/** A new, empty REST API (router, OpenAPI registry with the bearer scheme, method table). */
export function createRestApi(): RestApi {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "A personal access token" });
  return { router: Router(), registry, methods: new Map() };
}

/** Converts "/days/{number}" to Express's "/days/:number" (and a "{*path}" wildcard to "*path"). */
export const expressPath = (path: string) => path.replace(/\{\*(\w+)\}/g, "*$1").replace(/\{(\w+)\}/g, ":$1");

/** The OpenAPI form of a route path: a "{*path}" wildcard is documented as "{path}". */
const documentPath = (path: string) => path.replace(/\{\*(\w+)\}/g, "{$1}");

/** Express 5 gives a wildcard as its segments; handlers and schemas see the path joined with "/". */
const joinWildcards = (params: Record<string, string | string[]>) =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.join("/") : value]));

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
  })
  .openapi("Problem", { description: "RFC 9457 problem details" });

const errorDescriptions: Record<number, string> = {
  400: "Malformed request (parameters or JSON)",
  401: "Missing, malformed or revoked token",
  403: "Not allowed",
  404: "No such resource",
  405: "Method not allowed",
  406: "Not acceptable",
  409: "Conflict",
  413: "Body too large",
  415: "Body is not JSON",
  422: "Body failed validation",
  429: "Rate limited",
  500: "Unexpected error",
};

/**
 * Declares one endpoint: registers it in the OpenAPI document (parameters, body, the
 * success response with its headers, the implied problem+json errors) and mounts its
 * handler (406 check, validation → 400/415/422, Cache-Control, Vary, Location).
 */
export function route<P extends Obj, Q extends Obj, B extends z.ZodType, R extends z.ZodType>(api: RestApi, spec: RouteSpec<P, Q, B, R>): void {
  const status = spec.response.status ?? 200;
  const contentTypes = [spec.response.contentType ?? "application/json"].flat();
  const contentType = contentTypes[0]!;
  const alternatives = spec.response.alternatives ?? [];
  const acceptable = [...contentTypes, ...alternatives.map((a) => a.contentType)];
  const errorStatuses = [
    ...new Set([400, 401, 406, 429, 500, ...(spec.params ? [404] : []), ...(spec.body ? [413, 415, 422] : []), ...(spec.errors ?? [])]),
  ].sort((a, b) => a - b);
  const headers = {
    RateLimit: { description: "Requests left in the current window (IETF draft-8), when rate limiting is on", schema: { type: "string" as const } },
    ...(spec.method === "get"
      ? {
          ETag: { description: "Entity tag of the representation; send it back in If-None-Match for a 304", schema: { type: "string" as const } },
          "Cache-Control": { description: "public, max-age=… for public content; private or no-store for learner data", schema: { type: "string" as const } },
        }
      : {}),
    ...(spec.paginated
      ? { Link: { description: 'RFC 8288 link to the next page: <url>; rel="next" (absent on the last page)', schema: { type: "string" as const } } }
      : {}),
    ...(spec.location ? { Location: { description: "URL of the created resource", schema: { type: "string" as const } } } : {}),
  };
  api.registry.registerPath({
    method: spec.method,
    path: `/api/v1${documentPath(spec.path)}`,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    ...(spec.auth ? { security: [{ bearer: [] }] } : {}),
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.body ? { body: { required: true, content: { "application/json": { schema: spec.body } } } } : {}),
    },
    responses: {
      [status]:
        status === 204
          ? { description: spec.response.description }
          : {
              description: spec.response.description,
              headers,
              content: Object.fromEntries([
                ...contentTypes.map((type) => [type, { schema: spec.response.schema }]),
                ...alternatives.map((a) => [a.contentType, { schema: a.schema }]),
              ]),
            },
      ...Object.fromEntries(
        errorStatuses.map((s) => [s, { description: errorDescriptions[s] ?? "Error", content: { "application/problem+json": { schema: problemSchema } } }]),
      ),
    },
  });

  const path = expressPath(spec.path);
  const methods = api.methods.get(path) ?? new Set<string>();
  methods.add(spec.method.toUpperCase());
  if (spec.method === "get") methods.add("HEAD");
  api.methods.set(path, methods);

  api.router[spec.method](path, async (req, res) => {
    // Named now: an error leaves the routers (and Express forgets their mount path) before it is answered.
    setRoute(req, `${req.baseUrl}${path}`);
    res.vary("Accept");
    if (status !== 204 && !req.accepts(acceptable)) {
      throw new AppError("NOT_ACCEPTABLE", `This resource is available as ${acceptable.join(", ")} only`);
    }
    const params = parse(spec.params, joinWildcards(req.params), "path parameter", "BAD_REQUEST", {});
    rejectUnknownQuery(spec.query, req.query);
    const query = parse(spec.query, req.query, "query parameter", "BAD_REQUEST", {});
    if (spec.body && !req.is("application/json")) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
    const body = parse(spec.body, req.body, "body", "VALIDATION_FAILED", undefined);
    const result = await spec.handler({ params, query, body, req, res });
    if (res.headersSent) return;
    res.set("Cache-Control", spec.cache === "public" ? "public, max-age=60" : spec.cache === "private" ? "private, no-store" : "no-store");
    if (spec.cache === "private" || spec.auth) res.vary("Authorization");
    if (status === 204 || result === undefined) return void res.status(status === 200 ? 204 : status).end();
    if (spec.location) res.location(spec.location(result));
    if (contentType !== "application/json") {
      return void res.status(status).type(contentType).send(result);
    }
    res.status(status).json(result);
  });
}

/**
 * `value` parsed by `schema`, typed by it; without a schema, `absent` (`{}` for parameters,
 * `undefined` for a body). The one type assertion of this file is there: a route that
 * declares no schema leaves its type parameter at the constraint (`Obj`, or `z.ZodType` for
 * a body), whose output `{}` and `undefined` satisfy, but TypeScript cannot tie
 * "schema absent" to "type parameter at its constraint" inside this generic code.
 */
function parse<S extends z.ZodType>(
  schema: S | undefined,
  value: unknown,
  where: string,
  code: "BAD_REQUEST" | "VALIDATION_FAILED",
  absent: {} | undefined,
): z.output<S> {
  if (!schema) return absent as z.output<S>;
  const r = schema.safeParse(value ?? {});
  if (r.success) {
    // Text the database cannot store is refused here, for every route (see storableText.ts).
    const unstorable = unstorableTextIssues(r.data);
    if (unstorable.length) throw new AppError(code, `Invalid ${where} ${describeIssues(unstorable)}`, { issues: unstorable });
    return r.data;
  }
  const issues = zodIssues(r.error);
  const first = issues[0];
  throw new AppError(code, `Invalid ${where}${first ? ` ${first.path.join(".") || ""}: ${first.message}` : ""}`.replace(/ +:/, ":"), { issues });
}

/**
 * Query parameters are strict: one the route does not declare is a 400 naming it
 * (a filter silently ignored would answer the wrong data). A route without a
 * query schema accepts none; paginated routes declare `limit` and `cursor`.
 */
function rejectUnknownQuery(schema: Obj | undefined, query: unknown): void {
  const declared = schema?.shape ?? {};
  const unknown = Object.keys((query ?? {}) as object).filter((k) => !Object.hasOwn(declared, k));
  if (!unknown.length) return;
  const known = Object.keys(declared);
  throw new AppError(
    "BAD_REQUEST",
    `Unknown query parameter${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")}; ${known.length ? `this endpoint takes ${known.join(", ")}` : "this endpoint takes none"}`,
    {
      issues: unknown.map((k) => ({ path: [k], message: "not a query parameter of this endpoint" })),
    },
  );
}

/** The OpenAPI 3.1 document of every registered route. */
export function openApiDocument(api: RestApi) {
  return new OpenApiGeneratorV31(api.registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "k8s-days REST API",
      version: "1.0.0",
      description: "Lessons of #66DaysOfK8s, Kubernetes concepts and each learner's private progress. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: "/" }],
  });
}
