import { describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { trackInFlight } from "../src/http/inFlight.ts";

describe("in-flight request tracking", () => {
  it("counts a request until its handler answers, even after the client hung up", async () => {
    let finishHandler!: () => void;
    const handlerDone = new Promise<void>((r) => { finishHandler = r; });
    const tracked = trackInFlight((_req, res) => {
      void handlerDone.then(() => res.end("late"));
    });
    const server = http.createServer(tracked.listener);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    const req = http.get({ port, path: "/" });
    req.on("error", () => {});
    while (tracked.count() === 0) await new Promise((r) => setTimeout(r, 5));
    req.destroy();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(tracked.count(), 1, "the handler still runs after the client left");
    let idle = false;
    const waiting = tracked.idle(5000).then(() => { idle = true; });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(idle, false);
    finishHandler();
    await waiting;
    assert.equal(tracked.count(), 0);
    server.close();
  });

  it("stops waiting at the timeout when a handler never answers", async () => {
    const tracked = trackInFlight(() => {});
    const server = http.createServer(tracked.listener);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    const req = http.get({ port, path: "/" });
    req.on("error", () => {});
    while (tracked.count() === 0) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    await tracked.idle(100);
    assert.ok(Date.now() - started >= 90);
    req.destroy();
    server.closeAllConnections();
    server.close();
  });
});
