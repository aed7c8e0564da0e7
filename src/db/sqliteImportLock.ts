/**
 * One content writer at a time on a SQLite file, across processes (two `k8s-days import`
 * runs, or an import beside a server's first-start import). SQLite lets one writer in and
 * makes the other wait only its busy timeout (10 s), shorter than an import: the second run
 * used to fail with an empty message. So content writes take a lock file beside the
 * database, `<file>.import-lock`, created exclusively and holding the holder's pid, command
 * and start time. A second writer waits for it and says once which lock and which process
 * hold it; a lock whose process is gone (kill -9 mid-import) is taken over. PostgreSQL
 * needs none of this: its writers queue on an advisory lock (importer/store.ts).
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "./client.ts";
import { sqlitePath } from "./provider.ts";

/** Who holds an import lock. */
interface Holder {
  pid: number;
  command: string;
  since: string;
}

const POLL_MS = 200;

/** The lock file of a SQLite database file. */
export const importLockPath = (file: string) => `${file}.import-lock`;

/**
 * Runs `work` holding the import lock of `db` (SQLite; PostgreSQL runs it directly).
 * `onWait` is told once, in words, what it waits for.
 */
export async function withSqliteImportLock<T>(
  db: Pick<Database, "provider" | "url">,
  work: () => Promise<T>,
  onWait: (message: string) => void,
  signal?: AbortSignal,
): Promise<T> {
  const file = sqlitePath(db.url);
  if (db.provider !== "sqlite" || file === ":memory:") return work();
  const lock = importLockPath(file);
  let told = false;
  while (!tryTake(lock)) {
    const holder = readHolder(lock);
    if (holder && !alive(holder.pid)) {
      // The holder died mid-import; its transaction was rolled back by SQLite.
      rmSync(lock, { force: true });
      continue;
    }
    if (!told) {
      onWait(
        `another import holds the import lock ${lock}` +
          (holder ? ` (pid ${holder.pid}, ${holder.command}, since ${holder.since})` : "") +
          "; waiting for it to finish",
      );
      told = true;
    }
    signal?.throwIfAborted();
    await sleep(POLL_MS, undefined, { signal });
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function tryTake(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  const holder: Holder = { pid: process.pid, command: process.argv.slice(1).join(" ").slice(0, 200), since: new Date().toISOString() };
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(lock: string): Holder | null {
  try {
    const value = JSON.parse(readFileSync(lock, "utf8")) as Holder;
    return Number.isInteger(value.pid) ? value : null;
  } catch {
    // Gone meanwhile, or being written: look again at the next poll.
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
