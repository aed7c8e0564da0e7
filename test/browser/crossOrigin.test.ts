/**
 * A frontend on its own origin, in a real browser, with default settings: Chromium
 * (Debian's package, driven by playwright-core) opens a tiny page served by a second
 * local HTTP server and, from that page's script, calls the API on the app's port —
 * register, log today with the token, read `me { stats }` over GraphQL, and a GraphQL
 * GET with Apollo's preflight header. Every request to any other host is aborted and
 * recorded; the test fails if the page made one. (Chromium itself still calls Google's
 * update, time and account services despite the flags below; those are aborted too and
 * listed as a diagnostic.)
 *
 * Requests to other hosts go to a local "proxy" that records and refuses them, instead of
 * Playwright's request routing: while routing is on, Playwright answers CORS preflights
 * itself with "allow everything", which would hide exactly what this test checks.
 *
 * Without a browser the test fails (CI installs one, see .ci/run), unless
 * K8S_DAYS_SKIP_BROWSER=1 says to skip it. K8S_DAYS_CHROMIUM overrides /usr/bin/chromium.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { fixedClock } from "../../src/clock.ts";
import { recordResponses } from "../support/contract.ts";
import { loadConfig } from "../../src/config.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { CHROMIUM_ARGS } from "../support/browser.ts";

const executablePath = process.env.K8S_DAYS_CHROMIUM ?? "/usr/bin/chromium";
const skip = process.env.K8S_DAYS_SKIP_BROWSER === "1" ? "K8S_DAYS_SKIP_BROWSER=1: the cross-origin browser test is skipped" : false;

const page_html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frontend</title></head>
<body><p>A frontend on another origin.</p></body></html>`;

/** What a fetch from the page saw: status, the headers a script may read, and the JSON body. */
interface Seen {
  status: number;
  headers: Record<string, string>;
  body: any;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("a frontend on another origin, in Chromium, with default settings", { skip }, () => {
  let t: TestApp;
  let api: Server;
  let site: Server;
  let proxy: Server;
  let apiOrigin: string;
  let siteOrigin: string;
  let browser: Browser;
  let page: Page;
  /** Requests the page made to other hosts. */
  const foreign: string[] = [];
  /** Everything that reached the refusing proxy (the page's and the browser's own). */
  const aborted: string[] = [];
  const clock = fixedClock("2026-03-01T12:00:00Z");
  const today = "2026-03-01";

  before(async () => {
    assert.ok(
      existsSync(executablePath),
      `no browser at ${executablePath}: install Debian's chromium (apt-get install -y chromium) or set K8S_DAYS_SKIP_BROWSER=1 to skip this test`,
    );
    // The server's own defaults, rate limits included (the test harness turns them off otherwise).
    const defaults = loadConfig({} as NodeJS.ProcessEnv);
    t = await startTestApp({ label: "browser", clock, config: { RATE_LIMIT_MAX: defaults.RATE_LIMIT_MAX } });
    api = createServer(recordResponses(t.handler, t.responses));
    apiOrigin = await listen(api);
    site = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page_html));
    siteOrigin = await listen(site);
    // Loopback goes direct; everything else reaches this proxy, is recorded and refused.
    proxy = createServer((req, res) => {
      aborted.push(req.url ?? "?");
      res.writeHead(403).end();
    });
    proxy.on("connect", (req, socket: Socket) => {
      aborted.push(`CONNECT ${req.url}`);
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
    });
    const proxyOrigin = await listen(proxy);
    browser = await chromium.launch({
      executablePath,
      proxy: { server: proxyOrigin, bypass: "127.0.0.1" },
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext();
    const ours = new Set([new URL(apiOrigin).host, new URL(siteOrigin).host]);
    // Observing (not routing) what the page asks for.
    context.on("request", (request) => {
      if (!ours.has(new URL(request.url()).host)) foreign.push(request.url());
    });
    page = await context.newPage();
    await page.goto(`${siteOrigin}/`);
  });

  after(async () => {
    await browser?.close();
    for (const server of [site, proxy, api]) if (server) await new Promise((r) => server.close(r));
    await t?.close();
  });

  /** Runs fetch(url, init) in the page and reports what its script can see. */
  const call = (path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Seen> =>
    page.evaluate(
      async ({ url, init }) => {
        const res = await fetch(url, { method: init.method, headers: init.headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
        const headers: Record<string, string> = {};
        res.headers.forEach((v, k) => {
          headers[k] = v;
        });
        const text = await res.text();
        return { status: res.status, headers, body: text ? JSON.parse(text) : null };
      },
      { url: `${apiOrigin}${path}`, init },
    );

  let token = "";

  it("aborts and records a request to another host (the guard works)", async () => {
    const failed = await page.evaluate(() =>
      fetch("http://k8s-days.invalid/probe").then(
        () => false,
        () => true,
      ),
    );
    assert.ok(failed, "the request failed");
    assert.ok(
      foreign.some((u) => u.includes("k8s-days.invalid")),
      JSON.stringify(foreign),
    );
    assert.ok(
      aborted.some((u) => u.includes("k8s-days.invalid")),
      JSON.stringify(aborted),
    );
    foreign.length = 0;
    aborted.length = 0;
  });

  it("runs on a page whose origin differs from the API's", async () => {
    assert.equal(await page.evaluate(() => (globalThis as unknown as { location: { origin: string } }).location.origin), siteOrigin);
    assert.notEqual(siteOrigin, apiOrigin);
  });

  it("registers a learner and reads Location and RateLimit from the answer", async () => {
    const res = await call("/api/v1/learners", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: { handle: "browser-ada", displayName: "Ada", timezone: "UTC" },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.headers.location ?? "", /\/api\/v1\/me$/);
    assert.ok(res.headers.ratelimit, "RateLimit is exposed");
    token = res.body.token;
    assert.match(token, /^k8sd_/);
  });

  it("logs today with the bearer token (a preflighted PUT with Authorization)", async () => {
    const res = await call(`/api/v1/me/log/${today}`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: { minutes: 20, learned: "How a Service finds its Pods" },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.date, today);
  });

  it("reads me { stats { currentStreak } } over GraphQL POST with the token", async () => {
    const res = await call("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: { query: "{ me { stats { currentStreak } } }" },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { data: { me: { stats: { currentStreak: 1 } } } });
  });

  it("sends GET /graphql with apollo-require-preflight, and is refused without it", async () => {
    const path = `/graphql?query=${encodeURIComponent("{ apiVersion }")}`;
    // First without the header (later the browser's own HTTP cache would answer it with the cached 200).
    const refused = await call(path, { headers: { accept: "application/json" } });
    assert.equal(refused.status, 400, "without the header Apollo's CSRF prevention refuses the GET");
    for (const attempt of [1, 2]) {
      const res = await call(path, { headers: { accept: "application/json", "apollo-require-preflight": "true" } });
      assert.equal(res.status, 200, `attempt ${attempt}: ${JSON.stringify(res.body)}`);
      assert.deepEqual(res.body, { data: { apiVersion: "1" } });
      assert.ok(res.headers.etag, "ETag is exposed");
    }
  });

  it("made no request to any other host from the page", (ctx) => {
    assert.deepEqual(foreign, []);
    if (aborted.length)
      ctx.diagnostic(
        `aborted ${aborted.length} request(s) of the browser itself: ${[...new Set(aborted.map((u) => new URL(u.replace(/^CONNECT /, "https://")).host))].join(", ")}`,
      );
  });
});
