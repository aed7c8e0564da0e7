import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runCli } from "../support/cli.ts";
import { onPostgres, repoRoot } from "../support/databases.ts";
import { tempDir } from "../support/tempDir.ts";

/** Runs the CLI in this process on DATABASE_URL `url`, logs silenced. */
const cli = (url: string, args: string[]) => runCli(url, args, { LOG_LEVEL: "silent" });

describe("where a SQLite database may live", { skip: onPostgres && "file: URLs only" }, () => {
  const folders: string[] = [];
  const tempFolder = () => {
    const dir = tempDir("location");
    folders.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a folder that does not exist, naming it, and creates nothing", async () => {
    const missing = `/nonexistent-${randomBytes(4).toString("hex")}/dir`;
    const run = await cli(`file:${missing}/k8s-days.db`, ["seed"]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`folder ${missing} does not exist`));
    assert.equal(existsSync(missing.replace(/\/dir$/, "")), false);
  });

  it("creates the database's own folder when its parent exists (the default ./data on a first start)", async () => {
    const parent = tempFolder();
    const run = await cli(`file:${parent}/data/k8s-days.db`, ["seed", "--json"]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(join(parent, "data", "k8s-days.db")));
  });

  it("refuses a path under /proc at once with a message", async () => {
    const run = await cli("file:/proc/k8s-days.db", ["seed"]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /DATABASE_URL file:\/proc\/k8s-days\.db: \/proc is a kernel file system/);
  });

  it("refuses an existing read-only file under /proc that is not a database", async () => {
    const run = await cli("file:/proc/version", ["stats"]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /\/proc is a kernel file system/);
  });

  // Root writes anywhere, so the read-only place is a folder (mode 555) the CLI opens as `nobody`.
  // …and only when `nobody` can read this checkout (a clone inside a mode-700 folder, as `mktemp -d` makes, is closed to it).
  const asNobody =
    process.getuid?.() === 0 &&
    spawnSync("setpriv", ["--version"]).status === 0 &&
    spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "test", "-r", join(repoRoot, "bin/k8s-days.mjs")]).status === 0;
  it("refuses a folder it may not write to, naming it", {
    skip: !asNobody && "needs root, setpriv and a checkout other users can read, to run the CLI as nobody",
  }, () => {
    // Directly under /tmp: the test run's own temp folder (mode 700) is closed to other users.
    const dir = mkdtempSync("/tmp/k8s-days-readonly-");
    folders.push(dir);
    chmodSync(dir, 0o555);
    const scratch = mkdtempSync("/tmp/k8s-days-nobody-"); // tsx's cache, writable by nobody
    folders.push(scratch);
    chmodSync(scratch, 0o777);
    const run = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, join(repoRoot, "bin/k8s-days.mjs"), "seed"], {
      cwd: repoRoot,
      env: { ...process.env, HOME: scratch, TMPDIR: scratch, DATABASE_URL: `file:${dir}/k8s-days.db`, CONTENT_SOURCE: "none", SEED_ON_START: "false" },
      encoding: "utf8",
      timeout: 120_000,
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`${dir} is not writable \\(EACCES\\)`));
    assert.equal(existsSync(join(dir, "k8s-days.db")), false);
  });

  it("stats never creates a database: a missing file is an error naming it", async () => {
    const dir = tempFolder();
    const file = join(dir, "k8s-days.db");
    const run = await cli(`file:${file}`, ["stats"]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`no database at ${file}`));
    assert.equal(existsSync(file), false);
  });

  it("stats reads a database that exists", async () => {
    const dir = tempFolder();
    const url = `file:${join(dir, "k8s-days.db")}`;
    assert.equal((await cli(url, ["seed"])).code, 0);
    const run = await cli(url, ["stats", "--json"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).days, 66);
  });
});

describe("stats on PostgreSQL", { skip: !onPostgres && "PostgreSQL only" }, () => {
  it("never creates a schema: a missing one is an error", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const schema = `missing_${randomBytes(4).toString("hex")}`;
    url.searchParams.set("schema", schema);
    const run = await cli(url.toString(), ["stats"]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`no database in schema "${schema}"`));
  });
});
