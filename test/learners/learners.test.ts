import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { fixedClock } from "../../src/clock.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { registerLearner } from "../support/learners.ts";

describe("learner registration", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "learners", clock: fixedClock("2026-03-01T12:00:00Z") });
  });
  after(() => t.close());

  it("registers a learner with 201, a Location and a token shown once", async () => {
    const res = await t.request.post("/api/v1/learners").send({ handle: "ada", displayName: "Ada", timezone: "Pacific/Auckland" }).expect(201);
    assert.equal(res.headers.location, "/api/v1/me");
    assert.equal(res.body.learner.handle, "ada");
    assert.equal(res.body.learner.role, "LEARNER");
    assert.match(res.body.token, /^k8sd_[A-Za-z0-9_-]{43}$/);
    assert.ok(res.body.token.startsWith(res.body.tokenInfo.prefix));
    const me = await t.request.get("/api/v1/me").set("Authorization", `Bearer ${res.body.token}`).expect(200);
    assert.equal(me.body.displayName, "Ada");
  });

  it("stores only the sha256 of a token", async () => {
    const l = await registerLearner(t, "hash-check");
    const rows = await t.services.deps.db.prisma.accessToken.findMany({ where: { learnerId: l.id } });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.tokenHash, createHash("sha256").update(l.token).digest("hex"));
    assert.ok(!JSON.stringify(rows).includes(l.token));
  });

  it("enrols the learner in the default challenge starting today in their zone", async () => {
    // 2026-03-01T12:00Z is already 03-02 in Auckland and still 03-01 in Los Angeles.
    const akl = await registerLearner(t, "kiwi", "Pacific/Auckland");
    const la = await registerLearner(t, "angeleno", "America/Los_Angeles");
    const a = await t.request.get("/api/v1/me/enrollments").set(akl.auth).expect(200);
    const b = await t.request.get("/api/v1/me/enrollments").set(la.auth).expect(200);
    assert.deepEqual(
      a.body.items.map((e: { challengeSlug: string; startDate: string; state: string }) => [e.challengeSlug, e.startDate, e.state]),
      [["66daysofk8s", "2026-03-02", "ACTIVE"]],
    );
    assert.equal(b.body.items[0].startDate, "2026-03-01");
  });

  const badBodies: [string, object, string][] = [
    ["a handle shorter than 3 characters", { handle: "ab" }, "handle"],
    ["a handle longer than 30 characters", { handle: "a".repeat(31) }, "handle"],
    ["a handle with capitals or spaces", { handle: "Ada Lovelace" }, "handle"],
    ["an unknown time zone", { handle: "zoned", timezone: "Mars/Olympus" }, "timezone"],
  ];
  for (const [what, body, field] of badBodies) {
    it(`rejects ${what} with 422 naming the field`, async () => {
      const res = await t.request.post("/api/v1/learners").send(body).expect(422);
      assert.match(res.headers["content-type"]!, /application\/problem\+json/);
      assert.ok(
        res.body.errors.some((e: { path: string[] }) => e.path.includes(field)),
        JSON.stringify(res.body),
      );
    });
  }

  it("words a bad time zone as the CLI does, on REST and GraphQL", async () => {
    const phrase = "timezone must be an IANA time zone (e.g. Europe/Madrid), got Mars/Olympus";
    const rest = await t.request.post("/api/v1/learners").send({ handle: "marsian", timezone: "Mars/Olympus" }).expect(422);
    assert.ok(rest.body.detail.endsWith(phrase), rest.body.detail);
    const graph = await t.request
      .post("/graphql")
      .set("Content-Type", "application/json")
      .send({ query: `mutation { register(input: { handle: "marsian", timezone: "Mars/Olympus" }) { learner { handle } } }` });
    assert.equal(graph.body.errors[0].extensions.code, "BAD_USER_INPUT");
    assert.ok(graph.body.errors[0].message.endsWith(phrase), graph.body.errors[0].message);
  });

  it("answers 409 for a handle that is taken", async () => {
    await registerLearner(t, "taken");
    const res = await t.request.post("/api/v1/learners").send({ handle: "taken" }).expect(409);
    assert.equal(res.body.code, "CONFLICT");
  });

  it("marks learner responses private, never stored and varying by Authorization, errors included", async () => {
    const l = await registerLearner(t, "cachey");
    for (const res of [
      await t.request.get("/api/v1/me").set(l.auth).expect(200),
      await t.request.get("/api/v1/me/stats").set(l.auth).expect(200),
      await t.request.get("/api/v1/me").expect(401),
      await t.request.get("/api/v1/me/log/2026-01-01").set(l.auth).expect(404),
    ]) {
      assert.equal(res.headers["cache-control"], "private, no-store");
      assert.match(res.headers.vary ?? "", /Authorization/);
    }
  });

  it("changes the time zone with PATCH /me", async () => {
    const l = await registerLearner(t, "mover", "Pacific/Auckland");
    const res = await t.request.patch("/api/v1/me").set(l.auth).send({ timezone: "America/Los_Angeles" }).expect(200);
    assert.equal(res.body.timezone, "America/Los_Angeles");
    await t.request.patch("/api/v1/me").set(l.auth).send({ timezone: "Nowhere/Land" }).expect(422);
  });
});

describe("registration closed by configuration", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "closed", config: { OPEN_REGISTRATION: false } });
  });
  after(() => t.close());

  it("answers 403 FORBIDDEN and creates nobody", async () => {
    const res = await t.request.post("/api/v1/learners").send({ handle: "eve" }).expect(403);
    assert.equal(res.body.code, "FORBIDDEN");
    assert.equal(await t.services.deps.db.prisma.learner.count(), 0);
  });

  it("still lets a trusted caller (the CLI) register", async () => {
    const r = await t.services.learners.register({ handle: "admin", role: "ADMIN" }, { trusted: true });
    assert.equal(r.learner.role, "ADMIN");
  });
});

describe("personal access tokens", () => {
  let t: TestApp;
  const clock = fixedClock("2026-03-01T12:00:00Z");
  before(async () => {
    t = await startTestApp({ label: "tokens", clock });
  });
  after(() => t.close());

  it("creates a token with 201 and lists tokens without their secret", async () => {
    const l = await registerLearner(t, "toki");
    const created = await t.request.post("/api/v1/me/tokens").set(l.auth).send({ name: "laptop" }).expect(201);
    assert.deepEqual(Object.keys(created.body).sort(), ["id", "name", "prefix", "token"]);
    const list = await t.request.get("/api/v1/me/tokens").set(l.auth).expect(200);
    assert.deepEqual(list.body.items.map((x: { name: string }) => x.name).sort(), ["default", "laptop"]);
    for (const item of list.body.items) assert.deepEqual(Object.keys(item).sort(), ["createdAt", "id", "lastUsedAt", "name", "prefix"]);
    assert.ok(!JSON.stringify(list.body).includes(created.body.token));
    assert.ok(!JSON.stringify(list.body).includes(l.token));
  });

  it("records when a token was last used", async () => {
    const l = await registerLearner(t, "used");
    clock.set("2026-03-01T13:00:00Z");
    await t.request.get("/api/v1/me").set(l.auth).expect(200);
    const list = await t.request.get("/api/v1/me/tokens").set(l.auth).expect(200);
    assert.equal(list.body.items[0].lastUsedAt, "2026-03-01T13:00:00.000Z");
  });

  it("revokes a token: 204, then the token answers 401", async () => {
    const l = await registerLearner(t, "revoker");
    const second = await t.request.post("/api/v1/me/tokens").set(l.auth).send({ name: "ci" }).expect(201);
    await t.request.delete(`/api/v1/me/tokens/${second.body.id}`).set(l.auth).expect(204);
    const res = await t.request.get("/api/v1/me").set("Authorization", `Bearer ${second.body.token}`).expect(401);
    assert.equal(res.body.code, "UNAUTHENTICATED");
    assert.equal(res.headers["www-authenticate"], 'Bearer realm="k8s-days"');
    await t.request.delete(`/api/v1/me/tokens/${second.body.id}`).set(l.auth).expect(404);
    await t.request.get("/api/v1/me").set(l.auth).expect(200);
  });

  const badHeaders: [string, string][] = [
    ["a malformed token", "Bearer not-a-token"],
    ["an unknown well-formed token", `Bearer k8sd_${"A".repeat(43)}`],
    ["another scheme", "Basic YWRhOnNlY3JldA=="],
    ["an empty bearer", "Bearer "],
  ];
  for (const [what, header] of badHeaders) {
    it(`answers 401 to ${what}, on private and public endpoints alike`, async () => {
      for (const path of ["/api/v1/me", "/api/v1/"]) {
        const res = await t.request.get(path).set("Authorization", header).expect(401);
        assert.equal(res.body.code, "UNAUTHENTICATED");
      }
    });
  }

  it("answers 401 without a token on private endpoints but serves public ones", async () => {
    await t.request.get("/api/v1/me/stats").expect(401);
    await t.request.get("/api/v1/").expect(200);
  });
});

describe("export and deletion", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "export", clock: fixedClock("2026-03-01T12:00:00Z") });
  });
  after(() => t.close());

  it("exports all of the learner's data without secrets", async () => {
    const l = await registerLearner(t, "exporter");
    await t.request.put("/api/v1/me/log/2026-03-01").set(l.auth).send({ minutes: 15, learned: "kubectl basics" }).expect(200);
    await t.request.put("/api/v1/me/progress/1").set(l.auth).send({ status: "DONE", note: "my note" }).expect(200);
    const res = await t.request.get("/api/v1/me/export").set(l.auth).expect(200);
    assert.equal(res.body.learner.handle, "exporter");
    assert.equal(res.body.log[0].learned, "kubectl basics");
    assert.equal(res.body.progress[0].note, "my note");
    assert.equal(res.body.enrollments.length, 1);
    assert.equal(res.body.tokens.length, 1);
    const text = JSON.stringify(res.body);
    assert.ok(!text.includes(l.token));
    assert.ok(!text.includes("tokenHash"));
  });

  it("deletes the learner and everything of theirs with DELETE /me", async () => {
    const l = await registerLearner(t, "leaver");
    const other = await registerLearner(t, "stayer");
    for (const who of [l, other]) {
      await t.request.put("/api/v1/me/log/2026-03-01").set(who.auth).send({ minutes: 15, learned: "x" }).expect(200);
      await t.request.put("/api/v1/me/progress/2").set(who.auth).send({ status: "IN_PROGRESS" }).expect(200);
    }
    await t.request.delete("/api/v1/me").set(l.auth).expect(204);
    await t.request.get("/api/v1/me").set(l.auth).expect(401);
    const p = t.services.deps.db.prisma;
    const counts = await Promise.all(
      [p.learner, p.accessToken, p.enrollment, p.lessonProgress, p.logEntry].map((m) =>
        (m as unknown as { count(a: object): Promise<number> }).count({ where: m === p.learner ? { id: l.id } : { learnerId: l.id } }),
      ),
    );
    assert.deepEqual(counts, [0, 0, 0, 0, 0]);
    const kept = await t.request.get("/api/v1/me/export").set(other.auth).expect(200);
    assert.equal(kept.body.log.length, 1);
    assert.equal(kept.body.progress.length, 1);
  });
});

describe("learner endpoints in the OpenAPI document", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "openapi-learners" });
  });
  after(() => t.close());

  it("lists every learner endpoint, private ones with bearer security, and validates", async () => {
    const { validate } = await import("@readme/openapi-parser");
    const doc = (await t.request.get("/api/v1/openapi.json").expect(200)).body;
    const result = await validate(structuredClone(doc));
    assert.equal(result.valid, true, JSON.stringify(result));
    const expected: [string, string][] = [
      ["post", "/learners"],
      ["get", "/me"],
      ["patch", "/me"],
      ["delete", "/me"],
      ["get", "/me/export"],
      ["post", "/me/tokens"],
      ["get", "/me/tokens"],
      ["delete", "/me/tokens/{id}"],
      ["get", "/me/progress"],
      ["get", "/me/progress/{day}"],
      ["put", "/me/progress/{day}"],
      ["get", "/me/mastery"],
      ["get", "/me/log"],
      ["get", "/me/log/{date}"],
      ["put", "/me/log/{date}"],
      ["get", "/me/stats"],
      ["get", "/me/share/{date}"],
      ["get", "/me/enrollments"],
      ["post", "/me/enrollments"],
    ];
    for (const [method, path] of expected) {
      const op = doc.paths[`/api/v1${path}`]?.[method];
      assert.ok(op, `${method} ${path}`);
      if (path !== "/learners") assert.deepEqual(op.security, [{ bearer: [] }], `${method} ${path}`);
    }
  });
});
