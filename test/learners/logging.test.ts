import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { createLogger } from "../../src/log.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

describe("tokens and notes never reach the logs", () => {
  let t: TestApp;
  const lines: string[] = [];
  before(async () => {
    t = await startTestApp({ label: "logging", clock: fixedClock("2026-03-10T20:00:00Z"), log: createLogger("debug", (l) => lines.push(l)) });
  });
  after(() => t.close());

  it("logs learner activity without secrets, notes or learned text", async () => {
    const reg = await t.request.post("/api/v1/learners").send({ handle: "quiet", timezone: "UTC" }).expect(201);
    const token: string = reg.body.token;
    const auth = { Authorization: `Bearer ${token}` };
    const second = await t.request.post("/api/v1/me/tokens").set(auth).send({ name: "x" }).expect(201);
    await t.request.put("/api/v1/me/progress/2").set(auth).send({ status: "DONE", note: "NOTE-SENTINEL-42" }).expect(200);
    await t.request.put("/api/v1/me/log/2026-03-10").set(auth).send({ minutes: 10, learned: "LEARNED-SENTINEL-42" }).expect(200);
    await t.request.put("/api/v1/me/log/2026-03-12").set(auth).send({ minutes: 10, learned: "LEARNED-SENTINEL-43" }).expect(422);
    await t.request.delete(`/api/v1/me/tokens/${second.body.id}`).set(auth).expect(204);
    await t.request.get("/api/v1/me").set("Authorization", `Bearer ${second.body.token}`).expect(401);
    await t.request
      .post("/graphql")
      .set(auth)
      .send({ query: `mutation { setProgress(input: { day: 3, note: "NOTE-SENTINEL-44", confidence: 9 }) { progress { day } } }` });
    await t.request.delete("/api/v1/me").set(auth).expect(204);

    assert.ok(lines.length > 0, "the logger captured the activity");
    const all = lines.join("\n");
    for (const secret of [token, second.body.token, token.slice(5), "NOTE-SENTINEL", "LEARNED-SENTINEL"]) {
      assert.ok(!all.includes(secret), `logs contain ${secret.slice(0, 12)}…`);
    }
  });
});
