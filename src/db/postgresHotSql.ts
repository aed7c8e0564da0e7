/**
 * Hot statements (see hotSql.ts) on PostgreSQL: on the pool Prisma's adapter uses, as
 * named prepared statements. In a file of its own so a SQLite process never loads pg.
 */
import pg from "pg";
import type { HotSql, SqlValue } from "./hotSql.ts";

/** PostgreSQL's `timestamp` (without time zone) type id. */
const TIMESTAMP_OID = 1114;
/** A `timestamp(3)` as stored by Prisma (UTC wall time) → Date. */
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
/** Type parsers of hot statements: timestamps as UTC, the rest as pg's defaults (this pool's queries only). */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary" ? utcTimestamp : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/**
 * Hot statements on the pool Prisma's adapter uses, as named prepared statements (each
 * connection parses and plans one once). `counted` sees each statement (Prisma's query
 * log does not).
 */
export function postgresHotSql(pool: pg.Pool, counted: (sql: string) => void): HotSql {
  const names = new WeakMap<TemplateStringsArray, { name: string; text: string }>();
  let next = 0;
  return {
    async rows<T>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<T[]> {
      let statement = names.get(strings);
      if (!statement) {
        statement = { name: `k8s_days_hot_${++next}`, text: strings.reduce((sql, part, i) => `${sql}$${i}${part}`) };
        names.set(strings, statement);
      }
      counted(statement.text);
      const args = values.map((v) => (v instanceof Date ? v.toISOString() : v));
      const result = await pool.query({ ...statement, values: args, types });
      return result.rows as T[];
    },
  };
}
