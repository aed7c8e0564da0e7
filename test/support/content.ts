/**
 * Services on a fresh database for importer tests (no HTTP), and temp copies of the
 * fixture repository that tests may break (copied at test time, never committed).
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { boot } from "../../src/bootstrap.ts";
import { fixedClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import type { Services } from "../../src/services.ts";
import { dropDatabase, fixturesDir, freshDatabaseUrl } from "./databases.ts";

/** Services on a new empty database; `close` disconnects and drops it. */
export async function freshServices(label: string): Promise<{ services: Services; url: string; close(): Promise<void> }> {
  const url = await freshDatabaseUrl(label);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", SEED_ON_START: "false" } as NodeJS.ProcessEnv, { DATABASE_URL: url });
  const services = await boot({ config, clock: fixedClock("2026-03-01T12:00:00Z"), log: createLogger("silent") });
  return {
    services,
    url,
    close: async () => {
      await services.deps.contentVersion.stop();
      await services.deps.db.close();
      await dropDatabase(url);
    },
  };
}

/** A temp copy of the fixture repository that a test may modify. */
export function fixtureCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "k8s-days-repo-")), "66DaysOfK8s");
  cpSync(fixturesDir(), dir, { recursive: true });
  return dir;
}
