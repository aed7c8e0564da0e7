/**
 * Public profiles and learners' pictures end to end: opting in over REST and GraphQL,
 * the card, the heatmap and badge SVGs (parsed, checked for structure and safety), their
 * caching headers, and the rule that a private profile looks exactly like no profile.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { FILE_CSP } from "../../src/modules/files/files.routes.ts";
import { gql } from "../support/graphql.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { insertSampleContent } from "../support/sampleContent.ts";
import { parseSvg, unsafeParts } from "../support/svg.ts";
import { TEST_ORIGIN, startTestApp, type TestApp } from "../support/testApp.ts";

/** supertest keeps image bodies as Buffers: the text of one. */
const svgText = (res: { body: unknown; text?: string }) => (Buffer.isBuffer(res.body) ? res.body.toString("utf8") : (res.text ?? ""));

describe("public profiles and pictures", () => {
  let t: TestApp;
  let ada: TestLearner;
  let grace: TestLearner;
  const clock = fixedClock("2026-03-02T10:00:00Z"); // a Monday

  before(async () => {
    t = await startTestApp({ label: "pictures_profiles", clock, prepare: insertSampleContent });
    ada = await registerLearner(t, "ada", "Europe/Madrid");
    grace = await registerLearner(t, "grace", "UTC");
    // Ada: 20 min on day 1, 3 min (below the 5-minute minimum) on day 2, nothing on day 3, 45 min on days 4 and 5.
    const log = async (at: string, date: string, minutes: number) => {
      clock.set(at);
      await t.request
        .put(`/api/v1/me/log/${date}`)
        .set(ada.auth)
        .send({ minutes, learned: `day ${date}` })
        .expect(200);
    };
    await log("2026-03-02T10:00:00Z", "2026-03-02", 20);
    await log("2026-03-03T10:00:00Z", "2026-03-03", 3);
    await log("2026-03-05T10:00:00Z", "2026-03-05", 45);
    await log("2026-03-06T10:00:00Z", "2026-03-06", 45);
  });
  after(() => t.close());

  it("keeps profiles private by default: the card and pictures of a private or unknown handle are the same 404", async () => {
    const me = await t.request.get("/api/v1/me").set(ada.auth).expect(200);
    assert.equal(me.body.public, false);
    for (const path of ["", "/heatmap.svg", "/badge.svg"]) {
      const hidden = await t.request.get(`/api/v1/learners/ada${path}`).expect(404);
      const unknown = await t.request.get(`/api/v1/learners/nobody-here${path}`).expect(404);
      assert.equal(hidden.body.code, "NOT_FOUND");
      assert.equal(hidden.headers["content-type"], unknown.headers["content-type"]);
      assert.equal(hidden.body.detail.replace("ada", "X"), unknown.body.detail.replace("nobody-here", "X"));
    }
    const res = await gql(t, `{ learner(handle: "ada") { handle } }`).expect(200);
    assert.deepEqual(res.body, { data: { learner: null } });
  });

  it("publishes a small card once the learner opts in with PATCH /me", async () => {
    const patched = await t.request.patch("/api/v1/me").set(ada.auth).send({ public: true }).expect(200);
    assert.equal(patched.body.public, true);
    await t.request.patch("/api/v1/me").set(ada.auth).send({ public: "yes" }).expect(422);
    const res = await t.request.get("/api/v1/learners/ada").expect(200);
    assert.deepEqual(res.body, {
      handle: "ada",
      displayName: "ADA",
      hashtag: "#66DaysOfK8s",
      day: 5,
      goalDays: 66,
      currentStreak: 2,
      longestStreak: 2,
      status: "BROKEN",
      links: {
        self: `${TEST_ORIGIN}/api/v1/learners/ada`,
        heatmap: `${TEST_ORIGIN}/api/v1/learners/ada/heatmap.svg`,
        badge: `${TEST_ORIGIN}/api/v1/learners/ada/badge.svg`,
      },
    });
    assert.equal(res.headers["cache-control"], "public, max-age=60");
    // Learner data follows the log, not the content version: never kept by the in-memory response cache.
    const again = await t.request.get("/api/v1/learners/ada").expect(200);
    assert.equal(again.headers["x-cache"], undefined);
    assert.doesNotMatch(JSON.stringify(res.body), /Europe\/Madrid|learned|day 2026/);
  });

  it("draws the public heatmap: one cell per date of the attempt, statuses told apart, nothing active inside", async () => {
    const res = await t.request.get("/api/v1/learners/ada/heatmap.svg").expect(200);
    assert.equal(res.headers["content-type"], "image/svg+xml; charset=utf-8");
    assert.equal(res.headers["content-security-policy"], FILE_CSP);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["cache-control"], "public, max-age=300");
    assert.match(res.headers.etag!, /^"[\w-]+"$/);
    const doc = parseSvg(svgText(res));
    const cells = Array.from(doc.querySelectorAll("g[data-date]"));
    assert.equal(cells.length, 66);
    assert.equal(cells[0]!.getAttribute("data-date"), "2026-03-02");
    assert.equal(cells.at(-1)!.getAttribute("data-date"), "2026-05-06");
    assert.equal(new Set(cells.map((c) => c.getAttribute("data-date"))).size, 66);
    assert.deepEqual(
      cells.slice(0, 6).map((c) => c.getAttribute("data-status")),
      ["counted", "belowMinimum", "missed", "counted", "counted", "upcoming"],
    );
    assert.equal(cells[4]!.querySelector("title")!.textContent, "Day 5 · Fri 2026-03-06 · 45 min · counted");
    assert.deepEqual(unsafeParts(doc), []);
    assert.ok(doc.querySelector("svg > title") && doc.querySelector("svg > desc"));
  });

  it("answers 304 to a matching If-None-Match and changes its ETag when the learner logs", async () => {
    const first = await t.request.get("/api/v1/learners/ada/heatmap.svg").expect(200);
    await t.request.get("/api/v1/learners/ada/heatmap.svg").set("If-None-Match", first.headers.etag!).expect(304);
    clock.set("2026-03-07T10:00:00Z");
    await t.request.put("/api/v1/me/log/2026-03-07").set(ada.auth).send({ minutes: 10, learned: "more" }).expect(200);
    const after = await t.request.get("/api/v1/learners/ada/heatmap.svg").set("If-None-Match", first.headers.etag!).expect(200);
    assert.notEqual(after.headers.etag, first.headers.etag);
    assert.equal(parseSvg(svgText(after)).querySelector('g[data-date="2026-03-07"]')!.getAttribute("data-status"), "counted");
  });

  it("draws the badge with the day and the streak", async () => {
    const res = await t.request.get("/api/v1/learners/ada/badge.svg").expect(200);
    assert.equal(res.headers["content-type"], "image/svg+xml; charset=utf-8");
    assert.equal(res.headers["content-security-policy"], FILE_CSP);
    assert.equal(res.headers["cache-control"], "public, max-age=300");
    const doc = parseSvg(svgText(res));
    assert.deepEqual(
      Array.from(doc.querySelectorAll("text:not([aria-hidden])")).map((x) => x.textContent),
      ["#66DaysOfK8s", "day 6 · streak 3"],
    );
    assert.deepEqual(unsafeParts(doc), []);
    await t.request.head("/api/v1/learners/ada/badge.svg").expect(200);
  });

  it("serves the learner's own heatmap privately, public profile or not", async () => {
    await t.request.get("/api/v1/me/heatmap.svg").expect(401);
    const res = await t.request.get("/api/v1/me/heatmap.svg").set(grace.auth).expect(200);
    assert.equal(res.headers["cache-control"], "private, max-age=60");
    assert.match(res.headers.vary!, /Authorization/);
    assert.equal(res.headers["content-security-policy"], FILE_CSP);
    const doc = parseSvg(svgText(res));
    assert.equal(doc.querySelector("svg > title")!.textContent, "#66DaysOfK8s heatmap of @grace");
    // Grace registered on 2026-03-02 and never logged: her past dates are missed, today is open.
    const statuses = Array.from(doc.querySelectorAll("g[data-date]")).map((c) => c.getAttribute("data-status"));
    assert.equal(statuses.length, 66);
    assert.deepEqual(statuses.slice(0, 7), ["missed", "missed", "missed", "missed", "missed", "open", "upcoming"]);
    assert.deepEqual(unsafeParts(doc), []);
    await t.request.get("/api/v1/learners/grace/heatmap.svg").expect(404);
  });

  it("offers the same card over GraphQL, and the opt-in through updateMe", async () => {
    const optIn = await gql(t, `mutation { updateMe(input: { public: true }) { learner { handle public } } }`).set(grace.auth).expect(200);
    assert.deepEqual(optIn.body.data.updateMe.learner, { handle: "grace", public: true });
    const res = await gql(
      t,
      `{ learner(handle: "ada") { handle displayName hashtag day goalDays currentStreak longestStreak status heatmapUrl badgeUrl } }`,
    ).expect(200);
    assert.deepEqual(res.body.data.learner, {
      handle: "ada",
      displayName: "ADA",
      hashtag: "#66DaysOfK8s",
      day: 6,
      goalDays: 66,
      currentStreak: 3,
      longestStreak: 3,
      status: "BROKEN",
      heatmapUrl: `${TEST_ORIGIN}/api/v1/learners/ada/heatmap.svg`,
      badgeUrl: `${TEST_ORIGIN}/api/v1/learners/ada/badge.svg`,
    });
    assert.doesNotMatch(res.headers["cache-control"] ?? "no-store", /public/);
    await t.request.get("/api/v1/learners/grace").expect(200);
    const hide = await gql(t, `mutation { updateMe(input: { public: false }) { learner { public } } }`).set(grace.auth).expect(200);
    assert.equal(hide.body.data.updateMe.learner.public, false);
    await t.request.get("/api/v1/learners/grace/badge.svg").expect(404);
    const gone = await gql(t, `{ learner(handle: "grace") { handle } }`).expect(200);
    assert.equal(gone.body.data.learner, null);
  });

  it("lists the public flag in the learner's export", async () => {
    const res = await t.request.get("/api/v1/me/export").set(ada.auth).expect(200);
    assert.equal(res.body.learner.public, true);
  });
});
