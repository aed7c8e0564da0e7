/**
 * Probes: /livez and /healthz (the process answers), /readyz (database reachable,
 * migrations applied, not draining).
 */
import { Router } from "express";
import { pendingMigrations } from "../db/migrate.ts";
import type { Services } from "../services.ts";

/** Shared readiness state: draining after SIGTERM. */
export interface Readiness {
  draining: boolean;
}

/** Liveness (/livez, /healthz) and readiness (/readyz: database reachable, no pending migration, not draining) probes. */
export function healthRouter(services: Services, state: Readiness): Router {
  const router = Router();
  const live = (_req: unknown, res: import("express").Response) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  };
  router.get("/livez", live);
  router.get("/healthz", live);
  router.get("/readyz", async (_req, res) => {
    res.set("Cache-Control", "no-store");
    if (state.draining) return void res.status(503).json({ status: "draining" });
    const { db } = services.deps;
    try {
      const pending = await pendingMigrations(db.prisma, db.provider);
      if (pending.length) return void res.status(503).json({ status: "migrations pending", pending });
      res.json({ status: "ready", database: db.provider });
    } catch {
      res.status(503).json({ status: "database unreachable" });
    }
  });
  return router;
}
