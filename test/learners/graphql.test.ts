import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { createChallengeRows } from "../support/challengeRows.ts";

describe("learners and progress over GraphQL", () => {
  let t: TestApp;
  let auth: string;
  before(async () => {
    t = await startTestApp({ label: "gql-learners", clock: fixedClock("2026-03-10T20:00:00Z"), prepare: createChallengeRows });
  });
  after(() => t.close());

  const gql = async (query: string, variables?: object, authorization = auth) => {
    const req = t.request.post("/graphql");
    if (authorization) req.set("Authorization", authorization);
    return (await req.send({ query, variables })).body;
  };

  it("registers with one input and returns a payload with the token", async () => {
    const res = await gql(
      `mutation($input: RegisterInput!) { register(input: $input) { learner { handle timezone role } token { token prefix } } }`,
      { input: { handle: "gina", displayName: "Gina", timezone: "America/Los_Angeles" } },
      "",
    );
    assert.deepEqual(res.data.register.learner, { handle: "gina", timezone: "America/Los_Angeles", role: "LEARNER" });
    auth = `Bearer ${res.data.register.token.token}`;
  });

  it("reports a taken handle as CONFLICT and a bad time zone as BAD_USER_INPUT", async () => {
    const taken = await gql(`mutation { register(input: { handle: "gina" }) { learner { id } } }`, undefined, "");
    assert.equal(taken.errors[0].extensions.code, "CONFLICT");
    const zone = await gql(`mutation { register(input: { handle: "hal", timezone: "Moon/Base" }) { learner { id } } }`, undefined, "");
    assert.equal(zone.errors[0].extensions.code, "BAD_USER_INPUT");
  });

  it("logs a day, sets progress and reads them back through me", async () => {
    const logged = await gql(
      `mutation { logDay(input: { date: "2026-03-10", minutes: 25, learned: "Deployments roll out ReplicaSets", days: [4] }) { entry { date minutes counted timezone } } }`,
    );
    assert.deepEqual(logged.data.logDay.entry, { date: "2026-03-10", minutes: 25, counted: true, timezone: "America/Los_Angeles" });
    const set = await gql(
      `mutation { setProgress(input: { day: 4, status: DONE, confidence: 5, note: "done" }) { progress { day status confidence completedAt } } }`,
    );
    assert.deepEqual(set.data.setProgress.progress, { day: 4, status: "DONE", confidence: 5, completedAt: "2026-03-10T20:00:00.000Z" });
    const me = await gql(`{ me { handle progress { items { day status } next } lesson(day: 4) { note } log { items { date } }
      logEntry(date: "2026-03-10") { learned } stats { currentStreak daysLogged status nextLesson { day title } heatmap { date minutes } }
      enrollments { state } mastery { concept mastery } share(date: "2026-03-10") { dayNumber short } } }`);
    assert.equal(me.errors, undefined, JSON.stringify(me.errors));
    const m = me.data.me;
    assert.deepEqual(m.progress, { items: [{ day: 4, status: "DONE" }], next: null });
    assert.equal(m.lesson.note, "done");
    assert.deepEqual(m.stats, {
      currentStreak: 1,
      daysLogged: 1,
      status: "ON_TRACK",
      nextLesson: { day: 1, title: "Getting started" },
      heatmap: [{ date: "2026-03-10", minutes: 25 }],
    });
    assert.deepEqual(m.mastery, [{ concept: "pod", mastery: 0.33 }]); // day 4: weight 0.5 of 1.5, confidence 5/5
    assert.equal(m.share.short, "Day 1 of #66DaysOfK8s: Deployments roll out ReplicaSets #kubernetes #learning");
  });

  it("rejects a future date with BAD_USER_INPUT and the field path", async () => {
    const res = await gql(`mutation { logDay(input: { date: "2026-03-11", minutes: 10, learned: "" }) { entry { date } } }`);
    assert.equal(res.errors[0].extensions.code, "BAD_USER_INPUT");
    assert.deepEqual(res.errors[0].extensions.issues[0].path, ["date"]);
  });

  it("creates, lists and revokes tokens", async () => {
    const created = await gql(`mutation { createToken(input: { name: "ci" }) { token { id name token } } }`);
    const { id, token } = created.data.createToken.token;
    const listed = await gql(`{ me { tokens { id name prefix } } }`);
    assert.ok(listed.data.me.tokens.some((x: { id: string }) => x.id === id));
    assert.ok(!JSON.stringify(listed).includes(token));
    const revoked = await gql(`mutation($id: ID!) { revokeToken(input: { id: $id }) { id } }`, { id });
    assert.equal(revoked.data.revokeToken.id, id);
    const again = await t.request.post("/graphql").set("Authorization", `Bearer ${token}`).send({ query: "{ me { handle } }" });
    assert.equal(again.status, 401);
  });

  it("restarts with enrol and keeps the earlier attempt", async () => {
    const res = await gql(`mutation { enrol(input: {}) { enrollment { state startDate goalDays } } }`);
    assert.deepEqual(res.data.enrol.enrollment, { state: "ACTIVE", startDate: "2026-03-10", goalDays: 66 });
    const list = await gql(`{ me { enrollments { state } } }`);
    assert.deepEqual(
      list.data.me.enrollments.map((e: { state: string }) => e.state),
      ["ACTIVE", "ENDED"],
    );
  });

  it("changes the time zone with updateMe", async () => {
    const res = await gql(`mutation { updateMe(input: { timezone: "Pacific/Auckland" }) { learner { timezone } } }`);
    assert.equal(res.data.updateMe.learner.timezone, "Pacific/Auckland");
  });

  it("deletes the learner with deleteMe confirmed by the handle", async () => {
    const res = await gql(`mutation { deleteMe(input: { handle: "gina" }) { deleted } }`);
    assert.equal(res.data.deleteMe.deleted, true);
    const after = await t.request.post("/graphql").set("Authorization", auth).send({ query: "{ me { handle } }" });
    assert.equal(after.status, 401);
  });
});

describe("GraphQL registration closed", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "gql-closed", config: { OPEN_REGISTRATION: false } });
  });
  after(() => t.close());

  it("answers FORBIDDEN", async () => {
    const res = await t.request.post("/graphql").send({ query: `mutation { register(input: { handle: "eve" }) { learner { id } } }` });
    assert.equal(res.body.errors[0].extensions.code, "FORBIDDEN");
  });
});
