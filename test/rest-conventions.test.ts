import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { compileErrors, validate } from "@readme/openapi-parser";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./support/databases.ts";
import { startTestApp, type TestApp } from "./support/testApp.ts";

describe("REST conventions", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "rest_conventions", config: { CORS_ORIGINS: ["https://app.example.org"] } });
  });
  after(() => t.close());

  describe("the OpenAPI document", () => {
    it("is served as JSON and validates under an independent OpenAPI 3.1 validator", async () => {
      const res = await t.request
        .get("/api/v1/openapi.json")
        .expect(200)
        .expect("content-type", /application\/json; charset=utf-8/);
      assert.equal(res.body.openapi, "3.1.0");
      const result = await validate(structuredClone(res.body));
      assert.ok(result.valid, result.valid ? "" : compileErrors(result));
    });

    it("matches the committed openapi.json (run npm run openapi:print after changing a route or schema)", async () => {
      const served = (await t.request.get("/api/v1/openapi.json").expect(200)).body;
      assert.equal(readFileSync(join(repoRoot, "openapi.json"), "utf8"), `${JSON.stringify(served, null, 2)}\n`);
    });

    it("declares problem+json for errors and the rate limit on every operation", async () => {
      const doc = (await t.request.get("/api/v1/openapi.json")).body;
      const operations = Object.values(
        doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>,
      ).flatMap((item) => Object.values(item));
      assert.ok(operations.length > 0);
      for (const op of operations) {
        for (const status of ["400", "406", "429", "500"]) assert.ok(op.responses[status]?.content?.["application/problem+json"], `missing ${status}`);
      }
    });
  });

  describe("the docs page", () => {
    it("is an HTML page whose every script and stylesheet is served by this server", async () => {
      const res = await t.request
        .get("/api/v1/docs")
        .expect(200)
        .expect("content-type", /text\/html; charset=utf-8/);
      assert.match(res.headers["content-security-policy"]!, /default-src 'self'/);
      const assets = [...res.text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(assets.some((a) => a.endsWith(".js")) && assets.some((a) => a.endsWith(".css")), "page has a script and a stylesheet");
      for (const asset of assets) {
        assert.ok(asset.startsWith("/"), `${asset} is local, not a CDN`);
        const r = await t.request.get(asset);
        assert.equal(r.status, 200, asset);
      }
    });

    it("renders the document the server serves", async () => {
      const page = await t.request.get("/api/v1/docs/");
      assert.match(page.text, /data-spec="\/api\/v1\/openapi.json"/);
      const script = await t.request.get("/api/v1/docs/docs.js").expect("content-type", /javascript/);
      assert.match(script.text, /dataset\.spec/);
    });
  });

  describe("errors", () => {
    it("answers an unknown resource under /api/v1 with 404 problem+json", async () => {
      const res = await t.request.get("/api/v1/no-such-thing").expect(404).expect("content-type", "application/problem+json; charset=utf-8");
      assert.equal(res.body.status, 404);
      assert.equal(res.body.type, "https://k8s-days.dev/problems/not-found");
      assert.equal(typeof res.body.title, "string");
      assert.match(res.body.detail, /no-such-thing/);
    });

    it("answers another method on a known path with 405 and Allow", async () => {
      const res = await t.request
        .delete("/api/v1/")
        .expect(405)
        .expect("content-type", /application\/problem\+json/);
      assert.equal(res.headers.allow, "GET, HEAD, OPTIONS");
      assert.equal(res.body.code, "METHOD_NOT_ALLOWED");
    });

    it("answers a JSON-only resource asked for as HTML with 406", async () => {
      const res = await t.request
        .get("/api/v1/")
        .set("Accept", "text/html")
        .expect(406)
        .expect("content-type", /application\/problem\+json/);
      assert.equal(res.body.code, "NOT_ACCEPTABLE");
      assert.match(res.body.detail, /application\/json/);
    });

    it("answers malformed JSON with 400 and an oversized body with 413, never HTML", async () => {
      const bad = await t.request.post("/api/v1/").set("content-type", "application/json").send("{not json").expect(400);
      assert.match(bad.headers["content-type"]!, /application\/problem\+json/);
      assert.doesNotMatch(bad.text, /<html|at .*\.ts:\d+/i);
      const big = await t.request
        .post("/api/v1/")
        .set("content-type", "application/json")
        .send(JSON.stringify({ x: "a".repeat(100_000) }))
        .expect(413);
      assert.equal(big.body.code, "PAYLOAD_TOO_LARGE");
    });
  });

  describe("methods", () => {
    it("answers HEAD on a GET resource with the GET headers and no body", async () => {
      const get = await t.request.get("/api/v1/").expect(200);
      const head = await t.request.head("/api/v1/").expect(200);
      assert.equal(head.headers.etag, get.headers.etag);
      assert.equal(head.headers["content-type"], get.headers["content-type"]);
      assert.equal(head.text, undefined);
    });

    it("answers OPTIONS with 204 and the allowed methods", async () => {
      const res = await t.request.options("/api/v1/").expect(204);
      assert.equal(res.headers.allow, "GET, HEAD, OPTIONS");
    });
  });

  describe("caching", () => {
    it("sends an ETag and answers a matching If-None-Match with 304", async () => {
      const res = await t.request.get("/api/v1/").expect(200);
      assert.match(res.headers.etag!, /^"/);
      assert.match(res.headers["cache-control"]!, /^public, max-age=\d+/);
      const vary = res.headers.vary!.toLowerCase();
      assert.match(vary, /origin/);
      assert.match(vary, /accept/);
      await t.request.get("/api/v1/").set("If-None-Match", res.headers.etag!).expect(304);
      await t.request.get("/api/v1/").set("If-None-Match", '"something-else"').expect(200);
    });
  });

  describe("CORS", () => {
    it("lets any origin read without credentials", async () => {
      const res = await t.request.get("/api/v1/").set("Origin", "https://elsewhere.example.com").expect(200);
      assert.equal(res.headers["access-control-allow-origin"], "*");
      assert.equal(res.headers["access-control-allow-credentials"], undefined);
      assert.match(res.headers["access-control-expose-headers"]!, /ETag/);
    });

    it("lets a listed origin send credentials", async () => {
      const res = await t.request.get("/api/v1/").set("Origin", "https://app.example.org").expect(200);
      assert.equal(res.headers["access-control-allow-origin"], "https://app.example.org");
      assert.equal(res.headers["access-control-allow-credentials"], "true");
    });

    it("answers preflights for any origin with every method and Authorization (bearer tokens are no ambient credential)", async () => {
      const open = await t.request.options("/api/v1/").set("Origin", "https://elsewhere.example.com").set("Access-Control-Request-Method", "POST").expect(204);
      assert.match(open.headers["access-control-allow-methods"]!, /POST/);
      assert.match(open.headers["access-control-allow-headers"]!, /Authorization/);
      assert.equal(open.headers["access-control-allow-credentials"], undefined);
      const listed = await t.request
        .options("/api/v1/")
        .set("Origin", "https://app.example.org")
        .set("Access-Control-Request-Method", "PUT")
        .set("Access-Control-Request-Headers", "authorization")
        .expect(204);
      assert.match(listed.headers["access-control-allow-methods"]!, /PUT/);
      assert.match(listed.headers["access-control-allow-headers"]!, /Authorization/);
      assert.equal(listed.headers["access-control-allow-credentials"], "true");
      assert.match(listed.headers["access-control-max-age"]!, /^\d+$/);
    });
  });
});

describe("REST rate limiting", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "rest_ratelimit", config: { RATE_LIMIT_MAX: 3, RATE_LIMIT_WINDOW_MS: 60_000, RESPONSE_CACHE: false } });
  });
  after(() => t.close());

  it("announces the policy and answers 429 problem+json with Retry-After past the limit", async () => {
    const first = await t.request.get("/api/v1/").expect(200);
    assert.match(first.headers["ratelimit-policy"]!, /q=3/);
    assert.match(first.headers.ratelimit!, /r=2/);
    await t.request.get("/api/v1/").expect(200);
    await t.request.get("/api/v1/").expect(200);
    const limited = await t.request
      .get("/api/v1/")
      .expect(429)
      .expect("content-type", /application\/problem\+json/);
    assert.match(limited.headers["retry-after"]!, /^\d+$/);
    assert.equal(limited.body.code, "RATE_LIMITED");
    assert.equal(limited.body.status, 429);
  });

  it("counts a bearer token that is not verified against the address, never in a bucket of its own", async () => {
    // The address is exhausted by the previous case: a made-up token changes nothing.
    const res = await t.request.get("/api/v1/").set("Authorization", "Bearer some-token-value").expect(429);
    assert.equal(res.body.code, "RATE_LIMITED");
  });
});
