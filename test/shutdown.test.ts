import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import http from "node:http";
import { freshDatabaseUrl, repoRoot, dropDatabase } from "./support/databases.ts";

describe("the server process", () => {
  it("drains and exits 0 on SIGTERM even with an open keep-alive connection", async () => {
    const url = await freshDatabaseUrl("shutdown");
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url, PORT: "0", SEED_ON_START: "false", CONTENT_SOURCE: "none", LOG_LEVEL: "info", SHUTDOWN_TIMEOUT_MS: "3000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
      child.stdout.on("data", () => {
        const m = out.match(/"url":"http:\/\/[^:]+:(\d+)"/);
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
      });
    });
    const agent = new http.Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      http.get({ port, path: "/healthz", agent }, (res) => { res.resume(); res.on("end", () => resolve(res.statusCode!)); }).on("error", reject);
    });
    assert.equal(status, 200);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 8_000))]);
    agent.destroy();
    if (code === "timeout") child.kill("SIGKILL");
    assert.equal(code, 0, out);
    assert.match(out, /"msg":"stopped"/);
    await dropDatabase(url);
  });
});
