/**
 * Brings a remote content source (importer/contentSource.ts) onto the disk for the time of
 * one import: an archive is downloaded and unpacked, a git URL cloned shallow with the
 * system's `git`, each into a fresh temp folder that is always removed afterwards — after
 * success, failure, timeout or cancellation alike.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unpackArchive } from "./archive.ts";
import { ContentSourceError, describeSource, type ContentSource } from "./contentSource.ts";
import { downloadToFile, type DownloadProgress } from "./download.ts";

/** Limits and observers of fetching one source. */
export interface FetchOptions {
  /** Time limit of the download or clone, in milliseconds. */
  timeoutMs: number;
  /** Largest download, and largest unpacked size, in bytes. */
  maxBytes: number;
  onProgress?: DownloadProgress;
  signal?: AbortSignal;
}

/**
 * Runs `use` with the folder holding the repository of a remote `source` (an archive's
 * single top folder, or the clone), then removes the temp folder.
 * @example await withSourceTree(parseContentSource(url), limits, (dir) => importer.importPath(dir))
 */
export async function withSourceTree<T>(source: Exclude<ContentSource, { kind: "path" }>, options: FetchOptions, use: (dir: string) => Promise<T>): Promise<T> {
  const temp = await mkdtemp(join(tmpdir(), "k8s-days-source-"));
  try {
    const tree = join(temp, "tree");
    await mkdir(tree);
    if (source.kind === "archive") {
      const file = join(temp, "download");
      await downloadToFile(source.url, file, options);
      await unpackArchive(file, tree, { maxBytes: options.maxBytes });
      await rm(file, { force: true });
      return await use(await singleTopFolder(tree));
    }
    await gitClone(source.url, join(tree, "repository"), options);
    return await use(join(tree, "repository"));
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The archive's only top-level folder (GitHub's `REPO-BRANCH/`), else the unpacked folder itself. */
async function singleTopFolder(tree: string): Promise<string> {
  const entries = await readdir(tree, { withFileTypes: true });
  const only = entries.length === 1 ? entries[0] : undefined;
  return only?.isDirectory() ? join(tree, only.name) : tree;
}

/** `git clone --depth 1` of `url` into `dest`, never prompting for credentials, within the time limit. */
async function gitClone(url: string, dest: string, options: FetchOptions): Promise<void> {
  const shown = describeSource({ kind: "git", url });
  await new Promise<void>((resolve, reject) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn("git", ["-c", "protocol.ext.allow=never", "clone", "--depth", "1", "--quiet", "--", url, dest], {
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: "0",
          GIT_ASKPASS: "",
          SSH_ASKPASS: "",
          GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? "ssh -o BatchMode=yes",
        },
        stdio: ["ignore", "ignore", "pipe"],
        timeout: options.timeoutMs,
        signal: options.signal,
      });
    } catch (err) {
      reject(new ContentSourceError(`cannot run git: ${(err as Error).message}`));
      return;
    }
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString("utf8");
    });
    child.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") reject(new ContentSourceError("cannot clone: git is not installed (use the repository's .tar.gz URL instead)"));
      else if (options.signal?.aborted) reject(new ContentSourceError(`git clone of ${shown} was cancelled`));
      else reject(new ContentSourceError(`git clone of ${shown} failed: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else if (signal)
        reject(new ContentSourceError(`git clone of ${shown} ${options.signal?.aborted ? "was cancelled" : `took longer than ${options.timeoutMs} ms`}`));
      else reject(new ContentSourceError(`git clone of ${shown} failed: ${stderr.trim().split("\n").pop() || `exit code ${code}`}`));
    });
  });
}
