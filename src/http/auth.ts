/**
 * Bearer-token authentication shared by REST and GraphQL.
 *
 * `Authorization: Bearer <token>` → the learner (a `Viewer`); no header → anonymous.
 * A header that is present but malformed, unknown or revoked answers 401
 * UNAUTHENTICATED on every endpoint, public ones included, so a client notices a
 * bad token instead of silently browsing anonymously.
 */
import type { Request, RequestHandler, Response } from "express";
import type { IncomingMessage } from "node:http";
import { unauthenticated } from "../errors.ts";
import type { Viewer } from "../modules/learners/learners.types.ts";
import type { Services } from "../services.ts";

/** Resolves an Authorization header value to a learner; undefined header → null (anonymous). */
export async function viewerFromHeader(services: Services, header: string | undefined): Promise<Viewer | null> {
  if (header === undefined || header === "") return null;
  const m = /^Bearer +(\S+) *$/i.exec(header);
  if (!m) throw unauthenticated("The Authorization header must be 'Bearer <token>'");
  return services.learners.authenticate(m[1]!);
}

const viewers = new WeakMap<IncomingMessage, Promise<Viewer | null>>();
const settled = new WeakMap<IncomingMessage, Viewer | null>();

/**
 * The learner of a request's Authorization header, checked once per request: the rate
 * limiter (which keys verified tokens by learner) and the transport share one lookup.
 */
export function requestViewer(services: Services, req: IncomingMessage): Promise<Viewer | null> {
  let viewer = viewers.get(req);
  if (!viewer) {
    viewer = viewerFromHeader(services, req.headers.authorization);
    viewer.then(
      (v) => settled.set(req, v),
      () => {},
    ); // a bad token is reported by whoever awaits it
    viewers.set(req, viewer);
  }
  return viewer;
}

/** The learner of a request whose token was already checked (for its log line); undefined otherwise. */
export function settledViewer(req: IncomingMessage): Viewer | null | undefined {
  return settled.get(req);
}

/** Express middleware: sets the viewer on `res.locals.viewer` (null when anonymous); 401 on a bad token. */
export function authenticate(services: Services): RequestHandler {
  return async (req, res, next) => {
    if (req.get("authorization") !== undefined) res.vary("Authorization");
    res.locals.viewer = await requestViewer(services, req);
    next();
  };
}

/** Marks responses as per-learner and never stored (`private, no-store`, `Vary: Authorization`), errors included. */
export const privateResponses: RequestHandler = (_req, res, next) => {
  res.set("Cache-Control", "private, no-store");
  res.vary("Authorization");
  next();
};

/** The authenticated learner of a request; throws UNAUTHENTICATED when anonymous. */
export function requireViewer(res: Response): Viewer {
  const viewer = res.locals.viewer as Viewer | null | undefined;
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** The viewer of a request if any (for handlers open to anonymous callers). */
export function optionalViewer(_req: Request, res: Response): Viewer | null {
  return (res.locals.viewer as Viewer | null | undefined) ?? null;
}
