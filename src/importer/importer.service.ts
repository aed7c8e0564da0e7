/**
 * The content importer service: imports a repository or lesson file, (re)loads the seeds,
 * and reports what the store holds. Shared by the CLI, the server's first start and tests.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { withSqliteImportLock } from "../db/sqliteImportLock.ts";
import { notFound } from "../errors.ts";
import type { Deps } from "../deps.ts";
import { describeSource, parseContentSource } from "./contentSource.ts";
import type { DownloadProgress } from "./download.ts";
import { readRepository, type ProgressListener } from "./readRepository.ts";
import { defaultSeedsDir, readSeeds } from "./seeds.ts";
import { contentStats, writeContent, writeSeeds, type ContentStats, type ImportSummary, type SeedSummary } from "./store.ts";

/** Options of one import run. */
export interface ImportOptions {
  /** Refuse to write anything when the input has any warning. */
  strict?: boolean;
  onProgress?: ProgressListener;
  /** What the log calls the source (a URL instead of the temp folder it was fetched into). */
  sourceName?: string;
}

/** Options of importing a source that may be remote. */
export interface SourceImportOptions extends ImportOptions {
  /** Download progress of a remote archive. */
  onDownload?: DownloadProgress;
  /** Cancels a download or clone (shutdown). */
  signal?: AbortSignal;
}

/** An import summary, and whether the store was written at all. */
export interface ImportResult extends ImportSummary {
  /** False when nothing was importable, or when --strict refused because of warnings. */
  written: boolean;
}

/** Imports lessons and seeds into the store. */
export interface ContentImporter {
  /** Imports a challenge repository, a day folder or a lesson file. */
  importPath(path: string, options?: ImportOptions): Promise<ImportResult>;
  /**
   * Imports from a path, a GitHub repository URL, a .tar.gz/.tgz/.zip URL or a git URL
   * (importer/contentSource.ts); remote sources are fetched into a temp folder that is
   * always removed. `source` in the result is the path (resolved) or the URL as shown.
   */
  importSource(source: string, options?: SourceImportOptions): Promise<ImportResult & { source: string }>;
  /**
   * Imports `source` when the store holds no lesson, holding the source-import lock (one
   * replica downloads; the others find lessons once they get the lock). Null when there
   * were lessons already.
   */
  importSourceIfNoLessons(source: string, options?: SourceImportOptions): Promise<(ImportResult & { source: string }) | null>;
  /** Validates and loads the seeds (default: the checkout's seeds/), idempotently. */
  loadSeeds(dir?: string): Promise<SeedSummary>;
  /** Loads the seeds when the store holds no day; null when it did nothing. */
  seedIfEmpty(dir?: string): Promise<SeedSummary | null>;
  /** What the store holds. */
  stats(): Promise<ContentStats>;
}

/** Builds the importer service. */
export function createContentImporter(deps: Deps): ContentImporter {
  const { db, log, contentVersion } = deps;
  /** Content writes one at a time on a SQLite file (another process may be importing). */
  const oneWriter = <T>(work: () => Promise<T>) => withSqliteImportLock(db, work, (message) => log.warn(message));
  return {
    async importPath(path, options = {}) {
      if (!existsSync(path)) throw notFound(`Import path ${JSON.stringify(path)}`);
      const started = performance.now();
      const content = await readRepository(path, { maxFileBytes: deps.config.IMPORT_MAX_FILE_BYTES, onProgress: options.onProgress });
      const importable = content.index.length > 0 || content.lessons.some((l) => l.number !== null);
      if (!importable || (options.strict && content.warnings.length > 0)) {
        const stats = await contentStats(db);
        return {
          days: 0,
          lessons: 0,
          concepts: 0,
          references: 0,
          snippets: 0,
          attachments: 0,
          files: 0,
          skipped: content.skipped,
          changed: 0,
          daysWritten: 0,
          contentVersion: stats.contentVersion,
          warnings: content.warnings,
          durationMs: Math.round(performance.now() - started),
          written: false,
        };
      }
      const summary = await oneWriter(() => writeContent(db, content));
      if (summary.changed > 0) await contentVersion.announce();
      log.info("content imported", {
        path: options.sourceName ?? path,
        days: summary.days,
        lessons: summary.lessons,
        changed: summary.changed,
        warnings: summary.warnings.length,
      });
      return { ...summary, durationMs: Math.round(performance.now() - started), written: true };
    },
    async importSource(input, options = {}) {
      const source = parseContentSource(input);
      if (source.kind === "path") {
        const path = resolve(source.path);
        return { source: path, ...(await this.importPath(path, options)) };
      }
      const limits = {
        timeoutMs: deps.config.IMPORT_DOWNLOAD_TIMEOUT_MS,
        maxBytes: deps.config.IMPORT_MAX_DOWNLOAD_BYTES,
        onProgress: options.onDownload,
        signal: options.signal,
      };
      // Loaded only for a remote source: a path import never loads the archive and download code.
      const { withSourceTree } = await import("./fetchSource.ts");
      const result = await withSourceTree(source, limits, (dir) => this.importPath(dir, { ...options, sourceName: describeSource(source) }));
      return { source: describeSource(source), ...result };
    },
    async importSourceIfNoLessons(source, options = {}) {
      const hasLessons = async () => (await db.prisma.day.count({ where: { hasLesson: true } })) > 0;
      if (await hasLessons()) return null;
      const { withSourceImportLock } = await import("../db/sourceImportLock.ts");
      return withSourceImportLock(db, async () => ((await hasLessons()) ? null : this.importSource(source, options)), options.signal);
    },
    async loadSeeds(dir = defaultSeedsDir) {
      const seeds = await readSeeds(dir);
      const summary = await oneWriter(() => writeSeeds(db, seeds));
      if (summary.changed > 0) await contentVersion.announce();
      log.info("seeds loaded", { days: summary.days, concepts: summary.concepts, changed: summary.changed });
      return summary;
    },
    async seedIfEmpty(dir = defaultSeedsDir) {
      if ((await db.prisma.day.count()) > 0) return null;
      if (!existsSync(dir)) {
        log.warn("no seeds directory; starting with an empty store", { dir });
        return null;
      }
      return this.loadSeeds(dir);
    },
    stats: () => contentStats(db),
  };
}
