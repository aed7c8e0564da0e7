/**
 * Downloads one URL to a file with a time limit and a size cap, reporting progress.
 * The size is checked against Content-Length first (a too-big answer is refused before
 * its body is read) and again while streaming (a server may not send, or lie about, it).
 */
import { createWriteStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ContentSourceError } from "./contentSource.ts";

/** Bytes received so far and the announced total (null when the server does not say). */
export type DownloadProgress = (received: number, total: number | null) => void;

/** Limits and observers of one download. */
export interface DownloadOptions {
  /** The whole download (connect, redirects, body) must end within this many milliseconds. */
  timeoutMs: number;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  onProgress?: DownloadProgress;
  /** Aborts the download (e.g. on shutdown). */
  signal?: AbortSignal;
}

/** Downloads `url` into `file` (created); throws ContentSourceError with a reason a person can act on. */
export async function downloadToFile(url: string, file: string, options: DownloadOptions): Promise<number> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const shown = new URL(url).origin + new URL(url).pathname;
  const failed = (err: unknown): never => {
    if (timeout.aborted) throw new ContentSourceError(`download of ${shown} took longer than ${options.timeoutMs} ms`);
    if (err instanceof ContentSourceError) throw err;
    if (options.signal?.aborted) throw new ContentSourceError(`download of ${shown} was cancelled`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new ContentSourceError(`cannot download ${shown}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  };
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: "follow", headers: { "user-agent": "k8s-days-importer" } });
  } catch (err) {
    return failed(err);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => {});
    throw new ContentSourceError(`cannot download ${shown}: HTTP ${response.status}${response.status === 404 ? " (no such repository, branch or file?)" : ""}`);
  }
  const announced = Number(response.headers.get("content-length") ?? NaN);
  const total = Number.isFinite(announced) ? announced : null;
  if (total !== null && total > options.maxBytes) {
    await response.body.cancel().catch(() => {});
    throw new ContentSourceError(`download of ${shown} refused: ${total} bytes is over the ${options.maxBytes}-byte limit (IMPORT_MAX_DOWNLOAD_BYTES)`);
  }
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > options.maxBytes) {
        callback(new ContentSourceError(`download of ${shown} refused: more than the ${options.maxBytes}-byte limit (IMPORT_MAX_DOWNLOAD_BYTES)`));
        return;
      }
      options.onProgress?.(received, total);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), counter, createWriteStream(file, { flags: "wx" }), { signal });
  } catch (err) {
    return failed(err);
  }
  return received;
}
