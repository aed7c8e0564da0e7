/**
 * The closed set of error codes of the API: every code any transport answers
 * with is listed here, and the README lists exactly these (a test checks it).
 * Services throw `AppError`s; each transport maps them in one place (REST:
 * problem+json, GraphQL: extensions.code, MCP: tool and JSON-RPC errors).
 * Anything else is masked as INTERNAL (INTERNAL_SERVER_ERROR on GraphQL).
 *
 * `graphql` marks codes only GraphQL answers with: Apollo's names for requests
 * that are not valid GraphQL, and the operation limits of graphql/limits.ts.
 */
export const errorCodes = {
  BAD_REQUEST: { status: 400, title: "Bad request" },
  VALIDATION_FAILED: { status: 422, title: "Validation failed" },
  UNAUTHENTICATED: { status: 401, title: "Authentication required" },
  FORBIDDEN: { status: 403, title: "Forbidden" },
  NOT_FOUND: { status: 404, title: "Not found" },
  METHOD_NOT_ALLOWED: { status: 405, title: "Method not allowed" },
  NOT_ACCEPTABLE: { status: 406, title: "Not acceptable" },
  CONFLICT: { status: 409, title: "Conflict" },
  PAYLOAD_TOO_LARGE: { status: 413, title: "Payload too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported media type" },
  RATE_LIMITED: { status: 429, title: "Too many requests" },
  INTERNAL: { status: 500, title: "Internal server error" },
  UNAVAILABLE: { status: 503, title: "Service unavailable" },
  GRAPHQL_PARSE_FAILED: { status: 400, title: "GraphQL syntax error", graphql: true },
  GRAPHQL_VALIDATION_FAILED: { status: 400, title: "Operation does not match the schema", graphql: true },
  BAD_USER_INPUT: { status: 400, title: "Invalid argument or variable (GraphQL's VALIDATION_FAILED)", graphql: true },
  OPERATION_RESOLUTION_FAILURE: { status: 400, title: "No operation to run (missing or ambiguous operationName)", graphql: true },
  PERSISTED_QUERY_NOT_FOUND: { status: 200, title: "Persisted query not registered yet: send the full query", graphql: true },
  PERSISTED_QUERY_NOT_SUPPORTED: { status: 200, title: "Persisted queries are turned off", graphql: true },
  MAX_DEPTH_EXCEEDED: { status: 400, title: "Operation nested too deep", graphql: true },
  MAX_ALIASES_EXCEEDED: { status: 400, title: "Operation uses too many aliases", graphql: true },
  MAX_COST_EXCEEDED: { status: 400, title: "Operation would cost too much", graphql: true },
  MAX_TOKENS_EXCEEDED: { status: 400, title: "Operation has too many tokens", graphql: true },
  PAGE_SIZE_EXCEEDED: { status: 400, title: "`first` outside 1–100", graphql: true },
  INTERNAL_SERVER_ERROR: { status: 500, title: "Internal server error (GraphQL's INTERNAL)", graphql: true },
} as const satisfies Record<string, { status: number; title: string; graphql?: true }>;

/** One of the API's error codes (the keys of errorCodes). */
export type ErrorCode = keyof typeof errorCodes;

/** True when `code` belongs to the closed set. */
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === "string" && Object.hasOwn(errorCodes, code);

/**
 * The code GraphQL answers for `code`: Apollo's conventional names where GraphQL
 * clients expect them (invalid input is BAD_USER_INPUT, a masked error is
 * INTERNAL_SERVER_ERROR), the code itself otherwise.
 */
export function graphqlCodeOf(code: ErrorCode): ErrorCode {
  if (code === "VALIDATION_FAILED") return "BAD_USER_INPUT";
  if (code === "INTERNAL") return "INTERNAL_SERVER_ERROR";
  return code;
}

/** One failing input field: where (path) and why. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** A deliberate, client-facing error. Its message is shown to clients as is. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { issues?: FieldIssue[]; [key: string]: unknown } = {},
  ) {
    super(message);
  }
  get status(): number {
    return errorCodes[this.code].status;
  }
}

/** 404 NOT_FOUND: `${what} not found`. */
export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
/** 400 BAD_REQUEST, optionally naming the offending fields. */
export const badRequest = (message: string, issues?: FieldIssue[]) => new AppError("BAD_REQUEST", message, issues ? { issues } : {});
/** 422 VALIDATION_FAILED with one issue per bad field. */
export const invalid = (message: string, issues: FieldIssue[]) => new AppError("VALIDATION_FAILED", message, { issues });
/** 401 UNAUTHENTICATED: no or no valid bearer token. */
export const unauthenticated = (message = "A valid bearer token is required") => new AppError("UNAUTHENTICATED", message);
/** 403 FORBIDDEN: authenticated, but not allowed. */
export const forbidden = (message = "You may not do this") => new AppError("FORBIDDEN", message);
/** 409 CONFLICT, e.g. a handle already taken. */
export const conflict = (message: string) => new AppError("CONFLICT", message);

/**
 * Turns known Prisma errors into AppErrors (P2002 unique → CONFLICT, P2025 missing → NOT_FOUND);
 * returns the error unchanged otherwise.
 */
export function fromPrismaError(err: unknown): unknown {
  const code = (err as { code?: unknown })?.code;
  if (code === "P2002") return conflict("A record with the same unique key already exists");
  if (code === "P2025") return notFound("Record");
  return err;
}

/**
 * The AppError an error stands for (an AppError itself, or a known Prisma error),
 * or undefined when it is unexpected and must be masked. Every transport maps
 * errors through this, so a unique violation is CONFLICT everywhere.
 */
export function asAppError(err: unknown): AppError | undefined {
  const mapped = fromPrismaError(err);
  return mapped instanceof AppError ? mapped : undefined;
}

/** Converts a zod error to field issues. */
export function zodIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "number" ? p : String(p))), message: i.message }));
}
