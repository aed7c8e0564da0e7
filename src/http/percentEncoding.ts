/**
 * Requests whose path is not valid percent-encoded UTF-8 (`/api/v1/days/%`,
 * `/api/v1/concepts/%ff.md`) name no resource we could look up: they answer 400
 * problem+json before any routing — on every route, static assets and /graphql
 * and /mcp included — instead of failing deep in the router (a URIError, a 500
 * and a stack trace in the log).
 */
import type { RequestHandler } from "express";
import { AppError } from "../errors.ts";
import { problemOf, sendProblem } from "./problem.ts";

/** `text` percent-decoded, or undefined when it is not valid percent-encoded UTF-8. */
export function percentDecoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The path of a request URL (without its query). */
const pathOf = (url: string) => {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
};

/**
 * Express middleware: 400 BAD_REQUEST for a path with invalid percent-encoding.
 * The query string is not checked here: its parser replaces bad sequences with U+FFFD.
 */
export const rejectMalformedPath: RequestHandler = (req, res, next) => {
  if (percentDecoded(pathOf(req.url)) !== undefined) return next();
  res.set("Cache-Control", "no-store");
  sendProblem(res, problemOf(new AppError("BAD_REQUEST", "The request path is not valid percent-encoded UTF-8"), pathOf(req.originalUrl)));
};
