/**
 * The one Express error handler: body-parser failures, AppErrors and anything
 * unexpected become problem+json (REST) — never an HTML page or a stack trace.
 * /graphql installs its own handler that answers in GraphQL's error shape.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import { bodyDecodingError } from "./bodyEncoding.ts";
import { AppError, fromPrismaError } from "../errors.ts";
import type { Logger } from "../log.ts";
import { problemOf, sendProblem } from "./problem.ts";

/** Maps errors thrown before a handler ran (JSON syntax, size, charset, content coding) to AppErrors. */
export function toAppError(err: unknown, req?: Request): unknown {
  const e = err as { type?: string; status?: number; message?: string; limit?: number };
  const decoding = bodyDecodingError(err, req?.get("content-encoding"));
  if (decoding) return decoding;
  switch (e?.type) {
    case "entity.parse.failed":
      return new AppError("BAD_REQUEST", `Request body is not valid JSON: ${e.message}`);
    case "entity.too.large":
      return new AppError("PAYLOAD_TOO_LARGE", `Request body exceeds the limit of ${e.limit} bytes`);
    case "encoding.unsupported":
    case "charset.unsupported":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", e.message ?? "Unsupported encoding");
    case "request.aborted":
      return new AppError("BAD_REQUEST", "Request aborted");
  }
  return fromPrismaError(err);
}

/** The one Express error handler: maps any error to problem+json and logs unexpected ones without their stack reaching the client. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const mapped = toAppError(err, req);
    if (!(mapped instanceof AppError)) log.error("unhandled error", { path: req.path, method: req.method, error: String((err as Error)?.stack ?? err) });
    if (res.headersSent) return;
    if (mapped instanceof AppError && mapped.code === "UNAUTHENTICATED") res.set("WWW-Authenticate", 'Bearer realm="k8s-days"');
    sendProblem(res, problemOf(mapped, req.originalUrl));
  };
}

/** 404 for any route nothing matched. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, problemOf(new AppError("NOT_FOUND", `No resource at ${req.method} ${req.path}`), req.originalUrl));
};
