/**
 * /api/v1: mounts the module routers.
 */
import express, { Router } from "express";
import type { Services } from "../services.ts";

export function restRouter(services: Services): Router {
  const router = Router();
  router.use(express.json({ limit: "64kb" }));
  router.get("/", (_req, res) => {
    res.json({ name: "k8s-days", version: 1, graphql: "/graphql" });
  });
  void services;
  return router;
}
