/**
 * The server's first-start import: when the store holds no lessons, the seeds serve at once
 * and the lessons of CONTENT_SOURCE are imported in the background. They appear when the
 * import commits (the content version drops every replica's caches). A failure — no
 * network, a bad URL — is one warning line; the seeds keep serving. `none` turns it off.
 */
import type { Logger } from "../log.ts";
import type { ContentImporter } from "./importer.service.ts";
import { describeSource, isNoSource, parseContentSource } from "./contentSource.ts";

/** A running (or finished) background import. */
export interface BackgroundImport {
  /** Settles when the import ends, whatever the outcome (never rejects). */
  done: Promise<void>;
  /** Cancels a download or clone in progress and waits for the import to end. */
  stop(): Promise<void>;
}

/** Starts importing `source` in the background when the store has no lessons. */
export function importContentInBackground(importer: ContentImporter, source: string, log: Logger): BackgroundImport {
  if (isNoSource(source)) return { done: Promise.resolve(), stop: async () => {} };
  const abort = new AbortController();
  const started = performance.now();
  let shown = source;
  try {
    shown = describeSource(parseContentSource(source));
  } catch {
    // reported by the import below
  }
  const done = (async () => {
    if ((await importer.stats()).lessons > 0) return;
    log.info("no lessons in the store: importing them in the background from CONTENT_SOURCE (the seed content serves meanwhile)", { source: shown });
    const result = await importer.importSourceIfNoLessons(source, { signal: abort.signal });
    if (!result) return;
    if (!result.written) log.warn("CONTENT_SOURCE held no lessons; serving the seed content", { source: result.source, warnings: result.warnings.length });
    else
      log.info("lessons imported from CONTENT_SOURCE", {
        source: result.source,
        lessons: result.lessons,
        changed: result.changed,
        seconds: Math.round(performance.now() - started) / 1000,
      });
  })().catch((err: unknown) => {
    if (abort.signal.aborted) return;
    log.warn(`could not import the lessons from CONTENT_SOURCE; serving the seed content (set CONTENT_SOURCE=none to skip this): ${(err as Error).message}`, {
      source: shown,
    });
  });
  return {
    done,
    stop: async () => {
      abort.abort();
      await done;
    },
  };
}
