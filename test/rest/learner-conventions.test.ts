import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { registerLearner } from "../support/learners.ts";
import { insertSampleContent } from "../support/sampleContent.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

describe("HTTP conventions on the learner endpoints", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "rest_learner_conv", prepare: insertSampleContent, config: { CORS_ORIGINS: ["https://app.example.org"] } });
  });
  after(() => t.close());

  it("answers a creation with 201, Location and a JSON content type with charset", async () => {
    const res = await t.request.post("/api/v1/learners").send({ handle: "grace", timezone: "UTC" }).expect(201);
    assert.equal(res.headers.location, "/api/v1/me");
    assert.equal(res.headers["content-type"], "application/json; charset=utf-8");
    assert.equal(res.headers["cache-control"], "private, no-store");
  });

  it("answers a taken handle with 409", async () => {
    await registerLearner(t, "linus");
    const res = await t.request
      .post("/api/v1/learners")
      .send({ handle: "linus" })
      .expect(409)
      .expect("content-type", /application\/problem\+json/);
    assert.equal(res.body.code, "CONFLICT");
  });

  it("answers a body that fails validation with 422 and the failing fields' paths", async () => {
    const res = await t.request
      .post("/api/v1/learners")
      .send({ handle: "X!", displayName: "" })
      .expect(422)
      .expect("content-type", /application\/problem\+json/);
    const paths = res.body.errors.map((e: { path: string[] }) => e.path.join("."));
    assert.ok(paths.includes("handle") && paths.includes("displayName"), paths.join());
    assert.equal(res.body.type, "https://k8s-days.dev/problems/validation-failed");
  });

  it("answers a body that is not JSON with 415, malformed JSON with 400 and an oversized one with 413", async () => {
    await t.request
      .post("/api/v1/learners")
      .set("content-type", "text/plain")
      .send("handle=ada")
      .expect(415)
      .expect("content-type", /application\/problem\+json/);
    await t.request.post("/api/v1/learners").set("content-type", "application/json").send('{"handle":').expect(400);
    await t.request
      .post("/api/v1/learners")
      .set("content-type", "application/json")
      .send(JSON.stringify({ handle: "big", displayName: "x".repeat(70_000) }))
      .expect(413);
  });

  it("answers a missing or bad token with 401, WWW-Authenticate and problem+json", async () => {
    const missing = await t.request
      .get("/api/v1/me")
      .expect(401)
      .expect("content-type", /application\/problem\+json/);
    assert.equal(missing.body.code, "UNAUTHENTICATED");
    assert.match(missing.headers["www-authenticate"]!, /^Bearer/);
    await t.request.get("/api/v1/me/stats").set("Authorization", "Bearer not-a-token").expect(401);
  });

  it("keeps learner data private: no-store, Vary: Authorization, never in the shared response cache", async () => {
    const ada = await registerLearner(t, "ada");
    const before = t.cache!.stats().entries;
    const res = await t.request.get("/api/v1/me").set(ada.auth).expect(200);
    assert.match(res.headers["cache-control"]!, /private/);
    assert.match(res.headers["cache-control"]!, /no-store/);
    assert.match(res.headers.vary!, /Authorization/);
    assert.equal(res.headers["x-cache"], undefined);
    await t.request.get("/api/v1/me").set(ada.auth).expect(200);
    assert.equal(t.cache!.stats().entries, before);
  });

  it("answers 403 when registration is closed", async () => {
    const closed = await startTestApp({ label: "rest_closed", config: { OPEN_REGISTRATION: false } });
    try {
      const res = await closed.request
        .post("/api/v1/learners")
        .send({ handle: "nobody" })
        .expect(403)
        .expect("content-type", /application\/problem\+json/);
      assert.equal(res.body.code, "FORBIDDEN");
    } finally {
      await closed.close();
    }
  });

  it("masks an unexpected failure as 500 problem+json without a message or stack", async () => {
    const original = t.services.days.get;
    t.services.days.get = async () => {
      throw new Error("secret internals at /srv/app/db.ts:42");
    };
    try {
      const res = await t.request
        .get("/api/v1/days/3?challenge=66daysofk8s")
        .expect(500)
        .expect("content-type", /application\/problem\+json/);
      assert.equal(res.body.code, "INTERNAL");
      assert.doesNotMatch(res.text, /secret|\.ts:\d+|<html/i);
    } finally {
      t.services.days.get = original;
    }
  });

  it("lets a listed origin send Authorization in a preflight and read its own data with credentials", async () => {
    const pre = await t.request
      .options("/api/v1/me")
      .set("Origin", "https://app.example.org")
      .set("Access-Control-Request-Method", "GET")
      .set("Access-Control-Request-Headers", "authorization")
      .expect(204);
    assert.match(pre.headers["access-control-allow-headers"]!, /Authorization/);
    const ada = await registerLearner(t, "ada2");
    const res = await t.request.get("/api/v1/me").set(ada.auth).set("Origin", "https://app.example.org").expect(200);
    assert.equal(res.headers["access-control-allow-origin"], "https://app.example.org");
    assert.equal(res.headers["access-control-allow-credentials"], "true");
  });

  it("lists the methods of a learner path on OPTIONS and refuses others with 405 and Allow", async () => {
    const options = await t.request.options("/api/v1/me").expect(204);
    assert.equal(options.headers.allow, "DELETE, GET, HEAD, OPTIONS, PATCH");
    const res = await t.request.put("/api/v1/me").send({}).expect(405);
    assert.equal(res.headers.allow, "DELETE, GET, HEAD, OPTIONS, PATCH");
  });
});
