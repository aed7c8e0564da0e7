/**
 * Debian's Chromium driven by playwright-core, kept off the internet: loopback goes
 * direct, everything else reaches a local "proxy" that records and refuses it. A proxy
 * rather than Playwright's request routing, because routing changes what the page sees
 * (it answers CORS preflights itself). Pages' own requests to other hosts are also
 * recorded from the context's `request` events, so a test can assert there were none.
 *
 * Without a browser the caller fails (CI installs one, see .ci/run), unless
 * K8S_DAYS_SKIP_BROWSER=1 says to skip. K8S_DAYS_CHROMIUM overrides /usr/bin/chromium.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";

/** The Chromium binary the browser tests drive. */
export const chromiumPath = process.env.K8S_DAYS_CHROMIUM ?? "/usr/bin/chromium";

/** `skip` option of a browser test: a reason when K8S_DAYS_SKIP_BROWSER=1, else false. */
export function browserSkip(what: string): string | false {
  return process.env.K8S_DAYS_SKIP_BROWSER === "1" ? `K8S_DAYS_SKIP_BROWSER=1: ${what} is skipped` : false;
}

/** Flags that keep Chromium quiet and headless-friendly in a container. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Serves `handler` on 127.0.0.1 on a free port; returns the server and its origin. */
export async function listenLocal(handler: RequestListener): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A launched, fenced Chromium. */
export interface FencedBrowser {
  browser: Browser;
  /** A new context whose pages' requests to hosts outside `allowedOrigins` are recorded in `foreign`. */
  newContext(allowedOrigins: string[], options?: BrowserContextOptions): Promise<BrowserContext>;
  /** URLs of page requests to other hosts (each was aborted by the proxy). */
  foreign: string[];
  /** Everything that reached the refusing proxy (the pages' and the browser's own background calls). */
  aborted: string[];
  close(): Promise<void>;
}

/** Launches Chromium behind the refusing proxy. */
export async function launchFencedChromium(): Promise<FencedBrowser> {
  assert.ok(
    existsSync(chromiumPath),
    `no browser at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium) or set K8S_DAYS_SKIP_BROWSER=1 to skip browser tests`,
  );
  const aborted: string[] = [];
  const foreign: string[] = [];
  const proxy = await listenLocal((req, res) => {
    aborted.push(req.url ?? "?");
    res.writeHead(403).end();
  });
  proxy.server.on("connect", (req, socket: Socket) => {
    aborted.push(`CONNECT ${req.url}`);
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    proxy: { server: proxy.origin, bypass: "127.0.0.1" },
    args: CHROMIUM_ARGS,
  });
  return {
    browser,
    foreign,
    aborted,
    async newContext(allowedOrigins, options = {}) {
      const context = await browser.newContext(options);
      const ours = new Set(allowedOrigins.map((o) => new URL(o).host));
      context.on("request", (request) => {
        const url = request.url();
        if (/^(data|blob|about):/.test(url)) return;
        if (!ours.has(new URL(url).host)) foreign.push(url);
      });
      return context;
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => proxy.server.close(resolve));
    },
  };
}
