/**
 * Opens the database (created and migrated when needed) and builds the services.
 * Shared by the server, the CLI and the tests.
 */
import type { Clock } from "./clock.ts";
import { loadConfig, type Config } from "./config.ts";
import { createLogger, type Logger } from "./log.ts";
import { openDeps } from "./openDeps.ts";
import { createServices, type Services } from "./services.ts";

/** What boot may be given instead of reading it: configuration, logger, clock, whether to seed and to create the database. */
export interface BootOptions {
  config?: Config;
  clock?: Clock;
  log?: Logger;
  /** Load the seeds into an empty store (default: config.SEED_ON_START). */
  seed?: boolean;
  /** Create the database when it does not exist (default true; `k8s-days stats` passes false). */
  create?: boolean;
}

/** Opens (creating and migrating when allowed) the database, optionally loads the seeds, and builds the services. */
export async function boot(options: BootOptions = {}): Promise<Services> {
  const config = options.config ?? loadConfig();
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const services = createServices(await openDeps({ config, log, clock: options.clock, create: options.create }));
  if (options.seed ?? config.SEED_ON_START) await services.content.importer.seedIfEmpty();
  return services;
}
