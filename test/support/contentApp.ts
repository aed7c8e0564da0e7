/**
 * A test app on a store like production's: the seeds loaded and the fixture
 * repository (../shared/fixtures/66DaysOfK8s, read in place) imported.
 */
import { fixturesDir } from "./databases.ts";
import { startTestApp, type TestApp, type TestAppOptions } from "./testApp.ts";

/** Starts the app with seeds and the imported fixtures. */
export async function startContentApp(options: TestAppOptions = {}): Promise<TestApp> {
  return startTestApp({
    ...options,
    prepare: async (services) => {
      await services.content.importer.loadSeeds();
      const result = await services.content.importer.importPath(fixturesDir());
      if (!result.written) throw new Error("the fixture import wrote nothing");
      await options.prepare?.(services);
    },
  });
}
