#!/usr/bin/env node
// The k8s-days command line (import, seed, stats, learner, mcp). TypeScript runs through tsx.
import { register } from "tsx/esm/api";
register();
await import("../src/cli/main.ts");
