/**
 * Read results of public content cached per content version. The version comes
 * from the process's ContentVersion watcher (src/db/contentVersion.ts: read at
 * start, after each import here, on PostgreSQL NOTIFY and on a short interval),
 * so a cached value is never reused once another version is known.
 */
import type { ContentVersion } from "../../db/contentVersion.ts";

/** Caches built values per content version. */
export interface ContentCache {
  /** The current content version (0 before anything was imported). */
  version(): number;
  /** The value for `key` built from the current version, building it once per version. */
  memo<T>(key: string, build: () => Promise<T>): Promise<T>;
  /** Re-reads the version now (after writing content in this process); resolves to it. */
  refresh(): Promise<number>;
}

/** Creates the content cache over the version watcher. */
export function createContentCache(contentVersion: Pick<ContentVersion, "current" | "refresh">): ContentCache {
  let entries = new Map<string, Promise<unknown>>();
  let entriesVersion = Number.NaN;
  return {
    version: () => contentVersion.current(),
    async memo<T>(key: string, build: () => Promise<T>): Promise<T> {
      const v = contentVersion.current();
      if (v !== entriesVersion) {
        entries = new Map();
        entriesVersion = v;
      }
      let p = entries.get(key) as Promise<T> | undefined;
      if (!p) {
        p = build();
        const mine = p;
        entries.set(key, mine);
        mine.catch(() => { if (entries.get(key) === mine) entries.delete(key); });
      }
      return p;
    },
    refresh: () => contentVersion.refresh(),
  };
}
