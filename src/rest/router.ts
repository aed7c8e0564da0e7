/**
 * /api/v1: JSON body limits, the module routes, /openapi.json, the docs page,
 * OPTIONS (204 + Allow) and 405 with Allow for a known path with another method.
 */
import { setRoute } from "../http/routeName.ts";
import { docsRouter } from "./docs.ts";
import express, { Router } from "express";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { createRestApi, openApiDocument, route } from "./route.ts";
import { z } from "zod";
import { authenticate, privateResponses } from "../http/auth.ts";
import { learnerRoutes } from "../modules/learners/learners.routes.ts";
import { progressRoutes } from "../modules/progress/progress.routes.ts";
import { profileRoutes } from "../modules/profiles/profiles.routes.ts";
import { streakRoutes } from "../modules/progress/streak.routes.ts";
import { exportRoutes } from "../modules/progress/export/export.routes.ts";
import { reviewRoutes } from "../modules/review/review.routes.ts";
import { challengeRoutes } from "../modules/challenges/challenges.routes.ts";
import { conceptRoutes } from "../modules/concepts/concepts.routes.ts";
import { dayRoutes } from "../modules/days/days.routes.ts";
import { manifestRoutes } from "../modules/manifests/manifests.routes.ts";
import { snippetRoutes } from "../modules/snippets/snippets.routes.ts";
import { fileRoutes } from "../modules/files/files.routes.ts";
import { pathRoutes } from "../modules/paths/paths.routes.ts";
import { referenceRoutes } from "../modules/references/references.routes.ts";
import { searchRoutes } from "../modules/search/search.routes.ts";

/** Every module's REST routes; each adds itself with `route(api, …)`. */
const modules: ((api: ReturnType<typeof createRestApi>, services: Services) => void)[] = [
  challengeRoutes,
  dayRoutes,
  manifestRoutes,
  snippetRoutes,
  fileRoutes,
  conceptRoutes,
  referenceRoutes,
  pathRoutes,
  searchRoutes,
  learnerRoutes,
  exportRoutes,
  progressRoutes,
  profileRoutes,
  streakRoutes,
  reviewRoutes,
];

/** The /api/v1 router and the OpenAPI document of its routes. */
export type RestRouter = Router & { document: ReturnType<typeof openApiDocument> };

/** The OpenAPI document as it is committed in openapi.json (`npm run openapi:print`). */
export function openApiJson(services: Services): string {
  return `${JSON.stringify(restRouter(services).document, null, 2)}\n`;
}

/** The /api/v1 router, with the OpenAPI document of its routes. */
export function restRouter(services: Services): RestRouter {
  const api = createRestApi();
  const router = Router();
  router.use(express.json({ limit: "64kb" }));
  // A bad bearer token is 401 on every endpoint, public ones included (see http/auth.ts).
  router.use(["/me", "/learners", "/sessions", "/device-codes"], privateResponses);
  router.use(authenticate(services));

  route(api, {
    method: "get",
    path: "/",
    summary: "API index",
    tags: ["meta"],
    cache: "public",
    response: { schema: z.object({ name: z.string(), version: z.number(), graphql: z.string(), openapi: z.string() }), description: "Where things are" },
    handler: () => ({ name: "k8s-days", version: 1, graphql: "/graphql", openapi: "/api/v1/openapi.json" }),
  });
  for (const add of modules) add(api, services);

  const document = openApiDocument(api);
  router.get("/openapi.json", (_req, res) => {
    res.set("Cache-Control", "public, max-age=300").json(document);
  });
  router.use("/docs", docsRouter());
  const allowed = (methods: Set<string>) => [...methods, "OPTIONS"].sort().join(", ");
  // OPTIONS on a path we serve lists its methods (before the routes: Express would answer 200 text).
  for (const [path, methods] of api.methods) {
    router.options(path, (_req, res) => {
      res.set("Allow", allowed(methods)).set("Cache-Control", "no-store").status(204).end();
    });
  }
  router.use(api.router);
  // A path we serve with a method we don't: 405 and the methods we allow.
  for (const [path, methods] of api.methods) {
    const allow = allowed(methods);
    router.all(path, (req, res) => {
      setRoute(req, `${req.baseUrl}${path}`);
      res.set("Allow", allow);
      throw new AppError("METHOD_NOT_ALLOWED", `Allowed methods: ${allow}`);
    });
  }
  return Object.assign(router, { document });
}
