/**
 * RFC 9457 problem details: the one shape of every REST error body.
 */
import type { Response } from "express";
import { AppError, errorCodes, type ErrorCode } from "../errors.ts";

/** An RFC 9457 problem document as the API sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: { path: (string | number)[]; message: string }[];
  [key: string]: unknown;
}

/** Builds the problem document for an error; anything but an AppError is masked. */
export function problemOf(err: unknown, instance?: string): Problem {
  const app = err instanceof AppError ? err : new AppError("INTERNAL", "An unexpected error occurred");
  const { status, title } = errorCodes[app.code];
  const { issues, ...rest } = app.details;
  return {
    type: `https://k8s-days.dev/problems/${app.code.toLowerCase().replace(/_/g, "-")}`,
    title,
    status,
    detail: app.message,
    code: app.code,
    ...(instance ? { instance } : {}),
    ...(issues ? { errors: issues } : {}),
    ...rest,
  };
}

/** Sends a problem+json response. */
export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type("application/problem+json; charset=utf-8").send(JSON.stringify(problem));
}
