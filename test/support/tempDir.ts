/**
 * Temporary folders of a test process, removed when the process exits (whether or not
 * `npm test` also gives it a run folder), so no run leaves `k8s-days-*` folders behind.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];
process.once("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder named `k8s-days-<label>-…`, removed at exit. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `k8s-days-${label}-`));
  made.push(dir);
  return dir;
}
