// `npm run openapi:print`: writes the REST API's OpenAPI document (what /api/v1/openapi.json
// serves) to openapi.json (a test fails when the committed file differs). `--check` only
// compares. The routes are declared on services over a throwaway SQLite file; the document
// reads nothing from the database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { boot } from "../src/bootstrap.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { openApiJson } from "../src/rest/router.ts";
import { writeOrCheck } from "./committedFile.ts";

const target = join(dirname(fileURLToPath(import.meta.url)), "..", "openapi.json");
const dir = mkdtempSync(join(tmpdir(), "k8s-days-openapi-"));
let text: string;
try {
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", SEED_ON_START: "false", CONTENT_SOURCE: "none" } as NodeJS.ProcessEnv, {
    DATABASE_URL: `file:${join(dir, "openapi.db")}`,
  });
  const services = await boot({ config, log: createLogger("silent"), seed: false });
  text = openApiJson(services);
  await services.deps.contentVersion.stop();
  await services.deps.db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeOrCheck(target, text, "npm run openapi:print");
