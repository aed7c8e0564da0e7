import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";

describe("progress on the seeded challenge", () => {
  let t: TestApp;
  let l: TestLearner;
  before(async () => {
    t = await startTestApp({ label: "seeded", clock: fixedClock("2026-03-10T20:00:00Z") });
    await t.services.content.importer.loadSeeds();
    l = await registerLearner(t, "seedling");
  });
  after(() => t.close());

  it("shares with the challenge's own hashtags", async () => {
    await t.request.put("/api/v1/me/log/2026-03-10").set(l.auth).send({ minutes: 10, learned: "Control plane components" }).expect(200);
    const post = (await t.request.get("/api/v1/me/share/2026-03-10").set(l.auth).expect(200)).body;
    assert.equal(post.text, "Day 1 of #66DaysOfK8s: Control plane components #kubernetes #learning #K8s #66DaysChallenge");
  });

  it("keeps #66DaysOfK8s strict: the seeded challenge hands out no streak freezes", async () => {
    const s = (await t.request.get("/api/v1/me/stats").set(l.auth).expect(200)).body;
    assert.deepEqual(
      [s.freezePolicy, s.freezes],
      [
        { everyCountedDays: 0, maxBanked: 0 },
        { earned: 0, used: 0, banked: 0 },
      ],
    );
  });

  it("follows the suggested path, then the days it leaves out in order", async () => {
    const first = (await t.request.get("/api/v1/me/stats?path=suggested").set(l.auth).expect(200)).body.nextLesson;
    assert.equal(first.day, 9);
    assert.equal(typeof first.title, "string");
    const steps = await t.services.deps.db.prisma.learningPathStep.findMany({ where: { path: { name: "suggested" } }, select: { dayNumber: true }, take: 100 });
    for (const s of steps) await t.request.put(`/api/v1/me/progress/${s.dayNumber}`).set(l.auth).send({ status: "DONE" }).expect(200);
    const listed = new Set(steps.map((s) => s.dayNumber));
    const firstLeftOut = Array.from({ length: 66 }, (_, i) => i + 1).find((n) => !listed.has(n));
    const next = (await t.request.get("/api/v1/me/stats?path=suggested").set(l.auth).expect(200)).body.nextLesson;
    assert.equal(next.day, firstLeftOut);
  });

  it("keeps progress and log through a re-seed", async () => {
    const before = (await t.request.get("/api/v1/me/export").set(l.auth).expect(200)).body;
    await t.services.content.importer.loadSeeds();
    const after = (await t.request.get("/api/v1/me/export").set(l.auth).expect(200)).body;
    assert.deepEqual([after.progress, after.log], [before.progress, before.log]);
  });
});
