// Whether dist/ (the compiled JavaScript, `npm run build`) is current: it is when
// dist/.built exists and no file under src/ is newer. The CLI runs dist when it is
// current and the TypeScript sources through tsx otherwise (a checkout being edited).
// K8S_DAYS_FROM_SOURCE=1 always runs the sources.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The build stamp written last by scripts/build.mjs. */
export const STAMP = ".built";

/** True when `root`/dist was built after the last change under `root`/src (or src/ is absent, as in the image). */
export function distIsCurrent(root) {
  if (process.env.K8S_DAYS_FROM_SOURCE === "1") return false;
  let built;
  try {
    built = statSync(join(root, "dist", STAMP)).mtimeMs;
  } catch {
    return false;
  }
  let entries;
  try {
    entries = readdirSync(join(root, "src"), { recursive: true, withFileTypes: true });
  } catch {
    return true;
  }
  for (const e of entries) {
    if (!e.isFile()) continue;
    // parentPath is Node ≥ 20.12; path is the older name of the same thing.
    if (statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs > built) return false;
  }
  return true;
}
