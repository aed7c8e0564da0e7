import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import supertest from "supertest";
import type { RequestListener } from "node:http";
import { createResponseCache } from "../src/http/responseCache.ts";
import { startTestApp, type TestApp } from "./support/testApp.ts";

describe("the response cache in front of the app", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "rcache" });
  });
  after(() => t.close());

  const bumpContent = async () => {
    const db = t.services.deps.db.prisma;
    await db.contentState.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } } });
    await t.services.deps.contentVersion.refresh();
  };

  it("answers a repeated public GET from memory, with the same body and ETag", async () => {
    t.cache!.clear();
    const first = await t.request.get("/api/v1/").expect(200);
    assert.equal(first.headers["x-cache"], undefined);
    const second = await t.request.get("/api/v1/").expect(200);
    assert.equal(second.headers["x-cache"], "HIT");
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.match(second.headers["cache-control"]!, /public/);
  });

  it("answers 304 to a matching If-None-Match on a hit", async () => {
    const first = await t.request.get("/api/v1/").expect(200);
    const res = await t.request.get("/api/v1/").set("If-None-Match", first.headers.etag!).expect(304);
    assert.equal(res.headers["x-cache"], "HIT");
  });

  it("never serves or stores requests that carry credentials", async () => {
    t.cache!.clear();
    await t.request.get("/api/v1/").set("Authorization", "Bearer x");
    const after = t.cache!.stats();
    assert.equal(after.entries, 0);
    await t.request.get("/api/v1/").expect(200);
    const res = await t.request.get("/api/v1/").set("Authorization", "Bearer x");
    assert.equal(res.headers["x-cache"], undefined);
  });

  it("does not store responses that are not public", async () => {
    t.cache!.clear();
    await t.request.get("/readyz").expect(200);
    await t.request.get("/no/such/page").expect(404);
    assert.equal(t.cache!.stats().entries, 0);
  });

  it("misses after the content version changes", async () => {
    await t.request.get("/api/v1/").expect(200);
    assert.equal((await t.request.get("/api/v1/")).headers["x-cache"], "HIT");
    await bumpContent();
    const res = await t.request.get("/api/v1/").expect(200);
    assert.equal(res.headers["x-cache"], undefined);
  });

  it("keys by Accept, so different representations never mix", async () => {
    t.cache!.clear();
    await t.request.get("/api/v1/").set("Accept", "application/json").expect(200);
    const other = await t.request.get("/api/v1/").set("Accept", "*/*").expect(200);
    assert.equal(other.headers["x-cache"], undefined);
  });

  it("answers malformed JSON posted to /graphql exactly as the app does without the cache", async () => {
    const send = (request: TestApp["request"]) =>
      request.post("/graphql").set("Content-Type", "application/json").set("Accept", "application/json").send('{"query": ');
    const cached = await send(t.request).expect(400);
    const direct = await send(supertest(t.app)).expect(400);
    assert.equal(cached.headers["content-type"], direct.headers["content-type"]);
    assert.deepEqual(cached.body, direct.body);
    assert.match(cached.body.errors[0].message, /not valid JSON/);
    assert.equal(cached.body.errors[0].extensions.code, "BAD_REQUEST");
  });

  it("passes a cacheable POST /graphql body on to the app already parsed", async () => {
    const res = await t.request.post("/graphql").set("Content-Type", "application/json").send({ query: "{ apiVersion }" }).expect(200);
    assert.equal(res.body.data.apiVersion, "1");
  });
});

describe("the response cache when full", () => {
  /** An app whose every path answers `size` public bytes; it counts the requests that reach it. */
  const publicApp = (size: number) => {
    const seen: string[] = [];
    const app: RequestListener = (req, res) => {
      seen.push(req.url!);
      // setHeader, as Express does: the cache reads the headers back with getHeader.
      res.setHeader("content-type", "text/plain");
      res.setHeader("cache-control", "public, max-age=60");
      res.end("x".repeat(size));
    };
    return { app, seen };
  };

  it("drops the least recently used entry, not the oldest, when it holds maxEntries", async () => {
    const { app, seen } = publicApp(10);
    const cache = createResponseCache(app, { version: () => 1, maxEntries: 2 });
    const request = supertest(cache.listener);
    await request.get("/a").expect(200);
    await request.get("/b").expect(200);
    assert.equal((await request.get("/a")).headers["x-cache"], "HIT", "/a is now used more recently than /b");
    await request.get("/c").expect(200);
    assert.equal((await request.get("/a")).headers["x-cache"], "HIT");
    assert.equal((await request.get("/b")).headers["x-cache"], undefined, "/b was the least recently used");
    assert.deepEqual(seen, ["/a", "/b", "/c", "/b"]);
    assert.equal(cache.stats().entries, 2);
  });

  it("counts bodies' bytes against maxBytes and makes room from the least recently used", async () => {
    const { app } = publicApp(100);
    // 1,600 bytes hold 16 bodies of 100 bytes (and no body over 1,600 / 16 = 100 bytes is kept).
    const cache = createResponseCache(app, { version: () => 1, maxBytes: 1600 });
    const request = supertest(cache.listener);
    for (let i = 0; i < 16; i++) await request.get(`/p${i}`).expect(200);
    assert.deepEqual({ entries: cache.stats().entries, bytes: cache.stats().bytes }, { entries: 16, bytes: 1600 });
    assert.equal((await request.get("/p0")).headers["x-cache"], "HIT");
    await request.get("/p16").expect(200);
    assert.equal(cache.stats().bytes, 1600);
    assert.equal((await request.get("/p0")).headers["x-cache"], "HIT", "used recently, kept");
    assert.equal((await request.get("/p1")).headers["x-cache"], undefined, "the least recently used made room");
  });
});
