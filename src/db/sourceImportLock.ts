/**
 * One importer of CONTENT_SOURCE at a time across the replicas of one PostgreSQL database:
 * a session-level advisory lock held on a connection of its own for the whole download and
 * import (the store writer's transaction lock only covers the write). A replica that waits
 * re-checks the store once it holds the lock, so N replicas starting on an empty store
 * download the lessons once. SQLite has a single process writing; nothing to lock there.
 */
import pg from "pg";
import type { Database } from "./client.ts";
import { postgresTarget } from "./provider.ts";

const SOURCE_IMPORT_LOCK = 660067;

/** Runs `work` holding the source-import lock (PostgreSQL) or directly (SQLite); `signal` gives up waiting. */
export async function withSourceImportLock<T>(db: Database, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  if (db.provider !== "postgres") return work();
  const client = new pg.Client({ connectionString: postgresTarget(db.url).connectionString });
  await client.connect();
  const giveUp = () => void client.end().catch(() => {});
  signal?.addEventListener("abort", giveUp, { once: true });
  try {
    signal?.throwIfAborted();
    await client.query(`SELECT pg_advisory_lock(${SOURCE_IMPORT_LOCK})`);
    return await work();
  } finally {
    signal?.removeEventListener("abort", giveUp);
    await client.query(`SELECT pg_advisory_unlock(${SOURCE_IMPORT_LOCK})`).catch(() => {});
    await client.end().catch(() => {});
  }
}
