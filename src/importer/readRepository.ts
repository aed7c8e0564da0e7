/**
 * Reads a challenge repository (or one day folder, or one lesson file) from disk into
 * lessons, day facts, learning paths and the repository's other files. Unreadable,
 * oversized files and corrupt images are skipped with a warning, other binary files
 * (not images) without one; nothing here throws for content problems.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { DEFAULT_CHALLENGE_NAME } from "../modules/content/defaultChallenge.ts";
import { dayFactsFromRows, linkedDays, tableRows, type DayFacts } from "./dayIndex.ts";
import type { ImportWarning, Lesson, LessonAttachment } from "./lesson.ts";
import { lessonManifestObjects } from "./lessonManifests.ts";
import { declaredKinds, isManifest } from "./manifests.ts";
import { parseMarkdown, plainText } from "./markdown.ts";
import { linkResolver } from "./linkTargets.ts";
import { parseLesson } from "./parseLesson.ts";
import { isRefusal, storedFile, type StoredFile } from "./repositoryFile.ts";

/** A learning path read from the repository. */
export interface PathFacts {
  name: string;
  title: string;
  description: string;
  days: number[];
}

/** A file of the repository outside the day folders (the top README's images, challenge/*.md). */
export interface RepositoryFile extends StoredFile {
  /** Path from the repository root, e.g. "readme-images/banner.jpg". */
  path: string;
}

/** Everything read from an import path. */
export interface RepositoryContent {
  /** "repository" when a challenge/README.md table was found; "lessons" for a day folder or file. */
  shape: "repository" | "lessons";
  challenge: { name: string } | null;
  index: DayFacts[];
  paths: PathFacts[];
  lessons: Lesson[];
  /** Files outside the day folders; only for a whole repository ("repository" shape). */
  files: RepositoryFile[];
  /** Binary files that are not images, skipped without a warning (repository-relative paths). */
  skipped: string[];
  warnings: ImportWarning[];
}

/** Files read so far, for progress display. */
export type ProgressListener = (done: number, total: number) => void;

/** How to read. */
export interface ReadOptions {
  /** Files (attachments, images, repository files) larger than this are skipped with a warning. */
  maxFileBytes: number;
  onProgress?: ProgressListener;
}

/** What reading one folder's files shares: the limit and where problems go. */
interface FileReader {
  maxFileBytes: number;
  warnings: ImportWarning[];
  skipped: string[];
}

/** Reads a repository, a day folder or a single lesson file. Throws only when the path does not exist. */
export async function readRepository(path: string, options: ReadOptions): Promise<RepositoryContent> {
  const { onProgress } = options;
  const info = await stat(path);
  const content: RepositoryContent = { shape: "lessons", challenge: null, index: [], paths: [], lessons: [], files: [], skipped: [], warnings: [] };
  const reader: FileReader = { maxFileBytes: options.maxFileBytes, warnings: content.warnings, skipped: content.skipped };
  if (info.isFile()) {
    // A lesson inside a challenge repository keeps the same source path as in a full import.
    const root = await repositoryRootOf(path);
    const name = root ? relative(root, path).split(sep).join("/") : path;
    const lesson = await readLessonFile(path, name, content.warnings, await repositoryFiles(root ?? dirname(path)));
    if (lesson) {
      addManifestObjects(lesson, null, content.warnings);
      content.lessons.push(lesson);
    }
    return content;
  }
  const table = join(path, "challenge", "README.md");
  if (!(await exists(table))) {
    // A single day folder: its README.md plus attachments.
    const root = await repositoryRootOf(path);
    const files = await repositoryFiles(root ?? path);
    const lesson = (await exists(join(path, "README.md"))) ? await readDayFolder(path, root ?? path, reader, files) : null;
    if (lesson) content.lessons.push(lesson);
    else if (!(await exists(join(path, "README.md"))))
      content.warnings.push({ file: path, line: 1, message: "neither a challenge repository (challenge/README.md) nor a day folder (README.md)" });
    return content;
  }
  content.shape = "repository";
  const rel = (p: string) => relative(path, p).split(sep).join("/");

  const rootReadme = await readText(join(path, "README.md"), "README.md", content.warnings);
  if (rootReadme !== null) {
    const heading = parseMarkdown(rootReadme).children.find((n) => n.type === "heading" && n.depth === 1);
    content.challenge = { name: heading ? plainText(heading) : DEFAULT_CHALLENGE_NAME };
  }
  const tableText = await readText(table, rel(table), content.warnings);
  if (tableText !== null) content.index = dayFactsFromRows(tableRows(parseMarkdown(tableText), rel(table), content.warnings));

  const suggested = join(path, "challenge", "suggested-order.md");
  if (await exists(suggested)) {
    const text = await readText(suggested, rel(suggested), content.warnings);
    if (text !== null) {
      const days = linkedDays(parseMarkdown(text), rel(suggested), content.warnings);
      if (days.length > 0)
        content.paths.push({
          name: "suggested",
          title: "Suggested order",
          description: "The order the challenge's author suggests for studying the lessons.",
          days,
        });
    }
  }

  const dayFolders: string[] = [];
  for (const week of await safeReaddir(join(path, "challenge"))) {
    if (!week.isDirectory() || !/^week\d+$/i.test(week.name)) continue;
    for (const day of await safeReaddir(join(path, "challenge", week.name))) {
      if (day.isDirectory() && /^day\d+$/i.test(day.name)) dayFolders.push(join(path, "challenge", week.name, day.name));
    }
  }
  dayFolders.sort((a, b) => dayNumberOf(a) - dayNumberOf(b));
  let done = 0;
  const files = await repositoryFiles(path);
  for (const folder of dayFolders) {
    const lesson = await readDayFolder(folder, path, reader, files);
    if (lesson) {
      if (lesson.number !== null && lesson.number !== dayNumberOf(folder)) {
        content.warnings.push({
          file: lesson.sourcePath,
          line: 1,
          message: `title says day ${lesson.number} but the folder is day${dayNumberOf(folder)}; using ${dayNumberOf(folder)}`,
        });
      }
      lesson.number = dayNumberOf(folder);
      content.lessons.push(lesson);
    }
    onProgress?.(++done, dayFolders.length);
  }
  const inDayFolder = (name: string) => /^challenge\/week\d+\/day\d+\//i.test(name);
  for (const file of await readFiles(path, path, reader, (name) => !inDayFolder(name))) {
    const { name, ...stored } = file;
    content.files.push({ path: name, ...stored });
  }
  return content;
}

/** The nearest ancestor directory holding challenge/README.md, if any. */
async function repositoryRootOf(path: string): Promise<string | null> {
  let dir = dirname(resolve(path));
  for (;;) {
    if (await exists(join(dir, "challenge", "README.md"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function dayNumberOf(folder: string): number {
  return Number(/day(\d+)$/i.exec(basename(folder))?.[1] ?? 0);
}

async function readDayFolder(folder: string, root: string, reader: FileReader, files: ReadonlySet<string>): Promise<Lesson | null> {
  const { warnings } = reader;
  const readme = join(folder, "README.md");
  if (!(await exists(readme))) {
    warnings.push({ file: relative(root, folder) || folder, line: 1, message: "day folder without README.md" });
    return null;
  }
  const lesson = await readLessonFile(readme, relative(root, readme).split(sep).join("/") || readme, warnings, files);
  if (!lesson) return null;
  if (lesson.number === null) {
    const n = dayNumberOf(folder);
    if (n > 0) lesson.number = n;
  }
  lesson.attachments = await readAttachments(folder, root, reader);
  addManifestObjects(lesson, relative(root, folder).split(sep).join("/") || null, warnings);
  return lesson;
}

async function readLessonFile(file: string, name: string, warnings: ImportWarning[], files: ReadonlySet<string>): Promise<Lesson | null> {
  const text = await readText(file, name, warnings);
  if (text === null) return null;
  const parsed = parseLesson(text, name, { resolveLink: linkResolver(name, files) });
  warnings.push(...parsed.warnings);
  if (parsed.lesson.number === null && !/day\d+/i.test(file)) {
    warnings.push({ file: name, line: 1, message: "skipped: no day number in the title line or the folder name" });
    return null;
  }
  if (parsed.lesson.number === null) parsed.lesson.number = Number(/day(\d+)/i.exec(file)![1]);
  return parsed.lesson;
}

/** Reads the Kubernetes objects of the lesson's manifests and YAML snippets (`folder`: the day folder, for warnings). */
function addManifestObjects(lesson: Lesson, folder: string | null, warnings: ImportWarning[]): void {
  const found = lessonManifestObjects(lesson, folder);
  lesson.manifestObjects = found.objects;
  warnings.push(...found.warnings);
}

/** Every file under a day folder except its README.md, depth first, sorted by name; manifests with their kinds. */
async function readAttachments(folder: string, root: string, reader: FileReader): Promise<LessonAttachment[]> {
  const files = await readFiles(folder, root, reader, (name) => name !== "README.md");
  return files.map((file) => {
    const attachment: LessonAttachment = { ...file, kinds: [], apiVersions: [] };
    if (file.data === null && isManifest(file.name)) {
      const declared = declaredKinds(file.text.replace(/^\uFEFF/, ""));
      attachment.kinds = [...new Set(declared.kinds)];
      attachment.apiVersions = [...new Set(declared.apiVersions)];
      const shown = relative(root, join(folder, file.name)).split(sep).join("/") || file.name;
      for (const e of declared.errors) reader.warnings.push({ file: shown, line: e.line, message: `invalid YAML: ${e.message}` });
    }
    return attachment;
  });
}

/**
 * Every file under `folder` that `keep` accepts (by its path relative to `folder`), sorted
 * by path, hidden files and folders left out: text files and images as stored files;
 * oversized, unreadable or corrupt ones warned about, other binary files only listed.
 */
async function readFiles(folder: string, root: string, reader: FileReader, keep: (name: string) => boolean): Promise<(StoredFile & { name: string })[]> {
  const out: (StoredFile & { name: string })[] = [];
  const names = (await visibleFiles(folder)).filter(keep).sort();
  for (const name of names) {
    const full = join(folder, name);
    const shown = relative(root, full).split(sep).join("/") || full;
    let buffer: Uint8Array<ArrayBuffer>;
    try {
      const size = (await stat(full)).size;
      if (size > reader.maxFileBytes) {
        reader.warnings.push({
          file: shown,
          line: 0,
          message: `skipped: ${size} bytes is over the ${reader.maxFileBytes}-byte limit for files (IMPORT_MAX_FILE_BYTES)`,
        });
        continue;
      }
      buffer = await readFile(full);
    } catch (err) {
      reader.warnings.push({ file: shown, line: 0, message: `unreadable: ${(err as Error).message}` });
      continue;
    }
    const file = storedFile(name, buffer);
    if (isRefusal(file)) {
      if ("warning" in file) reader.warnings.push({ file: shown, line: 0, message: `${file.warning}; skipped` });
      else reader.skipped.push(shown);
      continue;
    }
    out.push({ name, ...file });
  }
  return out;
}

/** Paths (relative, "/"-separated) of the files under `folder`, not descending into hidden folders (.git) or node_modules. */
async function visibleFiles(folder: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await safeReaddir(join(folder, prefix))) {
    if (entry.name.startsWith(".") || (entry.isDirectory() && entry.name === "node_modules")) continue;
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await visibleFiles(folder, name)));
    else if (entry.isFile()) out.push(name);
  }
  return out;
}

/** Every file path under `root`, relative and with "/" (hidden files and folders left out): what links may point at. */
async function repositoryFiles(root: string): Promise<Set<string>> {
  return new Set(await visibleFiles(root));
}

/** UTF-8 text of a buffer, or null for binary content (NUL bytes or invalid UTF-8). */
function decodeText(buffer: Buffer): string | null {
  if (buffer.subarray(0, 8192).includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    return null;
  }
}

async function readText(file: string, name: string, warnings: ImportWarning[]): Promise<string | null> {
  try {
    const buffer = await readFile(file);
    const text = decodeText(buffer);
    if (text === null) warnings.push({ file: name, line: 0, message: "not UTF-8 text" });
    return text;
  } catch (err) {
    warnings.push({ file: name, line: 0, message: `unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function safeReaddir(path: string) {
  try {
    return await readdir(path, { withFileTypes: true });
  } catch {
    return [];
  }
}
