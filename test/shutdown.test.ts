import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { freshDatabaseUrl, repoRoot, dropDatabase } from "./support/databases.ts";

/** Starts `npm start`'s entry point; resolves its port and its output so far. */
async function startServer(url: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: "0",
      SEED_ON_START: "false",
      CONTENT_SOURCE: "none",
      LOG_LEVEL: "info",
      SHUTDOWN_TIMEOUT_MS: "3000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { text: "" };
  child.stdout.on("data", (d) => {
    output.text += d;
  });
  child.stderr.on("data", (d) => {
    output.text += d;
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.text}`)), 60_000);
    child.stdout.on("data", () => {
      const m = output.text.match(/"url":"http:\/\/[^:]+:(\d+)"/);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  });
  return { child, port, output };
}

/** One GET on `agent` (whose one socket is kept alive); resolves status, headers and whether the socket was reused. */
function get(port: number, path: string, agent: http.Agent) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; reused: boolean }>((resolve, reject) => {
    const req = http.get({ port, host: "127.0.0.1", path, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, reused: req.reusedSocket }));
    });
    req.on("error", reject);
  });
}

describe("the server process", () => {
  it("drains and exits 0 on SIGTERM even with an open keep-alive connection", async () => {
    const url = await freshDatabaseUrl("shutdown");
    const { child, port, output } = await startServer(url, { SHUTDOWN_GRACE_MS: "500" });
    const agent = new http.Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get({ port, path: "/healthz", agent }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        })
        .on("error", reject);
    });
    assert.equal(status, 200);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 8_000))]);
    agent.destroy();
    if (code === "timeout") child.kill("SIGKILL");
    assert.equal(code, 0, output.text);
    assert.match(output.text, /"msg":"stopped"/);
    await dropDatabase(url);
  });

  it("answers requests on kept-alive connections after SIGTERM with Connection: close, closes idle ones cleanly, then refuses", async () => {
    const url = await freshDatabaseUrl("shutdown_keepalive");
    const { child, port, output } = await startServer(url, { SHUTDOWN_GRACE_MS: "1500", HTTP_KEEP_ALIVE_TIMEOUT_MS: "20000" });
    // Four clients, each with one kept-alive connection, and one raw connection left idle.
    const agents = [0, 1, 2, 3].map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    for (const agent of agents) {
      const first = await get(port, "/healthz", agent);
      assert.equal(first.status, 200);
      assert.match(String(first.headers.connection), /keep-alive/i);
    }
    const idle = net.connect(port, "127.0.0.1");
    let idleError: string | null = null;
    idle.on("error", (e: NodeJS.ErrnoException) => {
      idleError = e.code ?? e.message;
    });
    idle.on("data", () => {});
    const idleClosed = new Promise<void>((resolve) => idle.on("close", () => resolve()));
    await new Promise<void>((resolve) => idle.once("connect", resolve));
    idle.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    const answers = await Promise.all(
      agents.map(async (agent, i) => {
        await new Promise((r) => setTimeout(r, 100 + i * 300));
        return get(port, i % 2 ? "/readyz" : "/healthz", agent);
      }),
    );
    for (const [i, answer] of answers.entries()) {
      assert.equal(answer.reused, true, `request ${i} went over its kept-alive connection`);
      assert.equal(answer.status, i % 2 ? 503 : 200, `request ${i}`);
      assert.equal(answer.headers.connection, "close", `request ${i}`);
    }
    await idleClosed;
    assert.equal(idleError, null, "the idle connection is closed, not reset");
    const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 10_000))]);
    if (code === "timeout") child.kill("SIGKILL");
    assert.equal(code, 0, output.text);
    // Once stopped, a new connection is refused outright.
    const refused = await new Promise<string>((resolve) => {
      net
        .connect(port, "127.0.0.1")
        .on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? ""))
        .on("connect", () => resolve("connected"));
    });
    assert.equal(refused, "ECONNREFUSED");
    for (const agent of agents) agent.destroy();
    await dropDatabase(url);
  });
});
