/**
 * The few statements every authenticated request runs (the token lookup, `stats`, the
 * daily-log write and read), sent straight to the driver Prisma itself uses — the same
 * SQLite connection, the same PostgreSQL pool — each prepared once and reused.
 *
 * Prisma 6 compiles every query, raw ones included, in its wasm planner and prepares
 * the SQL anew on each call; for these statements that was most of the request's cost
 * (BENCHMARKS.md). Statements are portable SQL written as tagged templates: each
 * `${value}` is a bound parameter (`?` on SQLite, `$n` on PostgreSQL), never spliced
 * text, and a template's call site is its cache key.
 *
 * Values are bound as Prisma binds them, so rows read the same either way: a Date is ISO
 * text in UTC (`…+00:00` on SQLite, as Prisma stores it; PostgreSQL drops the offset
 * of a `timestamp(3)` column, and Prisma stores UTC). Timestamps read back are Dates on
 * PostgreSQL (parsed as UTC) and ISO text on SQLite; integers are numbers.
 *
 * @example
 *   const [row] = await sql.rows<{ id: string }>`SELECT "id" FROM "Learner" WHERE "handle" = ${handle}`;
 */
import type BetterSqlite3 from "better-sqlite3";

/** A value bound to a statement's parameter. */
export type SqlValue = string | number | boolean | Date | null;

/** Runs portable statements directly on the driver, each prepared once. */
export interface HotSql {
  /** The rows of one statement (none for a statement without RETURNING). */
  rows<T>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<T[]>;
}

/** How long a statement waits for another caller's open transaction on the one SQLite connection. */
const TRANSACTION_WAIT_MS = 10_000;

/** SQLite's binding of a value, as Prisma's adapter binds it. */
const sqliteValue = (v: SqlValue) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? Number(v) : v);

/**
 * Resolves once no transaction is open on the one SQLite connection. better-sqlite3 runs
 * a statement synchronously, so statements never interleave; but an interactive
 * transaction (an import) leaves the connection inside BEGIN while it awaits, and a
 * statement run then would join it and be rolled back with it.
 */
export async function outsideTransactions(db: BetterSqlite3.Database): Promise<void> {
  for (const end = Date.now() + TRANSACTION_WAIT_MS; db.inTransaction; ) {
    if (Date.now() > end) throw new Error("The database is busy: a transaction held the connection for too long");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Hot statements on the SQLite connection Prisma opened (`connection()` returns it once
 * Prisma has connected), run outside any open transaction.
 */
export function sqliteHotSql(connection: () => BetterSqlite3.Database): HotSql {
  // Prepared statements belong to the connection that prepared them: kept per connection.
  const prepared = new WeakMap<BetterSqlite3.Database, WeakMap<TemplateStringsArray, BetterSqlite3.Statement>>();
  return {
    async rows<T>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<T[]> {
      const db = connection();
      if (db.inTransaction) await outsideTransactions(db);
      let statements = prepared.get(db);
      if (!statements) {
        statements = new WeakMap();
        prepared.set(db, statements);
      }
      let statement = statements.get(strings);
      if (!statement) {
        statement = db.prepare(strings.join("?"));
        statement.safeIntegers(false); // Prisma's connection defaults to BigInt integers
        statements.set(strings, statement);
      }
      const args = values.map(sqliteValue);
      if (statement.reader) return statement.all(...args) as T[];
      statement.run(...args);
      return [];
    },
  };
}
