/**
 * Unpacks a downloaded .tar.gz or .zip into a folder, refusing any archive that could write
 * outside it. The format is read from the first bytes (gzip or zip), not from the URL.
 *
 * Every entry is checked before anything is written: a path that is absolute or climbs
 * with `..`, or a symbolic/hard link whose target lies outside the archive, refuses the
 * whole archive (a lesson repository never has one; an archive that does is hostile or
 * broken). Links that stay inside are skipped, never created, and so are devices and
 * FIFOs: only regular files and folders are written. The unpacked size and the number of
 * entries are capped, so a small archive cannot unpack into gigabytes.
 * Parsing is node-tar's and yauzl's; the checks are ours and pure (`archiveEntryPath`).
 */
import { createWriteStream } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { pipeline } from "node:stream/promises";
import * as tar from "tar";
import * as yauzl from "yauzl";
import { ContentSourceError } from "./contentSource.ts";

/** Limits of one unpacking. */
export interface UnpackLimits {
  /** Largest total size of the files once unpacked. */
  maxBytes: number;
  /** Most entries (files, folders, links). */
  maxEntries?: number;
}

const DEFAULT_MAX_ENTRIES = 100_000;

/**
 * The "/"-separated relative path an archive entry may be written at, without `.` or empty
 * segments; throws ContentSourceError for a path that is absolute, climbs out with `..`,
 * or holds a backslash or NUL. An empty result is the archive's root itself.
 * @example archiveEntryPath("repo-main/challenge/README.md") // "repo-main/challenge/README.md"
 * @example archiveEntryPath("../etc/passwd") // throws
 */
export function archiveEntryPath(name: string): string {
  if (name.includes("\\") || name.includes("\0")) throw refused(name, "has a backslash or NUL in its path");
  if (name.startsWith("/") || /^[a-z]:/i.test(name)) throw refused(name, "has an absolute path");
  const segments = name.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) throw refused(name, "climbs out of the archive with ..");
  return segments.join("/");
}

/**
 * Whether a link entry at `entryPath` pointing at `target` stays inside the archive.
 * Symbolic links resolve from the link's folder, hard links from the archive root.
 */
export function linkStaysInside(entryPath: string, target: string, kind: "symbolic" | "hard"): boolean {
  if (target.startsWith("/") || /^[a-z]:/i.test(target) || target.includes("\\")) return false;
  const from = kind === "symbolic" ? posix.dirname(entryPath) : ".";
  const resolved = posix.normalize(posix.join(from, target));
  return resolved !== ".." && !resolved.startsWith("../");
}

function refused(entry: string, why: string): ContentSourceError {
  return new ContentSourceError(`archive refused: entry ${JSON.stringify(entry)} ${why}`);
}

/** Unpacks `file` (a .tar.gz or .zip, told by its first bytes) into the existing folder `dest`. */
export async function unpackArchive(file: string, dest: string, limits: UnpackLimits): Promise<void> {
  const head = Buffer.alloc(4);
  const handle = await open(file, "r");
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return unpackTarGz(file, dest, limits);
  if (head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50) return unpackZip(file, dest, limits);
  throw new ContentSourceError("not a .tar.gz or .zip archive (the download starts with neither the gzip nor the zip signature)");
}

/** Counts entries and bytes against the limits as they are checked. */
function budget(limits: UnpackLimits) {
  let bytes = 0;
  let entries = 0;
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  return (size: number) => {
    bytes += size;
    entries += 1;
    if (bytes > limits.maxBytes) throw new ContentSourceError(`archive refused: it unpacks to more than ${limits.maxBytes} bytes`);
    if (entries > maxEntries) throw new ContentSourceError(`archive refused: more than ${maxEntries} entries`);
  };
}

const TAR_FILE_TYPES = new Set(["File", "OldFile", "ContiguousFile"]);

async function unpackTarGz(file: string, dest: string, limits: UnpackLimits): Promise<void> {
  // First pass: check every entry; nothing is written unless the whole archive is acceptable.
  const count = budget(limits);
  let problem: Error | undefined;
  await tar
    .t({
      file,
      strict: true,
      onReadEntry: (entry) => {
        if (problem) return;
        try {
          const path = archiveEntryPath(entry.path);
          if (entry.type === "SymbolicLink" || entry.type === "Link") {
            const kind = entry.type === "SymbolicLink" ? "symbolic" : "hard";
            if (!linkStaysInside(path, entry.linkpath ?? "", kind))
              throw refused(entry.path, `is a ${kind} link pointing outside the archive (${entry.linkpath})`);
          }
          count(TAR_FILE_TYPES.has(entry.type) ? entry.size : 0);
        } catch (err) {
          problem = err as Error;
        }
      },
    })
    .catch((err: Error) => {
      throw new ContentSourceError(`not a readable .tar.gz archive: ${err.message}`);
    });
  if (problem) throw problem;
  // Second pass: regular files and folders only, with node-tar's own path protections on.
  await tar.x({
    file,
    cwd: dest,
    strict: true,
    preservePaths: false,
    preserveOwner: false,
    filter: (_path, entry) => "type" in entry && (TAR_FILE_TYPES.has(entry.type) || entry.type === "Directory"),
  });
}

async function unpackZip(file: string, dest: string, limits: UnpackLimits): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true });
  } catch (err) {
    throw new ContentSourceError(`not a readable .zip archive: ${(err as Error).message}`);
  }
  try {
    const count = budget(limits);
    const files: { entry: yauzl.Entry; path: string }[] = [];
    const folders: string[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        const path = archiveEntryPath(entry.fileName);
        const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
        if (mode === 0o120000) {
          // A symbolic link: its target is the entry's content (a short path).
          const target = await readSmall(zip, entry);
          if (!linkStaysInside(path, target, "symbolic")) throw refused(entry.fileName, `is a symbolic link pointing outside the archive (${target})`);
          count(0);
        } else if (entry.fileName.endsWith("/")) {
          count(0);
          if (path) folders.push(path);
        } else if (mode === 0 || mode === 0o100000) {
          count(entry.uncompressedSize);
          if (path) files.push({ entry, path });
        } else count(0); // devices, FIFOs: skipped
      }
    } catch (err) {
      if (err instanceof ContentSourceError) throw err;
      throw new ContentSourceError(`archive refused: ${(err as Error).message}`);
    }
    for (const folder of folders) await mkdir(join(dest, folder), { recursive: true });
    for (const { entry, path } of files) {
      const target = join(dest, path);
      await mkdir(dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target, { flags: "wx" }));
    }
  } finally {
    zip.close();
  }
}

async function readSmall(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  if (entry.uncompressedSize > 4096) return "/";
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
