/**
 * Opens what every service is built from — the database (created and migrated when needed) and
 * the content-version watch — without building any service. The server and tests go on to
 * bootstrap.ts; the CLI's content commands (import, seed, stats) stop here and build only the
 * content importer, so a cold `k8s-days import` never loads the API's modules.
 */
import { systemClock, type Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { watchContentVersion } from "./db/contentVersion.ts";
import type { Deps } from "./deps.ts";
import type { Logger } from "./log.ts";

/** What the dependencies are opened with. */
export interface DepsOptions {
  config: Config;
  log: Logger;
  clock?: Clock;
  /** Create the database when it does not exist (default true; `k8s-days stats` passes false). */
  create?: boolean;
}

/** Opens (creating and migrating when allowed) the database and watches the content version; close with `db.close()` after `contentVersion.stop()`. */
export async function openDeps(options: DepsOptions): Promise<Deps> {
  const { config, log } = options;
  const db = await openDatabase(config.DATABASE_URL, { create: options.create });
  const contentVersion = await watchContentVersion(db, config.CONTENT_VERSION_POLL_MS);
  return { db, config, clock: options.clock ?? systemClock, log, contentVersion };
}
