/**
 * Starts the real app on a fresh database for one test file: real Prisma, real
 * SQLite file (or PostgreSQL schema), real HTTP through supertest.
 */
import type { Express } from "express";
import supertest from "supertest";
import { createApp } from "../../src/app.ts";
import { boot } from "../../src/bootstrap.ts";
import { fixedClock, type Clock } from "../../src/clock.ts";
import { loadConfig, type Config } from "../../src/config.ts";
import { createLogger, type Logger } from "../../src/log.ts";
import type { Services } from "../../src/services.ts";
import { contractChecker, recordResponses, type RecordedResponse } from "./contract.ts";
import { dropDatabase, freshDatabaseUrl } from "./databases.ts";

export interface TestApp {
  app: Express;
  /** What a real server runs: the response cache (when enabled) in front of the app. */
  handler: import("node:http").RequestListener;
  /** The response cache in front of the app, when enabled. */
  cache: import("../../src/http/responseCache.ts").ResponseCache | null;
  services: Services;
  request: ReturnType<typeof supertest>;
  url: string;
  /** Every /api/v1 response received so far (checked against the OpenAPI document on close). */
  responses: RecordedResponse[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  label?: string;
  clock?: Clock;
  config?: Partial<Config>;
  /** Logger of the app (default: silent). */
  log?: Logger;
  /** Called with the services before the app is built (load seeds, import fixtures, ...). */
  prepare?: (services: Services) => Promise<void>;
  /**
   * Check every /api/v1 response against the served OpenAPI document when closing,
   * failing the file on a violation (default true).
   */
  contract?: boolean;
}

/** The origin tests see in absolute URLs of the API (supertest's Host, its ephemeral port dropped). */
export const TEST_ORIGIN = "http://127.0.0.1";

/**
 * supertest serves every request on a new ephemeral port, so its Host header changes from
 * one request to the next; a real client keeps one. Drop the port of supertest's own Host
 * (tests that set another Host keep theirs).
 */
function oneHost(handler: import("node:http").RequestListener): import("node:http").RequestListener {
  return (req, res) => {
    if (/^127\.0\.0\.1:\d+$/.test(req.headers.host ?? "")) req.headers.host = "127.0.0.1";
    handler(req, res);
  };
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const url = await freshDatabaseUrl(options.label);
  // Rate limits are off unless a test turns them on: a file's requests all come from one address.
  const config = loadConfig(
    { NODE_ENV: "test", LOG_LEVEL: "silent", SEED_ON_START: "false", RATE_LIMIT_MAX: "0", CONTENT_SOURCE: "none" } as NodeJS.ProcessEnv,
    { DATABASE_URL: url, ...options.config },
  );
  const services = await boot({ config, clock: options.clock ?? fixedClock("2026-03-01T12:00:00Z"), log: options.log ?? createLogger("silent") });
  await options.prepare?.(services);
  const built = await createApp(services);
  const responses: RecordedResponse[] = [];
  return {
    app: built.app,
    handler: built.handler,
    cache: built.cache,
    services,
    request: supertest(oneHost(recordResponses(built.handler, responses))),
    url,
    responses,
    close: async () => {
      const violations = options.contract === false ? [] : checkContract(built.openapi, responses);
      await built.stop();
      await services.deps.contentVersion.stop();
      await services.deps.db.close();
      await dropDatabase(url);
      if (violations.length) {
        throw new Error(`${violations.length} response(s) break the OpenAPI contract:\n  ${violations.slice(0, 20).join("\n  ")}`);
      }
    },
  };
}

/** Checks recorded responses against the document the app serves. */
function checkContract(document: object, responses: RecordedResponse[]): string[] {
  if (!responses.length) return [];
  const check = contractChecker(JSON.parse(JSON.stringify(document)));
  return responses.flatMap(check);
}
