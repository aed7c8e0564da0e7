import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { registerLearner } from "../support/learners.ts";

const elsewhere = "https://frontend.example.com";

describe("CORS for bearer tokens, with default settings", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "cors_default" });
  });
  after(() => t.close());

  it("lets any origin preflight every method with Authorization and the Apollo CSRF headers", async () => {
    const res = await t.request
      .options("/api/v1/me/log/2026-03-01")
      .set("Origin", elsewhere)
      .set("Access-Control-Request-Method", "PUT")
      .set("Access-Control-Request-Headers", "authorization,content-type")
      .expect(204);
    assert.equal(res.headers["access-control-allow-origin"], "*");
    assert.equal(res.headers["access-control-allow-credentials"], undefined);
    const methods = res.headers["access-control-allow-methods"]!.split(/,\s*/);
    for (const m of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) assert.ok(methods.includes(m), m);
    const headers = res.headers["access-control-allow-headers"]!.toLowerCase().split(/,\s*/);
    for (const h of ["authorization", "content-type", "apollo-require-preflight", "x-apollo-operation-name", "if-none-match"])
      assert.ok(headers.includes(h), h);
    assert.match(res.headers["access-control-max-age"]!, /^\d+$/);
    assert.match(res.headers.vary!, /Origin/);
  });

  it("exposes ETag, Link, Location, RateLimit and Retry-After to scripts", async () => {
    const res = await t.request.get("/api/v1/days?limit=1").set("Origin", elsewhere).expect(200);
    const exposed = res.headers["access-control-expose-headers"]!.split(/,\s*/);
    for (const h of ["ETag", "Link", "Location", "RateLimit", "RateLimit-Policy", "Retry-After"]) assert.ok(exposed.includes(h), h);
  });

  it("answers an authenticated write from another origin with an open Allow-Origin and no credentials", async () => {
    const ada = await registerLearner(t, "corsada");
    const res = await t.request
      .put("/api/v1/me/log/2026-03-01")
      .set(ada.auth)
      .set("Origin", elsewhere)
      .send({ minutes: 20, learned: "Pods" })
      .expect((r) => assert.ok(r.status < 300, String(r.status)));
    assert.equal(res.headers["access-control-allow-origin"], "*");
    assert.equal(res.headers["access-control-allow-credentials"], undefined);
  });
});

describe("CORS_ORIGINS: credentialed requests only", () => {
  let t: TestApp;
  const listed = "https://app.example.org";
  before(async () => {
    t = await startTestApp({ label: "cors_listed", config: { CORS_ORIGINS: [listed] } });
  });
  after(() => t.close());

  it("echoes a listed origin with Allow-Credentials, and gives others the open answer", async () => {
    const mine = await t.request.get("/api/v1/").set("Origin", listed).expect(200);
    assert.equal(mine.headers["access-control-allow-origin"], listed);
    assert.equal(mine.headers["access-control-allow-credentials"], "true");
    const other = await t.request.get("/api/v1/").set("Origin", elsewhere).expect(200);
    assert.equal(other.headers["access-control-allow-origin"], "*");
    assert.equal(other.headers["access-control-allow-credentials"], undefined);
  });
});

describe("GraphQL CSRF prevention behind the response cache", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "cors_csrf" });
  });
  after(() => t.close());

  const url = `/graphql?query=${encodeURIComponent("{ apiVersion }")}`;
  const bare = () => t.request.get(url).set("Accept", "application/json").set("Origin", elsewhere);
  const preflighted = () => bare().set("apollo-require-preflight", "true");

  it("refuses a GET without a preflight header cold, warm and cold again, as the app does", async () => {
    t.cache!.clear();
    const cold = await bare();
    assert.equal(cold.status, 400);
    assert.match(JSON.stringify(cold.body), /Cross-Site Request Forgery/);
    const warm = await preflighted().expect(200);
    assert.equal(warm.body.data.apiVersion, "1");
    assert.equal((await preflighted()).headers["x-cache"], "HIT", "the accepted GET is cached");
    const coldAgain = await bare();
    assert.equal(coldAgain.status, cold.status);
    assert.equal(coldAgain.headers["x-cache"], undefined);
    assert.deepEqual(coldAgain.body, cold.body);
  });

  it("refuses a simple content type without a preflight header even when the same URL is cached", async () => {
    await preflighted().expect(200);
    const res = await bare().set("Content-Type", "text/plain");
    assert.equal(res.status, 400);
    const empty = await bare().set("apollo-require-preflight", "");
    assert.equal(empty.status, 400, "an empty preflight header does not count");
  });

  it("accepts x-apollo-operation-name as the preflight header", async () => {
    const res = await bare().set("x-apollo-operation-name", "Version").expect(200);
    assert.equal(res.body.data.apiVersion, "1");
  });
});
