/**
 * The version of the public content (ContentState.version), known without a
 * query per request. Every replica reads it at start and re-reads it:
 * - at once after an import in this process (`announce()`),
 * - on PostgreSQL, at once when any process announces a change (LISTEN/NOTIFY),
 * - and every `intervalMs` as a fallback (SQLite has no notifications).
 * Caches key their entries by it.
 */
import type pg from "pg";
import type { Database } from "./client.ts";
import { postgresTarget } from "./provider.ts";

const CHANNEL = "k8s_days_content";

/** The content version this replica knows (bumped by every import that changes content), with change listeners. */
export interface ContentVersion {
  /** The last version read; synchronous and free. */
  current(): number;
  /** Re-reads the version now. */
  refresh(): Promise<number>;
  /** Re-reads the version and tells every other replica to do the same (call after committing an import). */
  announce(): Promise<number>;
  /** Calls `fn` whenever the version changes. */
  onChange(fn: (version: number) => void): void;
  stop(): Promise<void>;
}

/** Reads the content version and keeps it current: LISTEN/NOTIFY on PostgreSQL, polling every `intervalMs` as well. */
export async function watchContentVersion(db: Database, intervalMs = 1000): Promise<ContentVersion> {
  let version = -1;
  const listeners: ((v: number) => void)[] = [];
  const read = async () => {
    const row = await db.prisma.contentState.findUnique({ where: { id: 1 }, select: { version: true } });
    const next = row?.version ?? 0;
    if (next !== version) {
      version = next;
      for (const fn of listeners) fn(next);
    }
    return version;
  };
  await read();
  const timer = setInterval(() => {
    read().catch(() => {});
  }, intervalMs);
  timer.unref();

  let listener: pg.Client | null = null;
  if (db.provider === "postgres") {
    // Loaded here: a SQLite process never loads pg.
    const { Client } = (await import("pg")).default;
    listener = new Client({ connectionString: postgresTarget(db.url).connectionString });
    listener.on("error", () => {}); // the interval keeps working if the connection drops
    try {
      await listener.connect();
      await listener.query(`LISTEN ${CHANNEL}`);
      listener.on("notification", () => {
        read().catch(() => {});
      });
    } catch {
      listener = null;
    }
  }

  return {
    current: () => version,
    refresh: read,
    announce: async () => {
      const v = await read();
      if (db.provider === "postgres") await db.prisma.$executeRawUnsafe(`SELECT pg_notify('${CHANNEL}', '${v}')`);
      return v;
    },
    onChange: (fn) => {
      listeners.push(fn);
    },
    stop: async () => {
      clearInterval(timer);
      await listener?.end().catch(() => {});
    },
  };
}
