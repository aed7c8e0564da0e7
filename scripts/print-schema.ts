// `npm run schema:print`: writes the assembled GraphQL schema to schema.graphql
// (a test fails when the committed file differs). `--check` only compares.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { printSchemaSdl } from "../src/graphql/modules.ts";

const target = join(dirname(fileURLToPath(import.meta.url)), "..", "schema.graphql");
const sdl = printSchemaSdl();
if (process.argv.includes("--check")) {
  const same = existsSync(target) && readFileSync(target, "utf8") === sdl;
  console.log(same ? "schema.graphql is up to date" : "schema.graphql differs: run npm run schema:print");
  process.exit(same ? 0 : 1);
}
writeFileSync(target, sdl);
console.log(`wrote ${target}`);
