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
import { createLearnersService, type LearnersService } from "./modules/learners/learners.service.ts";
import { prismaContentFacts } from "./modules/progress/contentFacts.ts";
import { createProgressService, type ProgressService } from "./modules/progress/progress.service.ts";

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
  /** Learners, tokens, authentication. */
  learners: LearnersService;
  /** Private progress, daily log, enrolments, stats, share posts. */
  progress: ProgressService;
}

/** Builds every service on the given dependencies. */
export function createServices(deps: Deps): Services {
  const content = prismaContentFacts(deps.db);
  return {
    deps,
    content: { importer: createContentImporter(deps) },
    learners: createLearnersService(deps, content),
    progress: createProgressService(deps, content),
  };
}
