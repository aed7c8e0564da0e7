/**
 * The web app's server side (src/web/webApp.ts) over real HTTP: the SPA page at every
 * route of the app, immutable assets with strong ETags, a strict Content-Security-Policy,
 * and an import graph that resolves entirely on this server (no bare specifier, no CDN).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { rewriteBareImports } from "../../src/web/webApp.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

/** Relative module specifiers imported by a module's source (static imports and re-exports). */
function importsOf(source: string): string[] {
  return [...source.matchAll(/\b(?:from|import)\s*["']([^"']+)["']/g)].map((m) => m[1]!);
}

describe("the web app's server side", () => {
  let t: TestApp;
  let page: string;
  before(async () => {
    t = await startTestApp({ label: "webapp_server" });
    page = (await t.request.get("/app/").expect(200)).text;
  });
  after(() => t.close());

  test("every route of the app answers the same HTML page (deep links load the app)", async () => {
    for (const path of ["/app/", "/app/days/8", "/app/concepts/statefulset", "/app/me", "/app/search?q=statefulst", "/app/no/such/page"]) {
      const res = await t.request
        .get(path)
        .expect(200)
        .expect("content-type", /^text\/html; charset=utf-8/);
      assert.equal(res.text, page, path);
      assert.equal(res.headers["cache-control"], "no-cache");
      assert.match(String(res.headers.etag), /^"[A-Za-z0-9_-]{43}"$/);
    }
    await t.request.get("/app").expect(308).expect("location", "/app/");
    await t.request.get("/app?x=1").expect(308).expect("location", "/app/?x=1");
    await t.request.head("/app/days/8").expect(200);
  });

  test("the page has no inline script and a strict Content-Security-Policy", async () => {
    const res = await t.request.get("/app/me").expect(200);
    const csp = String(res.headers["content-security-policy"]);
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "img-src 'self' blob:",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    }
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length >= 1);
    for (const [, attrs, content] of scripts) {
      assert.match(attrs!, /\bsrc="\/app\/assets\//, "every script is a file of this server");
      assert.equal(content!.trim(), "", "no inline code");
    }
    assert.doesNotMatch(page, /https?:\/\//, "no absolute URL: nothing from another host");
  });

  test("assets are immutable under a build hash, with strong ETags and 304 on If-None-Match", async () => {
    const main = /<script type="module" src="([^"]+)"/.exec(page)![1]!;
    assert.match(main, /^\/app\/assets\/[0-9a-f]{16}\/main\.js$/);
    const res = await t.request.get(main).expect(200).expect("content-type", "text/javascript; charset=utf-8");
    assert.equal(res.headers["cache-control"], "public, max-age=31536000, immutable");
    const etag = String(res.headers.etag);
    await t.request.get(main).set("if-none-match", etag).expect(304);
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(page)![1]!;
    await t.request.get(css).expect(200).expect("content-type", "text/css; charset=utf-8");
    await t.request
      .get(main.replace(/[0-9a-f]{16}/, "0000000000000000"))
      .expect(200)
      .expect("cache-control", "no-cache");
    await t.request
      .get(main.replace("main.js", "nope.js"))
      .expect(404)
      .expect("content-type", /problem\+json/);
    await t.request.get(main.replace("main.js", "../../../package.json")).expect(404);
  });

  test("every module the app imports, vendor modules included, is served here with no bare specifier left", async () => {
    const main = /<script type="module" src="([^"]+)"/.exec(page)![1]!;
    const seen = new Set<string>();
    const queue = [main];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await t.request
        .get(url)
        .expect(200)
        .expect("content-type", /^text\/javascript/);
      for (const specifier of importsOf(res.text)) {
        assert.match(specifier, /^\.\.?\//, `${url} imports "${specifier}": relative only`);
        queue.push(new URL(specifier, `http://x${url}`).pathname);
      }
    }
    const names = [...seen].map((u) => u.replace(/^\/app\/assets\/[0-9a-f]{16}\//, ""));
    for (const expected of ["main.js", "vendor/preact.mjs", "vendor/preact-hooks.mjs", "vendor/htm.mjs", "pages/lesson.js", "pages/me.js"]) {
      assert.ok(names.includes(expected), `${expected} among ${names.join(", ")}`);
    }
  });

  test("bare specifiers of vendor modules are rewritten to their sibling files, others left alone", () => {
    assert.equal(rewriteBareImports(`import{options as n}from"preact";`), `import{options as n}from"./preact.mjs";`);
    assert.equal(rewriteBareImports(`import { useState } from 'preact/hooks'`), `import { useState } from './preact-hooks.mjs'`);
    assert.equal(rewriteBareImports(`import x from "./local.js"; import y from "other"`), `import x from "./local.js"; import y from "other"`);
  });
});

describe("the web app behind PUBLIC_URL", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "webapp_public", config: { PUBLIC_URL: "https://k8s-days.example.org/" } });
  });
  after(() => t.close());

  test("allows lesson images from PUBLIC_URL's origin, and nothing else from it", async () => {
    const res = await t.request.get("/app/days/8").expect(200);
    const csp = String(res.headers["content-security-policy"]);
    assert.match(csp, /img-src 'self' blob: https:\/\/k8s-days\.example\.org(;|$)/);
    assert.match(csp, /connect-src 'self'(;|$)/);
  });
});
