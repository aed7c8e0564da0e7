/**
 * Services on a fresh database for importer tests (no HTTP), and temp copies of the
 * fixture repository that tests may break (copied at test time, never committed).
 */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { boot } from "../../src/bootstrap.ts";
import { fixedClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import type { Services } from "../../src/services.ts";
import { dropDatabase, fixturesDir, freshDatabaseUrl } from "./databases.ts";
import { tempDir } from "./tempDir.ts";

/** Services on a new empty database; `close` disconnects and drops it. */
export async function freshServices(label: string): Promise<{ services: Services; url: string; close(): Promise<void> }> {
  const url = await freshDatabaseUrl(label);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", SEED_ON_START: "false", CONTENT_SOURCE: "none" } as NodeJS.ProcessEnv, {
    DATABASE_URL: url,
  });
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

/** A copy of the fixture repository that a test may modify (removed at exit). */
export function fixtureCopy(): string {
  const dir = join(tempDir("repo"), "66DaysOfK8s");
  cpSync(fixturesDir(), dir, { recursive: true });
  return dir;
}

/**
 * What importing `../shared/fixtures/66DaysOfK8s` yields: the one place tests read
 * the fixture repository's counts from, so a fixture change is one edit here.
 */
export const fixtureFacts = {
  /** Days 1, 8, 12, 13, 30, 38 and 42 have a README. */
  lessons: 7,
  /**
   * Files beside the lessons: k0s.cfg (day 1), the three manifests of days 8, 12 and 30,
   * and the screenshots of day 8 (01.png, 02.png) and day 42 (a.png … d.png).
   */
  attachments: 16,
  /** Repository files outside the day folders: README.md, challenge/README.md, challenge/suggested-order.md, readme-images/*.jpg. */
  files: 4,
  /** The warnings an import of the fixtures prints today, as `file:line message`. */
  warnings: [
    // k0s's own config (no Kubernetes object) and a PersistentVolume whose apiVersion the lesson left empty.
    "challenge/week01/day1/README.md:79 manifest object without apiVersion (kind Cluster): not checked against API removals",
    'challenge/week02/day8/README.md:28 dead link "../../workarounds.md": no such file or day in the repository',
    "challenge/week05/day30/README.md:98 manifest object without apiVersion (kind PersistentVolume): not checked against API removals",
  ],
};

/** An import's warnings as the `file:line message` lines of `fixtureFacts.warnings`. */
export function warningLines(warnings: { file: string; line: number; message: string }[]): string[] {
  return warnings.map((w) => `${w.file}:${w.line} ${w.message}`);
}
