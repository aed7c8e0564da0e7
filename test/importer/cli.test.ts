import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { dropDatabase, fixturesDir, freshDatabaseUrl } from "../support/databases.ts";
import { runCli, spawnCli } from "../support/cli.ts";
import { fixtureCopy, fixtureFacts, warningLines } from "../support/content.ts";
import { writeSeedTree } from "../support/seedTree.ts";
import { tempDir } from "../support/tempDir.ts";

/** Most cases run the CLI in-process; the first import and --help go through the real bin script. */
const cli = runCli;

describe("the k8s-days command line", () => {
  let url: string;
  before(async () => {
    url = await freshDatabaseUrl("cli");
  });
  after(() => dropDatabase(url));

  test("import --json creates the database, imports the fixtures and prints one JSON object", async () => {
    const run = await spawnCli(url, ["import", fixturesDir(), "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(out.days, 66);
    assert.equal(out.lessons, fixtureFacts.lessons);
    assert.equal(out.attachments, fixtureFacts.attachments);
    assert.ok((out.snippets as number) > 40);
    assert.ok((out.references as number) > 25);
    assert.ok((out.changed as number) > 66);
    assert.deepEqual(warningLines(out.warnings as { file: string; line: number; message: string }[]), fixtureFacts.warnings);
    assert.equal(typeof out.concepts, "number");
  });

  test("a second import reports changed: 0, and says so in words", async () => {
    const json = await cli(url, ["import", fixturesDir(), "--json"]);
    assert.equal(json.code, 0);
    assert.equal((JSON.parse(json.stdout) as { changed: number }).changed, 0);
    const human = await cli(url, ["import", fixturesDir()]);
    assert.equal(human.code, 0);
    assert.match(human.stdout, /Nothing changed/);
    assert.doesNotMatch(human.stdout, /\r/, "no progress bar when stdout is not a terminal");
  });

  test("stats --json prints the store's counts", async () => {
    const run = await cli(url, ["stats", "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const stats = JSON.parse(run.stdout) as Record<string, number>;
    assert.equal(stats.days, 66);
    assert.equal(stats.lessons, fixtureFacts.lessons);
    assert.equal(stats.learners, 0);
    assert.equal(typeof stats.concepts, "number");
    assert.equal(typeof stats.references, "number");
  });

  test("seed --json loads a seed tree and a second run changes nothing", async () => {
    const dir = writeSeedTree();
    const first = await cli(url, ["seed", "--json", "--dir", dir]);
    assert.equal(first.code, 0, first.stderr);
    assert.ok((JSON.parse(first.stdout) as { changed: number }).changed > 0);
    const second = await cli(url, ["seed", "--json", "--dir", dir]);
    assert.equal((JSON.parse(second.stdout) as { changed: number }).changed, 0);
  });

  test("invalid seeds exit 1 with file:line problems on stderr and no stack trace", async () => {
    const dir = tempDir("badseeds");
    writeFileSync(join(dir, "challenge.yaml"), "slug: 66daysofk8s\nname: x\n");
    const run = await cli(url, ["seed", "--dir", dir]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /challenge\.yaml:1 challenge\.hashtag: /);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  test("a missing path exits 1 with one clear line", async () => {
    const run = await cli(url, ["import", "/no/such/repository"]);
    assert.equal(run.code, 1);
    assert.equal(run.stderr.trim(), 'k8s-days import: Import path "/no/such/repository" not found');
  });

  test("--strict exits 3 on warnings and writes nothing; without it the rest imports", async () => {
    const repo = fixtureCopy();
    writeFileSync(join(repo, "challenge/week02/day12/broken.yaml"), "kind: [\n");
    const strict = await cli(url, ["import", repo, "--strict", "--json"]);
    assert.equal(strict.code, 3);
    const out = JSON.parse(strict.stdout) as { imported: boolean; changed: number; warnings: { file: string; line: number; message: string }[] };
    assert.equal(out.imported, false);
    assert.equal(out.changed, 0);
    const broken = out.warnings.find((w) => w.file === "challenge/week02/day12/broken.yaml");
    assert.ok(broken, "the broken manifest is among the warnings");
    assert.equal(typeof broken.line, "number");
    const lax = await cli(url, ["import", repo]);
    assert.equal(lax.code, 0);
    assert.match(lax.stderr, /challenge\/week02\/day12\/broken\.yaml:\d+ invalid YAML/);
    // One summary line by kind comes before the list of warnings.
    const lines = lax.stderr.split("\n");
    const summary = lines.findIndex((l) => /^\d+ warnings?: /.test(l));
    assert.ok(summary >= 0, lax.stderr);
    assert.match(lines[summary]!, /\b1 invalid manifest\b/);
    assert.equal(
      lines[summary]!.match(/^(\d+) warnings?/)![1],
      String(lines.filter((l) => /^ {2}\S+:\d+ /.test(l)).length),
      "the count is the number of listed warnings",
    );
    assert.ok(lines.findIndex((l) => /^ {2}\S+:\d+ /.test(l)) > summary, "the summary precedes the list");
  });

  test("a folder with nothing to import exits 1", async () => {
    const run = await cli(url, ["import", tempDir("empty"), "--json"]);
    assert.equal(run.code, 1);
    assert.equal((JSON.parse(run.stdout) as { imported: boolean }).imported, false);
  });

  test("usage errors exit 2 and --help lists the commands", async () => {
    const help = await spawnCli(url, ["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /import .*\n.*seed .*\n.*stats /);
    assert.equal((await cli(url, ["frobnicate"])).code, 2);
    const noPath = await cli(url, ["import"]);
    assert.equal(noPath.code, 2);
    assert.equal(noPath.stderr.split("\n")[0], "k8s-days import: missing PATH_OR_URL");
    assert.equal((await cli(url, ["import", ".", "--bogus"])).code, 2);
    const importHelp = await cli(url, ["import", "--help"]);
    assert.equal(importHelp.code, 0);
    assert.match(importHelp.stdout, /--strict/);
  });
});
