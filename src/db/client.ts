/**
 * The one Prisma client of a process, for SQLite or PostgreSQL by DATABASE_URL.
 * Both generated clients come from the same models, so they share one type; the
 * rest of the code imports `Db` from here and never a generated client directly.
 */
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { outsideTransactions, sqliteHotSql, type HotSql } from "./hotSql.ts";
import { migrate } from "./migrate.ts";
import { postgresTarget, providerOf, sqlitePath, type Provider } from "./provider.ts";

/** The Prisma client type used across the code base. */
export type Db = SqliteClient;
/** A Prisma client or an interactive transaction on it. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** The open database: its Prisma client, the hot statements beside it, provider and URL, a statement counter, and close(). */
export interface Database {
  prisma: Db;
  /** The few statements every authenticated request runs, straight on Prisma's own driver (hotSql.ts). */
  sql: HotSql;
  provider: Provider;
  url: string;
  /** Number of SQL statements sent so far, the background content-version poll left out (for tests that bound query counts). */
  queryCount(): number;
  close(): Promise<void>;
}

/** Whether openDatabase migrates, and whether it may create a database that does not exist yet. */
export interface OpenOptions {
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  /** Create the database when it does not exist (default true); false makes a missing one an error. */
  create?: boolean;
}

/** A read of the content version's row (the background poll's only statement), as Prisma writes it for PostgreSQL ("…") and SQLite (`…`). */
const CONTENT_VERSION_READ = /^SELECT\b[^;]*\bFROM\s+(?:["`][^"`]+["`]\.)?["`]ContentState["`]/;

/** Opens the database named by `url`, creating and migrating it when needed. */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const provider = providerOf(url);
  if (options.migrate !== false) await migrate(url, { create: options.create });
  let count = 0;
  // The content-version poll (contentVersion.ts) runs on a timer, not for any request: left out, so counts per request are exact.
  const counted = (sql: string) => {
    if (!CONTENT_VERSION_READ.test(sql)) count++;
  };
  let prisma: Db;
  let sql: HotSql;
  let pool: pg.Pool | null = null;
  // Only the provider's adapter and generated client are loaded: a SQLite process never loads pg.
  if (provider === "sqlite") {
    const [{ PrismaBetterSQLite3 }, { PrismaClient }] = await Promise.all([import("@prisma/adapter-better-sqlite3"), import("../generated/sqlite/client.ts")]);
    const factory = new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: 10_000, verbose: (text) => counted(String(text)) });
    // The adapter keeps its better-sqlite3 connection in `client`: the hot statements share it (one connection, one writer).
    let connection: BetterSqlite3.Database | undefined;
    const adapter: Pick<typeof factory, "provider" | "adapterName" | "connect" | "connectToShadowDb"> = {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const opened = await factory.connect();
        const db = (opened as unknown as { client: BetterSqlite3.Database }).client;
        connection = db;
        // Sorts and materialized subqueries (the stats statement has both) in memory, not in a temp file:
        // with the file, each run of that statement cost ten times more in allocation and locking calls.
        db.pragma("temp_store = MEMORY");
        // The adapter runs queries outside a transaction on the same connection, so one sent while an
        // interactive transaction is open would join it; they wait for it instead (transactions get their own object).
        const { queryRaw, executeRaw } = opened;
        opened.queryRaw = async (query) => {
          if (db.inTransaction) await outsideTransactions(db);
          return queryRaw.call(opened, query);
        };
        opened.executeRaw = async (query) => {
          if (db.inTransaction) await outsideTransactions(db);
          return executeRaw.call(opened, query);
        };
        return opened;
      },
      connectToShadowDb: () => factory.connectToShadowDb(),
    };
    prisma = new PrismaClient({ adapter: adapter as PrismaBetterSQLite3 });
    sql = sqliteHotSql(() => {
      if (!connection) throw new Error("The SQLite connection is not open");
      return connection;
    });
  } else {
    const [{ PrismaPg }, { PrismaClient }, { default: pg }, { postgresHotSql }] = await Promise.all([
      import("@prisma/adapter-pg"),
      import("../generated/postgres/client.ts"),
      import("pg"),
      import("./postgresHotSql.ts"),
    ]);
    const { connectionString, schema } = postgresTarget(url);
    // One pool for Prisma and the hot statements.
    pool = new pg.Pool({ connectionString, max: 10, options: `-c search_path="${schema}"` });
    const adapter = new PrismaPg(pool, { schema });
    const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
    client.$on("query", (e) => counted(e.query));
    prisma = client as unknown as Db;
    sql = postgresHotSql(pool, counted);
  }
  await prisma.$connect();
  return {
    prisma,
    sql,
    provider,
    url,
    queryCount: () => count,
    close: async () => {
      await prisma.$disconnect();
      await pool?.end();
    },
  };
}
