/**
 * Helpers for learner tests: register over REST and send authenticated requests.
 */
import assert from "node:assert/strict";
import type { TestApp } from "./testApp.ts";

export interface TestLearner {
  id: string;
  handle: string;
  token: string;
  /** Headers to send as this learner. */
  auth: { Authorization: string };
}

/** Registers a learner through POST /api/v1/learners and returns their token. */
export async function registerLearner(t: TestApp, handle: string, timezone = "UTC"): Promise<TestLearner> {
  const res = await t.request.post("/api/v1/learners").send({ handle, displayName: handle.toUpperCase(), timezone });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: res.body.learner.id, handle, token: res.body.token, auth: { Authorization: `Bearer ${res.body.token}` } };
}
