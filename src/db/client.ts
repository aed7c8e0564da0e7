/**
 * The one Prisma client of a process, for SQLite or PostgreSQL by DATABASE_URL.
 * Both generated clients come from the same models, so they share one type; the
 * rest of the code imports `Db` from here and never a generated client directly.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgres/client.ts";
import { migrate } from "./migrate.ts";
import { postgresTarget, providerOf, sqlitePath, type Provider } from "./provider.ts";

/** The Prisma client type used across the code base. */
export type Db = SqliteClient;
/** A Prisma client or an interactive transaction on it. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** The open database: its Prisma client, provider and URL, a statement counter, and close(). */
export interface Database {
  prisma: Db;
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
  if (provider === "sqlite") {
    const adapter = new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: 10_000, verbose: (sql) => counted(String(sql)) });
    prisma = new SqliteClient({ adapter });
  } else {
    const { connectionString, schema } = postgresTarget(url);
    const adapter = new PrismaPg({ connectionString, max: 10, options: `-c search_path="${schema}"` }, { schema });
    const client = new PostgresClient({ adapter, log: [{ emit: "event", level: "query" }] });
    client.$on("query", (e) => counted(e.query));
    prisma = client as unknown as Db;
  }
  await prisma.$connect();
  return {
    prisma,
    provider,
    url,
    queryCount: () => count,
    close: () => prisma.$disconnect(),
  };
}
