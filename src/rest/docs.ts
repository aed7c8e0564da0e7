/**
 * The human docs page of the REST API at /api/v1/docs: a small page of ours
 * (src/rest/docs/) that fetches /api/v1/openapi.json and renders it. Every asset is
 * served from this server, so it works offline; a strict CSP keeps it to 'self'.
 */
import express, { Router } from "express";
import { fileURLToPath } from "node:url";

const assets = fileURLToPath(new URL("./docs/", import.meta.url));

/** Serves the docs page and its assets. */
export function docsRouter(): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    res.set("Cache-Control", "public, max-age=300");
    next();
  });
  // "/api/v1/docs" and "/api/v1/docs/" are both the page (serve-static alone would redirect the first).
  router.get("/", (_req, res) => res.sendFile("index.html", { root: assets, cacheControl: false }));
  router.use(express.static(assets, { index: false, redirect: false, cacheControl: false }));
  return router;
}
