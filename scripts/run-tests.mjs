#!/usr/bin/env node
// `npm test`: every test/**/*.test.ts on SQLite, then again on PostgreSQL when
// TEST_DATABASE_URL names one (each test file then gets its own schema).
// Extra arguments are test files or name patterns: npm test -- test/importer.test.ts
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const files = args.length
  ? args
  : readdirSync(join(root, "test"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".test.ts"))
      .sort()
      .map((f) => join("test", f));

// Every temp folder a test, server or CLI creates lands in one folder of this run,
// removed at the end whatever the tests left behind.
const runTmp = mkdtempSync(join(tmpdir(), "k8s-days-run-"));
process.on("exit", () => rmSync(runTmp, { recursive: true, force: true }));

function run(label, env) {
  console.log(`\n# ${label}: ${files.length} test files`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", "--test-reporter=spec", ...files], {
    cwd: root, stdio: "inherit", env: { ...process.env, CONTENT_SOURCE: "none", TMPDIR: runTmp, ...env }, // no test reaches the internet
  });
  return r.status ?? 1;
}

let status = run("SQLite", { K8S_DAYS_TEST_DB: "sqlite" });
if (process.env.TEST_DATABASE_URL) status ||= run("PostgreSQL", { K8S_DAYS_TEST_DB: "postgres" });
process.exit(status);
