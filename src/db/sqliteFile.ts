/**
 * Where a SQLite database may live, checked before SQLite opens the file, so a bad
 * `DATABASE_URL` fails at once with the path in the message (SQLite alone says "unable to
 * open database file", or creates folders nobody asked for).
 *
 * Rules:
 * - The database's folder is created only when its parent folder exists: the default
 *   `file:./data/k8s-days.db` gets its `data/` on the first start, a mistyped
 *   `file:/nonexistent/dir/k8s.db` is an error and nothing is created.
 * - Kernel file systems (`/proc`, `/sys`, `/dev`) and read-only places (the folder, or an
 *   existing file, not writable) are refused before SQLite tries them.
 * - With `create: false` (read-only commands such as `k8s-days stats`) a missing file is an
 *   error: such a command never creates a database.
 */
import { accessSync, constants, existsSync, mkdirSync, realpathSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** A `file:` DATABASE_URL that cannot hold a database, with the path and what to do. */
export class DatabaseLocationError extends Error {
  override name = "DatabaseLocationError";
}

const KERNEL_FS = /^\/(proc|sys|dev)(\/|$)/;

/**
 * Checks (and when allowed creates the folder of) the SQLite file at `path`; returns the
 * absolute path. Throws DatabaseLocationError naming the path otherwise.
 */
export function prepareSqliteFile(path: string, options: { create: boolean }): string {
  if (path === ":memory:") return path;
  const file = resolve(path);
  const folder = dirname(file);
  const where = `DATABASE_URL file:${path}`;
  if (KERNEL_FS.test(realExisting(folder))) throw new DatabaseLocationError(`${where}: ${folder} is a kernel file system; SQLite cannot keep a database there`);
  if (!existsSync(file) && !options.create) {
    throw new DatabaseLocationError(`${where}: no database at ${file} (this command never creates one; start the server or run \`k8s-days import\` first)`);
  }
  if (!existsSync(folder)) {
    if (!existsSync(dirname(folder))) throw new DatabaseLocationError(`${where}: folder ${folder} does not exist (create it first)`);
    try {
      mkdirSync(folder);
    } catch (err) {
      throw new DatabaseLocationError(`${where}: cannot create folder ${folder} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  if (!statSync(folder).isDirectory()) throw new DatabaseLocationError(`${where}: ${folder} is not a folder`);
  if (existsSync(file) && !statSync(file).isFile()) throw new DatabaseLocationError(`${where}: ${file} is not a regular file`);
  // SQLite writes the database, its -wal and -shm files beside it: the folder must be writable.
  for (const target of existsSync(file) ? [folder, file] : [folder]) {
    try {
      accessSync(target, constants.W_OK);
    } catch (err) {
      throw new DatabaseLocationError(`${where}: ${target} is not writable (${(err as NodeJS.ErrnoException).code ?? "read-only"})`);
    }
  }
  return file;
}

/** The real path of `path`'s nearest existing ancestor (symlinks into /proc are caught too). */
function realExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
