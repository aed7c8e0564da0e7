import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../src/clock.ts";
import { startTestApp, type TestApp } from "./support/testApp.ts";
import { createChallengeRows } from "./support/challengeRows.ts";
import { registerLearner, type TestLearner } from "./support/learners.ts";

/**
 * Learner A tries to read, list, change or delete learner B's data through REST
 * and GraphQL. Every attempt must fail or see only A's own data, and B's data must
 * be byte-for-byte the same afterwards.
 */
describe("privacy between learners", () => {
  let t: TestApp;
  let a: TestLearner;
  let b: TestLearner;
  let bTokenId: string;
  let bRevoked: { id: string; token: string };
  let bBefore: unknown;
  const today = "2026-03-10";

  const exportOf = async (l: TestLearner) => (await t.request.get("/api/v1/me/export").set(l.auth).expect(200)).body;
  const gql = (query: string, auth?: string, variables?: object) => {
    const req = t.request.post("/graphql");
    if (auth) req.set("Authorization", auth);
    return req.send({ query, variables });
  };

  before(async () => {
    t = await startTestApp({ label: "privacy", clock: fixedClock("2026-03-10T20:00:00Z"), prepare: createChallengeRows });
    a = await registerLearner(t, "alice");
    b = await registerLearner(t, "bob");
    await t.request
      .put(`/api/v1/me/log/${today}`)
      .set(b.auth)
      .send({ minutes: 30, learned: "bob-secret-learning", days: [3] })
      .expect(200);
    await t.request.put("/api/v1/me/progress/3").set(b.auth).send({ status: "DONE", note: "bob-private-note", confidence: 5 }).expect(200);
    const second = await t.request.post("/api/v1/me/tokens").set(b.auth).send({ name: "phone" }).expect(201);
    bRevoked = { id: second.body.id, token: second.body.token };
    await t.request.delete(`/api/v1/me/tokens/${bRevoked.id}`).set(b.auth).expect(204);
    bTokenId = (await t.request.get("/api/v1/me/tokens").set(b.auth).expect(200)).body.items[0].id;
    bBefore = await exportOf(b);
  });

  after(async () => {
    // Whatever ran above, B's data is unchanged and B can still use their token.
    assert.deepEqual(await exportOf(b), bBefore);
    await t.close();
  });

  describe("over REST", () => {
    it("cannot revoke B's token by guessing its id (404, like an unknown id)", async () => {
      const res = await t.request.delete(`/api/v1/me/tokens/${bTokenId}`).set(a.auth).expect(404);
      const unknown = await t.request.delete("/api/v1/me/tokens/00000000-0000-0000-0000-000000000000").set(a.auth).expect(404);
      assert.equal(res.body.detail, unknown.body.detail, "no information leak: same answer as an unknown id");
      await t.request.get("/api/v1/me").set(b.auth).expect(200);
    });

    it("does not list B's tokens, progress or log", async () => {
      const tokens = (await t.request.get("/api/v1/me/tokens").set(a.auth).expect(200)).body.items;
      assert.ok(!tokens.some((x: { id: string }) => x.id === bTokenId));
      assert.deepEqual((await t.request.get("/api/v1/me/progress").set(a.auth).expect(200)).body.items, []);
      assert.deepEqual((await t.request.get(`/api/v1/me/log?from=${today}&to=${today}`).set(a.auth).expect(200)).body.items, []);
    });

    it("cannot read B's entries by date or day number", async () => {
      await t.request.get(`/api/v1/me/log/${today}`).set(a.auth).expect(404);
      await t.request.get(`/api/v1/me/share/${today}`).set(a.auth).expect(404);
      const p = (await t.request.get("/api/v1/me/progress/3").set(a.auth).expect(200)).body;
      assert.deepEqual([p.status, p.note], ["NOT_STARTED", null]);
    });

    it("refuses learner ids smuggled into query strings (400 naming them) and ignores them in bodies", async () => {
      const stats = (await t.request.get(`/api/v1/me/stats?learnerId=${b.id}&handle=bob`).set(a.auth).expect(400)).body;
      assert.deepEqual(
        stats.errors.map((e: { path: string[] }) => e.path[0]),
        ["learnerId", "handle"],
      );
      const log = (await t.request.get(`/api/v1/me/log?learnerId=${b.id}`).set(a.auth).expect(400)).body;
      assert.match(log.detail, /learnerId/);
      const written = await t.request.put("/api/v1/me/progress/3").set(a.auth).send({ status: "SKIPPED", learnerId: b.id }).expect(200);
      assert.equal(written.body.status, "SKIPPED");
      await t.request.put(`/api/v1/me/log/${today}`).set(a.auth).send({ minutes: 5, learned: "alice", learnerId: b.id }).expect(200);
      await t.request.patch("/api/v1/me").set(a.auth).send({ handle: "bob", id: b.id, displayName: "Alice" }).expect(200);
      assert.equal((await t.request.get("/api/v1/me").set(a.auth).expect(200)).body.handle, "alice");
    });

    it("exports none of B's data to A", async () => {
      const text = JSON.stringify(await exportOf(a));
      for (const secret of ["bob-secret-learning", "bob-private-note", b.id, bTokenId]) assert.ok(!text.includes(secret), secret);
    });

    const badAuth = (): [string, string][] => [
      ["B's revoked token", `Bearer ${bRevoked.token}`],
      ["a malformed token", "Bearer k8sd_short"],
      ["B's token with one character changed", `Bearer ${b.token.slice(0, -1)}${b.token.endsWith("A") ? "B" : "A"}`],
      ["a token without the Bearer scheme", b.token],
    ];
    it("answers 401 to revoked and malformed tokens on every kind of request, changing nothing", async () => {
      for (const [what, header] of badAuth()) {
        for (const req of [
          t.request.get("/api/v1/me/stats"),
          t.request.put(`/api/v1/me/log/${today}`).send({ minutes: 1, learned: "overwrite" }),
          t.request.put("/api/v1/me/progress/3").send({ status: "NOT_STARTED" }),
          t.request.delete(`/api/v1/me/tokens/${bTokenId}`),
          t.request.delete("/api/v1/me"),
          t.request.post("/api/v1/me/enrollments").send({}),
        ]) {
          const res = await req.set("Authorization", header);
          assert.equal(res.status, 401, `${what}: ${JSON.stringify(res.body)}`);
        }
      }
    });

    it("cannot delete B by deleting itself", async () => {
      const c = await registerLearner(t, "carol");
      await t.request.delete("/api/v1/me").set(c.auth).expect(204);
      await t.request.get("/api/v1/me").set(b.auth).expect(200);
    });
  });

  describe("over GraphQL", () => {
    it("offers no field or argument that names another learner", async () => {
      const res = await gql(`{ __schema { types { name fields { name type { name ofType { name } } args { name } } inputFields { name } } } }`);
      const suspicious: string[] = [];
      const learnerFields: string[] = [];
      for (const type of res.body.data.__schema.types) {
        if (type.name.startsWith("__")) continue;
        for (const f of type.fields ?? []) {
          suspicious.push(
            ...f.args
              .map((x: { name: string }) => x.name)
              .filter((n: string) => /learner|user|owner|handle|^id$/i.test(n))
              .map((n: string) => `${type.name}.${f.name}(${n})`),
          );
          if (type.name === "Query" && (f.type.name ?? f.type.ofType?.name) === "Learner") learnerFields.push(f.name);
        }
        for (const f of type.inputFields ?? []) {
          if (/learner|user|owner/i.test(f.name)) suspicious.push(`${type.name}.${f.name}`);
        }
      }
      // The one deliberate exception: the public card of a learner who opted in, a type of its own.
      assert.deepEqual(suspicious, ["Query.learner(handle)"]);
      const types = res.body.data.__schema.types as {
        name: string;
        fields: { name: string; type: { name: string | null; ofType: { name: string } | null } }[] | null;
      }[];
      const learnerQuery = types.find((x) => x.name === "Query")!.fields!.find((f) => f.name === "learner")!;
      assert.equal(learnerQuery.type.name, "PublicLearner");
      const card = types.find((x) => x.name === "PublicLearner")!.fields!.map((f) => f.name);
      assert.deepEqual(
        card.filter((f) => /id|timezone|token|log|progress|note|learned|export|mastery|enrol/i.test(f)),
        [],
      );
      assert.deepEqual(learnerFields, ["me"], "the only way to a Learner is me");
    });

    it("revokeToken on B's token id answers NOT_FOUND and B's token keeps working", async () => {
      const res = await gql(`mutation($id: ID!) { revokeToken(input: { id: $id }) { id } }`, a.auth.Authorization, { id: bTokenId });
      assert.equal(res.body.errors[0].extensions.code, "NOT_FOUND");
      await t.request.get("/api/v1/me").set(b.auth).expect(200);
    });

    it("deleteMe with B's handle is refused and deletes nobody", async () => {
      const res = await gql(`mutation { deleteMe(input: { handle: "bob" }) { deleted } }`, a.auth.Authorization);
      assert.equal(res.body.errors[0].extensions.code, "BAD_USER_INPUT");
      await t.request.get("/api/v1/me").set(a.auth).expect(200);
    });

    it("nested fields of me show only A's data, whatever the filters", async () => {
      const res = await gql(
        `{ me { handle tokens { id } progress(first: 100) { items { day note } } lesson(day: 3) { note }
        log(from: "2026-01-01", to: "2026-12-31") { items { learned } } logEntry(date: "${today}") { learned } stats { daysLogged } } }`,
        a.auth.Authorization,
      );
      assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
      const text = JSON.stringify(res.body.data);
      assert.equal(res.body.data.me.handle, "alice");
      for (const secret of ["bob-secret-learning", "bob-private-note", bTokenId]) assert.ok(!text.includes(secret), secret);
    });

    it("writes through mutations land on A only", async () => {
      const res = await gql(`mutation { setProgress(input: { day: 3, status: IN_PROGRESS, note: "alice note" }) { progress { note } } }`, a.auth.Authorization);
      assert.equal(res.body.data.setProgress.progress.note, "alice note");
      const logged = await gql(
        `mutation { logDay(input: { date: "${today}", minutes: 9, learned: "alice again" }) { entry { learned } } }`,
        a.auth.Authorization,
      );
      assert.equal(logged.body.data.logDay.entry.learned, "alice again");
    });

    it("answers HTTP 401 UNAUTHENTICATED to revoked and malformed tokens, even for public fields", async () => {
      for (const header of [`Bearer ${bRevoked.token}`, "Bearer nope", `Bearer ${b.token}x`]) {
        for (const query of [
          "{ apiVersion }",
          "{ me { handle } }",
          `mutation { logDay(input: { date: "${today}", minutes: 1, learned: "x" }) { entry { date } } }`,
        ]) {
          const res = await gql(query, header);
          assert.equal(res.status, 401);
          assert.equal(res.body.errors[0].extensions.code, "UNAUTHENTICATED");
        }
      }
    });

    it("answers UNAUTHENTICATED to anonymous me and mutations, creating nothing", async () => {
      const before = await t.services.deps.db.prisma.logEntry.count();
      for (const query of [
        "{ me { handle } }",
        `mutation { logDay(input: { date: "${today}", minutes: 10, learned: "x" }) { entry { date } } }`,
        `mutation { createToken(input: { name: "x" }) { token { id } } }`,
      ]) {
        const res = await gql(query);
        assert.equal(res.body.errors[0].extensions.code, "UNAUTHENTICATED", query);
      }
      assert.equal(await t.services.deps.db.prisma.logEntry.count(), before);
    });
  });
});
