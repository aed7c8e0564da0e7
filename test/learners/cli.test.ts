import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { boot } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { dropDatabase, freshDatabaseUrl, repoRoot } from "../support/databases.ts";

describe("k8s-days learner create", () => {
  const urls: string[] = [];
  after(async () => { for (const u of urls) await dropDatabase(u); });

  const cli = (url: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, "bin/k8s-days.mjs"), ...args], {
      cwd: repoRoot, encoding: "utf8", timeout: 60_000,
      env: { ...process.env, DATABASE_URL: url, SEED_ON_START: "false", CONTENT_SOURCE: "none", OPEN_REGISTRATION: "false", LOG_LEVEL: "warn" },
    });

  it("creates a learner even with registration closed and prints a token that authenticates", async () => {
    const url = await freshDatabaseUrl("cli");
    urls.push(url);
    const r = cli(url, "learner", "create", "grace", "--name", "Grace", "--timezone", "Europe/Madrid", "--json");
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual([out.learner.handle, out.learner.displayName, out.learner.timezone, out.learner.role], ["grace", "Grace", "Europe/Madrid", "LEARNER"]);
    const services = await boot({ config: loadConfig({ NODE_ENV: "test", CONTENT_SOURCE: "none" } as NodeJS.ProcessEnv, { DATABASE_URL: url, SEED_ON_START: false }), log: createLogger("silent") });
    try {
      const viewer = await services.learners.authenticate(out.token);
      assert.equal(viewer.handle, "grace");
      assert.equal((await services.progress.enrollments(viewer)).length, 1);
    } finally {
      await services.deps.contentVersion.stop();
      await services.deps.db.close();
    }
    const again = cli(url, "learner", "create", "grace");
    assert.equal(again.status, 1);
    assert.match(again.stderr, /taken/);
  });

  it("prints the token once in text mode and refuses bad input with a clear message", async () => {
    const url = await freshDatabaseUrl("cli");
    urls.push(url);
    const ok = cli(url, "learner", "create", "root", "--admin");
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /Created admin root/);
    assert.match(ok.stdout, /^k8sd_[A-Za-z0-9_-]{43}$/m);
    const bad = cli(url, "learner", "create", "x");
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /Invalid learner/);
    assert.equal(cli(url, "learner", "delete", "root").status, 2);
  });

  it("names a missing argument and words a bad time zone exactly as the API does", async () => {
    const url = await freshDatabaseUrl("cli");
    urls.push(url);
    const missing = cli(url, "learner", "create");
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr.split("\n")[0], "k8s-days learner: missing HANDLE");
    const none = cli(url, "learner");
    assert.equal(none.stderr.split("\n")[0], "k8s-days learner: missing ACTION and HANDLE");
    const extra = cli(url, "learner", "create", "a", "b");
    assert.equal(extra.stderr.split("\n")[0], 'k8s-days learner: unexpected argument "b"');
    const zone = cli(url, "learner", "create", "marsian", "--timezone", "Mars/Olympus");
    assert.equal(zone.status, 2);
    assert.equal(zone.stderr, "k8s-days learner: timezone must be an IANA time zone (e.g. Europe/Madrid), got Mars/Olympus\n");
  });
});
