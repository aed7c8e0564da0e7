import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { fixturesDir } from "../support/databases.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";

describe("re-importing content leaves progress intact", () => {
  let t: TestApp;
  let l: TestLearner;
  before(async () => {
    t = await startTestApp({ label: "reimport", clock: fixedClock("2026-03-10T20:00:00Z") });
    await t.services.content.importer.importPath(fixturesDir());
    l = await registerLearner(t, "steady");
    await t.request.put("/api/v1/me/progress/1").set(l.auth).send({ status: "DONE", note: "first lesson", confidence: 3 }).expect(200);
    await t.request.put("/api/v1/me/progress/2").set(l.auth).send({ status: "IN_PROGRESS" }).expect(200);
    await t.request
      .put("/api/v1/me/log/2026-03-10")
      .set(l.auth)
      .send({ minutes: 20, learned: "cluster basics", days: [1] })
      .expect(200);
  });
  after(() => t.close());

  const snapshot = async () => {
    const e = (await t.request.get("/api/v1/me/export").set(l.auth).expect(200)).body;
    return { progress: e.progress, log: e.log, enrollments: e.enrollments };
  };

  it("keeps every progress row and log entry through a second full import", async () => {
    const before = await snapshot();
    await t.services.content.importer.importPath(fixturesDir());
    assert.deepEqual(await snapshot(), before);
  });

  it("keeps progress even when every day row is deleted and imported again with new ids", async () => {
    const before = await snapshot();
    const p = t.services.deps.db.prisma;
    const oldIds = (await p.day.findMany({ select: { id: true }, orderBy: { number: "asc" }, take: 3 })).map((d) => d.id);
    await p.day.deleteMany({});
    await t.services.content.importer.importPath(fixturesDir());
    const newIds = (await p.day.findMany({ select: { id: true }, orderBy: { number: "asc" }, take: 3 })).map((d) => d.id);
    assert.notDeepEqual(newIds, oldIds);
    assert.deepEqual(await snapshot(), before);
    const stats = (await t.request.get("/api/v1/me/stats").set(l.auth).expect(200)).body;
    assert.equal(stats.nextLesson.day, 2, "progress still points at the right lessons");
    assert.equal(typeof stats.nextLesson.title, "string");
  });
});
