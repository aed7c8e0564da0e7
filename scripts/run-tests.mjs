#!/usr/bin/env node
// `npm test`: every test/**/*.test.ts on SQLite, then again on PostgreSQL when
// TEST_DATABASE_URL names one (each test file then gets its own schema) — only the files
// that use the test database: the others would run the same code twice.
// Extra arguments are test files or name patterns: npm test -- test/importer.test.ts
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, relative, resolve } from "node:path";
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

/**
 * Whether a test file depends on the database under test: it, or a test module it imports
 * (transitively), uses test/support/databases.ts's freshDatabaseUrl or onPostgres. The
 * PostgreSQL pass runs only those; the rest would run the same code twice.
 */
function usesTestDatabase(file, seen = new Set()) {
  const path = resolve(root, file);
  if (seen.has(path)) return false;
  seen.add(path);
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return false;
  }
  if (!path.endsWith(join("support", "databases.ts")) && /\b(freshDatabaseUrl|onPostgres)\b/.test(text)) return true;
  const imports = [...text.matchAll(/from\s+"(\.{1,2}\/[^"]+\.ts)"/g)].map((m) => resolve(dirname(path), m[1]));
  return imports.some((dep) => dep.startsWith(join(root, "test")) && usesTestDatabase(relative(root, dep), seen));
}

function run(label, env, files) {
  console.log(`\n# ${label}: ${files.length} test files`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", "--test-reporter=spec", ...files], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, CONTENT_SOURCE: "none", TMPDIR: runTmp, ...env }, // no test reaches the internet
  });
  return r.status ?? 1;
}

let status = run("SQLite", { K8S_DAYS_TEST_DB: "sqlite" }, files);
const postgresFiles = files.filter((f) => usesTestDatabase(f));
if (process.env.TEST_DATABASE_URL && postgresFiles.length)
  status ||= run("PostgreSQL (files that use the test database)", { K8S_DAYS_TEST_DB: "postgres" }, postgresFiles);
process.exit(status);
