import { describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { trackInFlight, type InFlight } from "../src/http/inFlight.ts";

/** Serves `tracked` on a port and sends one request; resolves once the handler has it. */
async function openRequest(tracked: InFlight) {
  const server = http.createServer(tracked.listener);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  const req = http.get({ port, path: "/" });
  req.on("error", () => {});
  while (tracked.count() === 0) await new Promise((r) => setTimeout(r, 5));
  return {
    hangUp: () => req.destroy(),
    close: () => {
      req.destroy();
      server.closeAllConnections();
      server.close();
    },
  };
}

describe("in-flight request tracking", () => {
  it("counts a request until its handler answers, even after the client hung up", async () => {
    let finishHandler!: () => void;
    const handlerDone = new Promise<void>((r) => {
      finishHandler = r;
    });
    const tracked = trackInFlight((_req, res) => {
      void handlerDone.then(() => res.end("late"));
    });
    const request = await openRequest(tracked);
    request.hangUp();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(tracked.count(), 1, "the handler still runs after the client left");
    let idle = false;
    const waiting = tracked.idle(5000).then(() => {
      idle = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(idle, false);
    finishHandler();
    await waiting;
    assert.equal(tracked.count(), 0);
    request.close();
  });

  it("stops waiting at the timeout when a handler never answers", async () => {
    const tracked = trackInFlight(() => {});
    const request = await openRequest(tracked);
    const started = Date.now();
    await tracked.idle(100);
    assert.ok(Date.now() - started >= 90);
    request.close();
  });
});
