import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startTestApp, type TestApp } from "./support/testApp.ts";

describe("health probes", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "health" });
  });
  after(() => t.close());

  it("answers /healthz and /livez while the process is up", async () => {
    for (const path of ["/healthz", "/livez"]) {
      const res = await t.request.get(path).expect(200);
      assert.equal(res.body.status, "ok");
    }
  });

  it("is ready once the database is reachable and migrated", async () => {
    const res = await t.request.get("/readyz").expect(200);
    assert.equal(res.body.status, "ready");
  });

  it("answers unknown paths with problem+json, not HTML", async () => {
    const res = await t.request.get("/no/such/thing").expect(404);
    assert.match(res.headers["content-type"]!, /application\/problem\+json/);
    assert.equal(res.body.code, "NOT_FOUND");
  });
});
