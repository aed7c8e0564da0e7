import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { boot } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { dropDatabase, freshDatabaseUrl } from "../support/databases.ts";
import { runCli } from "../support/cli.ts";

describe("k8s-days learner create", () => {
  const urls: string[] = [];
  after(async () => {
    for (const u of urls) await dropDatabase(u);
  });

  const cli = (url: string, ...args: string[]) => runCli(url, args, { OPEN_REGISTRATION: "false" });

  it("creates a learner even with registration closed and prints a token that authenticates", async () => {
    const url = await freshDatabaseUrl("cli");
    urls.push(url);
    const r = await cli(url, "learner", "create", "grace", "--name", "Grace", "--timezone", "Europe/Madrid", "--json");
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual([out.learner.handle, out.learner.displayName, out.learner.timezone, out.learner.role], ["grace", "Grace", "Europe/Madrid", "LEARNER"]);
    const services = await boot({
      config: loadConfig({ NODE_ENV: "test", CONTENT_SOURCE: "none" } as NodeJS.ProcessEnv, { DATABASE_URL: url, SEED_ON_START: false }),
      log: createLogger("silent"),
    });
    try {
      const viewer = await services.learners.authenticate(out.token);
      assert.equal(viewer.handle, "grace");
      assert.equal((await services.progress.enrollments(viewer)).length, 1);
    } finally {
      await services.deps.contentVersion.stop();
      await services.deps.db.close();
    }
    const again = await cli(url, "learner", "create", "grace");
    assert.equal(again.code, 1);
    assert.match(again.stderr, /taken/);
  });

  it("prints the token once in text mode and refuses bad input with a clear message", async () => {
    const url = await freshDatabaseUrl("cli");
    urls.push(url);
    const ok = await cli(url, "learner", "create", "root", "--admin");
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Created admin root/);
    assert.match(ok.stdout, /^k8sd_[A-Za-z0-9_-]{43}$/m);
    const bad = await cli(url, "learner", "create", "x");
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Invalid learner/);
    assert.equal((await cli(url, "learner", "delete", "root")).code, 2);
  });

  it("names a missing argument and words a bad time zone exactly as the API does", async () => {
    const url = await freshDatabaseUrl("cli");
    urls.push(url);
    const missing = await cli(url, "learner", "create");
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr.split("\n")[0], "k8s-days learner: missing HANDLE");
    const none = await cli(url, "learner");
    assert.equal(none.stderr.split("\n")[0], "k8s-days learner: missing ACTION and HANDLE");
    const extra = await cli(url, "learner", "create", "a", "b");
    assert.equal(extra.stderr.split("\n")[0], 'k8s-days learner: unexpected argument "b"');
    const zone = await cli(url, "learner", "create", "marsian", "--timezone", "Mars/Olympus");
    assert.equal(zone.code, 2);
    assert.equal(zone.stderr, "k8s-days learner: timezone must be an IANA time zone (e.g. Europe/Madrid), got Mars/Olympus\n");
  });
});
