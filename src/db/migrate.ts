/**
 * Applies the committed SQL migrations (prisma/<provider>/migrations) from the app
 * itself, so a fresh machine needs no Prisma engine binary. Rows are written to
 * Prisma's own `_prisma_migrations` table with Prisma's checksum, so
 * `prisma migrate status` agrees. Safe with several replicas starting at once:
 * PostgreSQL takes an advisory lock, SQLite an immediate transaction.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { postgresTarget, providerOf, sqlitePath, type Provider } from "./provider.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

interface Migration { name: string; sql: string; checksum: string }

/** The committed migrations of a provider, oldest first. */
export function migrationsOf(provider: Provider): Migration[] {
  const dir = join(root, "prisma", provider, "migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
const SQLITE_TABLE = TABLE.replace(/TIMESTAMPTZ/g, "DATETIME").replace("DEFAULT now()", "DEFAULT current_timestamp");

/** Creates the database when needed and applies pending migrations. Returns the names applied. */
export async function migrate(url: string): Promise<string[]> {
  const provider = providerOf(url);
  const migrations = migrationsOf(provider);
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = sqlitePath(url);
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(SQLITE_TABLE);
    const applied: string[] = [];
    const run = db.transaction(() => {
      const done = new Set(db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`).pluck().all() as string[]);
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        db.exec(m.sql);
        db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`)
          .run(randomUUID(), m.checksum, m.name);
        applied.push(m.name);
      }
    });
    run.immediate();
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const { connectionString, schema } = postgresTarget(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(72066)");
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    await client.query(TABLE);
    const { rows } = await client.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    const done = new Set(rows.map((r: { migration_name: string }) => r.migration_name));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(72066)").catch(() => {});
    await client.end();
  }
}

/** Names of committed migrations not yet applied (for /readyz). */
export async function pendingMigrations(db: { $queryRawUnsafe<T>(sql: string): Promise<T> }, provider: Provider): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
  );
  const done = new Set(rows.map((r) => r.migration_name));
  return migrationsOf(provider).map((m) => m.name).filter((n) => !done.has(n));
}
