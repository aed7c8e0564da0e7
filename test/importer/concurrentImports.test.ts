import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sqlitePath } from "../../src/db/provider.ts";
import { importLockPath } from "../../src/db/sqliteImportLock.ts";
import { dropDatabase, fixturesDir, freshDatabaseUrl, onPostgres, repoRoot } from "../support/databases.ts";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `k8s-days …` in a child process; `onStderr` sees the error output as it comes. */
function cli(url: string, args: string[], onStderr: (all: string) => void = () => {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/k8s-days.mjs"), ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url, SEED_ON_START: "true", CONTENT_SOURCE: "none", LOG_LEVEL: "info" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => {
      stderr += d;
      onStderr(stderr);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe("two imports at once on one SQLite file", { skip: onPostgres && "SQLite only (PostgreSQL writers queue on an advisory lock)" }, () => {
  let url: string;
  before(async () => {
    url = await freshDatabaseUrl("concurrent_imports");
  });
  after(() => dropDatabase(url));

  it("both succeed, one after the other, instead of the second failing with an empty message", async () => {
    const [a, b] = await Promise.all([cli(url, ["import", fixturesDir(), "--json"]), cli(url, ["import", fixturesDir(), "--json"])]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const changed = [JSON.parse(a.stdout).changed, JSON.parse(b.stdout).changed].sort((x, y) => x - y);
    assert.equal(changed[0], 0, "the later import finds the content already there");
    assert.ok(changed[1] > 0);
    assert.equal(existsSync(importLockPath(sqlitePath(url))), false, "the lock file is removed");
  });

  it("an import that finds the lock held says which lock and which process hold it, and goes on once it is free", async () => {
    const lock = importLockPath(sqlitePath(url));
    writeFileSync(lock, JSON.stringify({ pid: process.pid, command: "the test holding the lock", since: new Date().toISOString() }));
    let released = false;
    const run = await cli(url, ["import", fixturesDir(), "--json"], (stderr) => {
      if (!released && stderr.includes("waiting")) {
        released = true;
        assert.ok(existsSync(lock), "the waiting import left the lock alone");
        rmSync(lock); // the holder finishes
      }
    });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(released, "the import waited");
    assert.match(
      run.stderr,
      new RegExp(`another import holds the import lock ${lock.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(pid ${process.pid}, the test holding the lock`),
    );
  });

  it("takes over a lock left by a process that died (kill -9 mid-import)", async () => {
    const lock = importLockPath(sqlitePath(url));
    const dead = spawn(process.execPath, ["-e", ""]);
    const pid = dead.pid!;
    await new Promise((resolve) => dead.on("close", resolve));
    writeFileSync(lock, JSON.stringify({ pid, command: "k8s-days import (killed)", since: new Date().toISOString() }));
    const run = await cli(url, ["import", fixturesDir(), "--json"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(existsSync(lock), false);
  });
});
