#!/usr/bin/env node
// `npm run build` (also run by `npm install` through `prepare`): compiles src/ to
// dist/ with tsc (tsconfig.build.json; types are checked by `npm run typecheck`, not
// here) and copies the files the code reads beside itself (GraphQL SDL, the REST docs
// page). dist/ mirrors src/, so paths like `../../web` resolve the same from both.
// --if-stale: do nothing when dist/ is current (bin/built.mjs).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { STAMP, distIsCurrent } from "../bin/built.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");

if (process.argv.includes("--if-stale") && distIsCurrent(root)) process.exit(0);

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
} catch {
  // A production install (npm ci --omit=dev) has no compiler; the image copies dist/ from its build stage.
  console.error("k8s-days build: typescript is not installed (production install), dist/ not built; the CLI runs the sources through tsx");
  process.exit(0);
}

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--noCheck"], { cwd: root, stdio: "inherit" });
if (r.status !== 0) process.exit(r.status ?? 1);

let assets = 0;
for (const e of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!e.isFile() || e.name.endsWith(".ts")) continue;
  const from = join(e.parentPath ?? e.path, e.name);
  const to = join(dist, relative(src, from));
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to);
  assets++;
}
writeFileSync(join(dist, STAMP), `${new Date().toISOString()}\n`);
console.error(`k8s-days build: dist/ from src/ in ${((Date.now() - started) / 1000).toFixed(1)} s (${assets} assets copied)`);
