/**
 * Read results of public content cached per content version. ContentState.version
 * (one row) increases with every import, in whichever replica ran it; each
 * replica re-reads it at most every `checkEveryMs`, and a new version drops
 * every cached value. Correctness first: a value is only reused while the
 * version it was built from is still current.
 */
import type { Database } from "../../db/client.ts";

/** Caches built values per content version. */
export interface ContentCache {
  /** The current content version (0 before anything was imported). */
  version(): Promise<number>;
  /** The value for `key` built from the current version, building it once per version. */
  memo<T>(key: string, build: () => Promise<T>): Promise<T>;
  /** Forgets the known version, so the next call re-reads it (after an import in this process). */
  refresh(): void;
}

/** Creates the content cache over a database. */
export function createContentCache(db: Database, checkEveryMs = 1000): ContentCache {
  let known: { version: number; checkedAt: number } | undefined;
  let pending: Promise<number> | undefined;
  let entries = new Map<string, Promise<unknown>>();
  let entriesVersion = -1;

  const read = async (): Promise<number> => {
    const row = await db.prisma.contentState.findUnique({ where: { id: 1 }, select: { version: true } });
    return row?.version ?? 0;
  };

  const version = async (): Promise<number> => {
    const now = performance.now();
    if (known && now - known.checkedAt < checkEveryMs) return known.version;
    pending ??= read().then(
      (v) => { known = { version: v, checkedAt: performance.now() }; pending = undefined; return v; },
      (err) => { pending = undefined; throw err; },
    );
    return pending;
  };

  return {
    version,
    async memo<T>(key: string, build: () => Promise<T>): Promise<T> {
      const v = await version();
      if (v !== entriesVersion) {
        entries = new Map();
        entriesVersion = v;
      }
      let p = entries.get(key) as Promise<T> | undefined;
      if (!p) {
        p = build();
        entries.set(key, p);
        p.catch(() => { if (entries.get(key) === p) entries.delete(key); });
      }
      return p;
    },
    refresh() {
      known = undefined;
    },
  };
}
