/**
 * Read results of public content cached per content version. The version comes
 * from the process's ContentVersion watcher (src/db/contentVersion.ts: read at
 * start, after each import here, on PostgreSQL NOTIFY and on a short interval),
 * so a cached value is never reused once another version is known.
 * This is the one cache of values derived from the content: services, search and
 * the progress module's content facts all keep theirs here.
 */
import { LRUCache } from "lru-cache";
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
        mine.catch(() => {
          if (entries.get(key) === mine) entries.delete(key);
        });
      }
      return p;
    },
    refresh: () => contentVersion.refresh(),
  };
}

/**
 * Wraps a batch function (ids in → results aligned with the ids) so each id's
 * result is kept for the current content version: hits cost nothing, misses are
 * fetched together in one call. Results are shared between requests, so callers
 * must treat them as read-only.
 */
export function cachedBatch<T>(cache: ContentCache, name: string, batch: (ids: readonly number[]) => Promise<T[]>): (ids: readonly number[]) => Promise<T[]> {
  return async (ids) => {
    const known = await cache.memo(`batch.${name}`, async () => new Map<number, T>());
    const missing = [...new Set(ids.filter((id) => !known.has(id)))];
    if (missing.length) {
      const fetched = await batch(missing);
      missing.forEach((id, i) => known.set(id, fetched[i]!));
    }
    return ids.map((id) => known.get(id)!);
  };
}

/**
 * Memoizes answers of a query function per content version, keyed by its
 * arguments, keeping at most `maxEntries` per version (least recently used dropped first).
 */
export function cachedQuery<A extends unknown[], T>(
  cache: Pick<ContentCache, "memo">,
  name: string,
  query: (...args: A) => Promise<T>,
  maxEntries = 500,
): (...args: A) => Promise<T> {
  return async (...args) => {
    const answers = await cache.memo(`query.${name}`, async () => new LRUCache<string, Promise<T>>({ max: maxEntries }));
    const key = JSON.stringify(args);
    let answer = answers.get(key);
    if (!answer) {
      answer = query(...args);
      answers.set(key, answer);
      answer.catch(() => {
        if (answers.get(key) === answer) answers.delete(key);
      });
    }
    return answer;
  };
}
