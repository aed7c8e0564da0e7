/**
 * The closed set of error codes of the API. Services throw `AppError`s; each
 * transport maps them in one place (REST: problem+json, GraphQL: extensions.code,
 * MCP: tool errors). Anything else is masked as INTERNAL.
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
} as const;

export type ErrorCode = keyof typeof errorCodes;

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

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const badRequest = (message: string, issues?: FieldIssue[]) => new AppError("BAD_REQUEST", message, issues ? { issues } : {});
export const invalid = (message: string, issues: FieldIssue[]) => new AppError("VALIDATION_FAILED", message, { issues });
export const unauthenticated = (message = "A valid bearer token is required") => new AppError("UNAUTHENTICATED", message);
export const forbidden = (message = "You may not do this") => new AppError("FORBIDDEN", message);
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

/** Converts a zod error to field issues. */
export function zodIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "number" ? p : String(p))), message: i.message }));
}
