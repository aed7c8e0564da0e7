#!/usr/bin/env node
// The k8s-days command line (import, seed, stats, learner, mcp). Runs the compiled
// JavaScript in dist/ when it is current (bin/built.mjs) — a start in a fraction of a
// second — and the TypeScript sources through tsx otherwise.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { distIsCurrent } from "./built.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (distIsCurrent(root)) {
  await import(pathToFileURL(join(root, "dist/cli/main.js")).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
