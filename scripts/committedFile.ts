// Writes a generated contract file that is committed (schema.graphql, openapi.json), or with
// `--check` on the command line only compares it and exits 1 when it differs.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

/** Writes `text` to `target`, or with `--check` compares; `command` is what rewrites it. */
export function writeOrCheck(target: string, text: string, command: string): void {
  const name = basename(target);
  if (process.argv.includes("--check")) {
    const same = existsSync(target) && readFileSync(target, "utf8") === text;
    console.log(same ? `${name} is up to date` : `${name} differs: run ${command}`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
