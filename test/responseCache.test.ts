import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import supertest from "supertest";
import { startTestApp, type TestApp } from "./support/testApp.ts";

describe("the response cache in front of the app", () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ label: "rcache" }); });
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
    const send = (request: TestApp["request"]) => request.post("/graphql").set("Content-Type", "application/json").set("Accept", "application/json").send('{"query": ');
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
