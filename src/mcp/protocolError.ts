/**
 * How resource reads and prompts fail: as JSON-RPC errors whose message starts
 * with the code of src/errors.ts, mapped like every other transport (an AppError
 * or a known Prisma error speaks for itself, so a unique violation is CONFLICT;
 * anything else is logged and masked as INTERNAL). Tools fail differently — as a
 * tool result with `isError` (see tool.ts) — but with the same codes.
 */
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { asAppError, invalid, type ErrorCode as AppErrorCode } from "../errors.ts";
import { describeIssues, unstorableTextIssues } from "../storableText.ts";
import type { Services } from "../services.ts";

/** Codes that mean "the arguments name nothing or are not acceptable", answered as JSON-RPC InvalidParams. */
const invalidParams = new Set<AppErrorCode>(["NOT_FOUND", "BAD_REQUEST", "VALIDATION_FAILED"]);

/** The JSON-RPC error for `err` (see the module comment). */
export function protocolError(err: unknown, what: string, services: Services): McpError {
  const app = asAppError(err);
  if (app) {
    const issues = app.details.issues?.map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`).join("; ");
    return new McpError(
      invalidParams.has(app.code) ? ErrorCode.InvalidParams : ErrorCode.InternalError,
      `${app.code}: ${app.message}${issues && !app.message.includes(issues) ? ` (${issues})` : ""}`,
    );
  }
  services.deps.log.error("mcp request failed", { what, error: String((err as Error)?.stack ?? err) });
  return new McpError(ErrorCode.InternalError, "INTERNAL: An unexpected error occurred");
}

/**
 * Runs a resource read or prompt: its answer, or the mapped JSON-RPC error.
 * `input` (the prompt's arguments, the URI's variables) is refused first when it
 * carries text the database cannot store (see storableText.ts).
 *
 * @example
 * server.registerPrompt("quiz_me", spec, (args) => answering(services, "prompt quiz_me", () => quiz(args), args));
 */
export async function answering<T>(services: Services, what: string, fn: () => Promise<T>, input?: unknown): Promise<T> {
  try {
    const issues = unstorableTextIssues(input);
    if (issues.length) throw invalid(`Invalid ${what}: ${describeIssues(issues)}`, issues);
    return await fn();
  } catch (err) {
    throw protocolError(err, what, services);
  }
}
