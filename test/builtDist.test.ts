/**
 * The CLI runs dist/ only while it is current: built after the last change under src/
 * (bin/built.mjs). A stale dist/ must never run in place of edited sources.
 */
import { it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { STAMP, distIsCurrent } from "../bin/built.mjs";
import { tempDir } from "./support/tempDir.ts";

it("treats dist/ as current only when its stamp is newer than every file under src/", (t) => {
  const root = tempDir("built");
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, "src/deep"), { recursive: true });
  mkdirSync(join(root, "dist"));
  const source = join(root, "src/deep/a.ts");
  const stamp = join(root, "dist", STAMP);
  writeFileSync(source, "export {};\n");
  assert.equal(distIsCurrent(root), false, "no stamp: never built");
  writeFileSync(stamp, "built\n");
  utimesSync(source, new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
  utimesSync(stamp, new Date("2026-01-02T00:00:00Z"), new Date("2026-01-02T00:00:00Z"));
  assert.equal(distIsCurrent(root), true);
  utimesSync(source, new Date("2026-01-03T00:00:00Z"), new Date("2026-01-03T00:00:00Z"));
  assert.equal(distIsCurrent(root), false, "a source edited after the build");
  rmSync(join(root, "src"), { recursive: true });
  assert.equal(distIsCurrent(root), true, "no sources at all (the image): dist is all there is");
});
