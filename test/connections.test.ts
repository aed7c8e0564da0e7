/**
 * Connection limits of the HTTP server (src/http/httpServer.ts) with real sockets:
 * clients that send nothing, trickle their headers or body, idle on a kept-alive
 * connection or open too many sockets are cut off in bounded time.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { loadConfig, type Config } from "../src/config.ts";
import { createHttpServer } from "../src/http/httpServer.ts";
import { startTestApp, type TestApp } from "./support/testApp.ts";

type Limits = Pick<Config, "HTTP_HEADERS_TIMEOUT_MS" | "HTTP_REQUEST_TIMEOUT_MS" | "HTTP_KEEP_ALIVE_TIMEOUT_MS" | "HTTP_MAX_CONNECTIONS">;
const small: Limits = { HTTP_HEADERS_TIMEOUT_MS: 1_500, HTTP_REQUEST_TIMEOUT_MS: 3_000, HTTP_KEEP_ALIVE_TIMEOUT_MS: 1_000, HTTP_MAX_CONNECTIONS: 50 };

let t: TestApp;
const servers: ReturnType<typeof createHttpServer>[] = [];
before(async () => {
  t = await startTestApp({ label: "connections", contract: false });
});
after(async () => {
  for (const s of servers) {
    s.server.closeAllConnections();
    await new Promise((r) => s.server.close(r));
  }
  await t.close();
});

/** Starts the app behind a server with `limits`; resolves its port. */
async function serve(limits: Limits): Promise<number> {
  const http = createHttpServer(t.handler, limits);
  servers.push(http);
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  return (http.server.address() as AddressInfo).port;
}

/** A connected socket with everything it receives and when (ms after connecting) it closed. */
async function connect(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const start = Date.now();
  let data = "";
  socket.setEncoding("utf8").on("data", (d: string) => {
    data += d;
  });
  const closed = new Promise<{ ms: number; error: string | null }>((resolve) => {
    let error: string | null = null;
    socket.on("error", (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on("close", () => resolve({ ms: Date.now() - start, error }));
  });
  return { socket, closed, received: () => data };
}

/** Writes `text` one byte every `everyMs` until the socket closes. */
function trickle(socket: net.Socket, text: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, everyMs);
  socket.once("close", () => clearInterval(timer));
}

describe("connection limits", { concurrency: true }, () => {
  it("cut off a client that connects and sends nothing", async () => {
    const { closed, received } = await connect(await serve(small));
    const { ms } = await closed;
    assert.ok(ms >= 1_000 && ms < 4_000, `closed after ${ms} ms`);
    assert.match(received(), /^HTTP\/1\.1 408/);
  });

  it("cut off a client trickling its headers one byte every 500 ms", async () => {
    const { socket, closed } = await connect(await serve(small));
    trickle(socket, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${"a".repeat(100)}\r\n\r\n`, 500);
    const { ms } = await closed;
    assert.ok(ms >= 1_000 && ms < 4_000, `closed after ${ms} ms`);
  });

  it("cut off a client trickling its body after complete headers", async () => {
    const { socket, closed, received } = await connect(await serve(small));
    socket.write("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n");
    trickle(socket, `{"query":"{ apiVersion }","x":"${"a".repeat(990)}`, 500);
    const { ms } = await closed;
    assert.ok(ms >= 2_500 && ms < 5_500, `closed after ${ms} ms`);
    assert.doesNotMatch(received(), /^HTTP\/1\.1 200/);
  });

  it("close a kept-alive connection left idle", async () => {
    const { socket, closed, received } = await connect(await serve(small));
    socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const { ms, error } = await closed;
    assert.match(received(), /^HTTP\/1\.1 200/);
    assert.match(received(), /keep-alive/i);
    assert.ok(ms >= 900 && ms < 3_500, `closed after ${ms} ms`);
    assert.equal(error, null);
  });

  it("close sockets beyond the maximum as they arrive, and keep serving the others", async () => {
    const port = await serve({ ...small, HTTP_MAX_CONNECTIONS: 3, HTTP_KEEP_ALIVE_TIMEOUT_MS: 10_000 });
    const open = await Promise.all([1, 2, 3].map(() => connect(port)));
    await new Promise((r) => setTimeout(r, 100));
    const extra = await connect(port);
    extra.socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const { ms } = await extra.closed;
    assert.ok(ms < 1_000, `closed after ${ms} ms`);
    assert.equal(extra.received(), "");
    open[0]!.socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    await open[0]!.closed;
    assert.match(open[0]!.received(), /^HTTP\/1\.1 200/);
    for (const o of open) o.socket.destroy();
  });

  it("with the defaults, cut off a client sending a byte every 5 s within tens of seconds", async () => {
    const defaults = loadConfig({});
    const { socket, closed } = await connect(await serve(defaults));
    trickle(socket, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${"a".repeat(100)}\r\n\r\n`, 5_000);
    const { ms } = await closed;
    assert.ok(ms >= defaults.HTTP_HEADERS_TIMEOUT_MS - 500 && ms < 30_000, `closed after ${ms} ms`);
  });
});
