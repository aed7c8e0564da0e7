/**
 * The domain services, built once per process and shared by every transport
 * (GraphQL, REST, MCP, CLI). Transports parse input, call a service, shape output;
 * business rules live only in src/modules/.
 */
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import type { ContentVersion } from "./db/contentVersion.ts";
import type { Logger } from "./log.ts";
import { createContentImporter, type ContentImporter } from "./importer/importer.service.ts";

/** What every service may depend on. */
export interface Deps {
  db: Database;
  config: Config;
  clock: Clock;
  log: Logger;
  /** Version of the public content; caches key by it. */
  contentVersion: ContentVersion;
}

/** All domain services. Modules add theirs here. */
export interface Services {
  deps: Deps;
  /** Lesson content: import, seeds, counts. */
  content: { importer: ContentImporter };
}

/** Builds every service on the given dependencies. */
export function createServices(deps: Deps): Services {
  return { deps, content: { importer: createContentImporter(deps) } };
}
