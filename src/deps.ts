/**
 * What every domain service may depend on, in a file of its own so services can
 * name it without importing the composition root (src/services.ts) that builds them.
 */
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import type { ContentVersion } from "./db/contentVersion.ts";
import type { Logger } from "./log.ts";

/** What every service may depend on. */
export interface Deps {
  db: Database;
  config: Config;
  clock: Clock;
  log: Logger;
  /** Version of the public content; caches key by it. */
  contentVersion: ContentVersion;
}
