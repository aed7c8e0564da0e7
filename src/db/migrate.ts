/**
 * Applies the committed SQL migrations (prisma/<provider>/migrations) from the app
 * itself, so a fresh machine needs no Prisma engine binary. Rows are written to
 * Prisma's own `_prisma_migrations` table with Prisma's checksum, so
 * `prisma migrate status` agrees. Safe with several replicas starting at once:
 * PostgreSQL takes an advisory lock, SQLite an immediate transaction per migration.
 *
 * SQLite migrations are applied the way Prisma's own engine applies them, because a
 * migration that redefines a table (`CREATE TABLE "new_X" … DROP TABLE "X" … RENAME`) would
 * otherwise cascade-delete every child row of X: `PRAGMA foreign_keys=OFF` before the
 * transaction (inside one SQLite ignores it, so the migration's own pragmas do nothing),
 * the migration in its transaction, `PRAGMA foreign_key_check` before the commit (any row
 * left pointing nowhere rolls the migration back with an error naming table and row), and
 * foreign keys back on after.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { postgresTarget, providerOf, sqlitePath, type Provider } from "./provider.ts";
import { DatabaseLocationError, prepareSqliteFile } from "./sqliteFile.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The folder of a provider's committed migrations. */
export const migrationsDir = (provider: Provider) => join(root, "prisma", provider, "migrations");

/** A migration that failed; nothing of it was kept. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

/** The migrations in `dir` (default: the provider's committed ones), oldest first. */
export function migrationsOf(provider: Provider, dir = migrationsDir(provider)): Migration[] {
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

/** Where migrations come from (the committed folder by default) and whether a missing database may be created. */
export interface MigrateOptions {
  /** Folder of the migrations (default: the committed ones of the URL's provider). */
  dir?: string;
  /** Create the database when it does not exist (default true); false makes a missing one an error. */
  create?: boolean;
}

/** Creates the database when needed and applies pending migrations. Returns the names applied. */
export async function migrate(url: string, options: MigrateOptions = {}): Promise<string[]> {
  const provider = providerOf(url);
  const migrations = migrationsOf(provider, options.dir);
  const create = options.create ?? true;
  return provider === "sqlite" ? migrateSqlite(url, migrations, create) : migratePostgres(url, migrations, create);
}

function migrateSqlite(url: string, migrations: Migration[], create: boolean): string[] {
  const file = prepareSqliteFile(sqlitePath(url), { create });
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: 10_000 });
    db.pragma("journal_mode = WAL");
  } catch (err) {
    throw new DatabaseLocationError(`DATABASE_URL ${url}: SQLite cannot open ${file} (${(err as Error).message})`);
  }
  try {
    db.exec(SQLITE_TABLE);
    const done = new Set(db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`).pluck().all() as string[]);
    return migrations.filter((m) => !done.has(m.name) && applySqliteMigration(db, m)).map((m) => m.name);
  } finally {
    db.close();
  }
}

interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

/**
 * Applies one migration as Prisma's engine does (see the header); false when another
 * process applied it meanwhile.
 */
function applySqliteMigration(db: Database.Database, m: Migration): boolean {
  // Outside the transaction: inside one, SQLite ignores this pragma.
  db.pragma("foreign_keys = OFF");
  try {
    const apply = db.transaction(() => {
      if (db.prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`).get(m.name)) return false;
      try {
        db.exec(m.sql);
      } catch (err) {
        throw new MigrationError(`migration ${m.name} failed (nothing of it was kept): ${(err as Error).message}`);
      }
      const broken = db.prepare("PRAGMA foreign_key_check").all() as ForeignKeyViolation[];
      if (broken.length) {
        const shown = broken
          .slice(0, 5)
          .map((v) => `${v.table} row ${v.rowid ?? "?"} → ${v.parent}`)
          .join(", ");
        throw new MigrationError(
          `migration ${m.name} would leave ${broken.length} row(s) pointing at missing parents (${shown}${broken.length > 5 ? ", …" : ""}); it was rolled back`,
        );
      }
      db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`,
      ).run(randomUUID(), m.checksum, m.name);
      return true;
    });
    return apply.immediate();
  } finally {
    db.pragma("foreign_keys = ON");
  }
}

async function migratePostgres(url: string, migrations: Migration[], create: boolean): Promise<string[]> {
  const { connectionString, schema } = postgresTarget(url);
  // Loaded here: a SQLite process never loads pg.
  const { Client } = (await import("pg")).default;
  const client = new Client({ connectionString });
  await client.connect();
  try {
    if (!create) {
      const { rows } = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = '_prisma_migrations'`, [schema]);
      if (!rows.length)
        throw new DatabaseLocationError(
          `DATABASE_URL: no database in schema "${schema}" (this command never creates one; start the server or run \`k8s-days import\` first)`,
        );
    }
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
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`, [
          randomUUID(),
          m.checksum,
          m.name,
        ]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new MigrationError(`migration ${m.name} failed (nothing of it was kept): ${(err as Error).message}`);
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
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
  const done = new Set(rows.map((r) => r.migration_name));
  return migrationsOf(provider)
    .map((m) => m.name)
    .filter((n) => !done.has(n));
}
