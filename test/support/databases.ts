/**
 * Test databases: a fresh SQLite file per call, or — when the suite runs on
 * PostgreSQL (K8S_DAYS_TEST_DB=postgres, TEST_DATABASE_URL set) — a fresh schema.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** True when this run targets PostgreSQL. */
export const onPostgres = process.env.K8S_DAYS_TEST_DB === "postgres";

/** A DATABASE_URL naming a new, empty database for one test file or case. */
export async function freshDatabaseUrl(label = "t"): Promise<string> {
  const id = `${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  if (!onPostgres) {
    const dir = mkdtempSync(join(tmpdir(), "k8s-days-test-"));
    return `file:${join(dir, `${id}.db`)}`;
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("K8S_DAYS_TEST_DB=postgres needs TEST_DATABASE_URL");
  const url = new URL(base);
  url.searchParams.set("schema", id);
  return url.toString();
}

/** Drops a test database: a PostgreSQL schema, or the temp folder of a SQLite file. */
export async function dropDatabase(url: string): Promise<void> {
  if (url.startsWith("file:")) {
    const dir = dirname(url.slice("file:".length));
    if (basename(dir).startsWith("k8s-days-test-")) rmSync(dir, { recursive: true, force: true });
    return;
  }
  if (!url.startsWith("postgres")) return;
  const u = new URL(url);
  const schema = u.searchParams.get("schema");
  u.searchParams.delete("schema");
  if (!schema) return;
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * The #66DaysOfK8s fixture repository, read in place (never copied):
 * $K8S_DAYS_FIXTURES, else ../shared/fixtures/66DaysOfK8s beside the checkout, else /work/shared/….
 */
export function fixturesDir(): string {
  const candidates = [process.env.K8S_DAYS_FIXTURES, resolve(repoRoot, "../shared/fixtures/66DaysOfK8s"), "/work/shared/fixtures/66DaysOfK8s"].filter(
    (c): c is string => Boolean(c),
  );
  const found = candidates.find((c) => existsSync(join(c, "challenge/README.md")));
  if (!found) throw new Error(`fixtures not found; set K8S_DAYS_FIXTURES (looked in ${candidates.join(", ")})`);
  return found;
}
