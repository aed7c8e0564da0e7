/**
 * The learner lists (daily log, lesson progress, tokens) page like the content lists:
 * opaque typed cursors, `first`/`limit` 1–100 (default 20, out of range refused), REST
 * `{ items, next }` with a Link header, and Relay connections in GraphQL beside the
 * deprecated `{ items, next }` fields.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixedClock } from "../../src/clock.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { createChallengeRows } from "../support/challengeRows.ts";
import { registerLearner } from "../support/learners.ts";
import { gql } from "../support/graphql.ts";
import { callTool, listen, mcpClient } from "../support/mcp.ts";

const dates = ["2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05"];

describe("learner lists page with one cursor model", () => {
  let t: TestApp;
  let l: Awaited<ReturnType<typeof registerLearner>>;
  const clock = fixedClock("2026-03-10T20:00:00Z");
  before(async () => {
    t = await startTestApp({ label: "learner_lists", clock, prepare: createChallengeRows });
    l = await registerLearner(t, "pages");
    await t.services.deps.db.prisma.logEntry.createMany({ data: dates.map((date, i) => ({ learnerId: l.id, date, timezone: "UTC", minutes: 10 + i })) });
    for (const day of [1, 2, 3, 4, 5]) await t.request.put(`/api/v1/me/progress/${day}`).set(l.auth).send({ status: "DONE" }).expect(200);
    for (const name of ["a", "b", "c", "d"]) {
      clock.advance(1000); // newest first is then d, c, b, a, default
      await t.request.post("/api/v1/me/tokens").set(l.auth).send({ name }).expect(201);
    }
  });
  after(() => t.close());

  const query = (q: string, variables?: Record<string, unknown>) => gql(t, q, variables).set(l.auth);

  /** Follows Link: rel="next" from `url`; returns the pages' keys. */
  async function restPages(url: string, key: (item: Record<string, unknown>) => unknown): Promise<unknown[][]> {
    const pages: unknown[][] = [];
    let next: string | null = url;
    while (next) {
      const res: import("supertest").Response = await t.request.get(next).set(l.auth).expect(200);
      pages.push(res.body.items.map(key));
      const link = res.headers.link as string | undefined;
      assert.equal(Boolean(link), res.body.next !== null, "Link is sent exactly when there is a next page");
      next = link ? /<([^>]+)>; rel="next"/.exec(link)![1]! : null;
    }
    return pages;
  }

  it("pages the REST log, progress and tokens in three pages each, through opaque cursors", async () => {
    assert.deepEqual(await restPages("/api/v1/me/log?limit=2", (e) => e.date), [["2026-02-05", "2026-02-04"], ["2026-02-03", "2026-02-02"], ["2026-02-01"]]);
    assert.deepEqual(await restPages("/api/v1/me/progress?limit=2", (p) => p.day), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(await restPages("/api/v1/me/tokens?limit=2", (tk) => tk.name), [["d", "c"], ["b", "a"], ["default"]]);
    const first = await t.request.get("/api/v1/me/log?limit=2").set(l.auth).expect(200);
    assert.notEqual(first.body.next, "2026-02-04", "the cursor is not the raw date");
  });

  it("still reads the old bare-date and day-number cursors in REST (for one release)", async () => {
    const log = await t.request.get("/api/v1/me/log?limit=2&cursor=2026-02-04").set(l.auth).expect(200);
    assert.deepEqual(
      log.body.items.map((e: { date: string }) => e.date),
      ["2026-02-03", "2026-02-02"],
    );
    const progress = await t.request.get("/api/v1/me/progress?limit=2&cursor=2").set(l.auth).expect(200);
    assert.deepEqual(
      progress.body.items.map((p: { day: number }) => p.day),
      [3, 4],
    );
  });

  it("answers 400 naming cursor or limit for a foreign or malformed cursor and a size out of range", async () => {
    const foreign = Buffer.from("day:3").toString("base64url");
    for (const path of ["/me/log", "/me/progress", "/me/tokens"]) {
      for (const cursor of [foreign, "not-a-cursor", Buffer.from("log:yesterday").toString("base64url")]) {
        const bad = await t.request.get(`/api/v1${path}?cursor=${cursor}`).set(l.auth).expect(400);
        assert.equal(bad.body.code, "BAD_REQUEST");
        assert.deepEqual(
          bad.body.errors.map((e: { path: string[] }) => e.path[0]),
          ["cursor"],
          `${path} ${cursor}`,
        );
      }
      for (const limit of [0, 101]) {
        const res = await t.request.get(`/api/v1${path}?limit=${limit}`).set(l.auth).expect(400);
        assert.deepEqual(
          res.body.errors.map((e: { path: string[] }) => e.path[0]),
          ["limit"],
        );
      }
    }
  });

  it("documents the Link header of the learner lists in the OpenAPI document", async () => {
    const doc = (await t.request.get("/api/v1/openapi.json").expect(200)).body;
    for (const path of ["/api/v1/me/log", "/api/v1/me/progress", "/api/v1/me/tokens"]) {
      assert.ok(doc.paths[path].get.responses["200"].headers.Link, `${path} documents Link`);
    }
  });

  it("pages logConnection, progressConnection and tokensConnection in three pages each", async () => {
    const fields = { logConnection: "date", progressConnection: "day", tokensConnection: "name" } as const;
    const expected = {
      logConnection: [["2026-02-05", "2026-02-04"], ["2026-02-03", "2026-02-02"], ["2026-02-01"]],
      progressConnection: [[1, 2], [3, 4], [5]],
      tokensConnection: [["d", "c"], ["b", "a"], ["default"]],
    };
    for (const [field, key] of Object.entries(fields) as [keyof typeof fields, string][]) {
      const pages: unknown[][] = [];
      let after: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res = await query(
          `query($after: String) { me { ${field}(first: 2, after: $after) { edges { cursor node { ${key} } } pageInfo { hasNextPage hasPreviousPage endCursor } totalCount } } }`,
          { after },
        );
        assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
        const c = res.body.data.me[field];
        assert.equal(c.totalCount, 5);
        assert.equal(c.pageInfo.hasPreviousPage, after !== null);
        assert.equal(c.pageInfo.endCursor, c.edges.at(-1).cursor);
        pages.push(c.edges.map((e: { node: Record<string, unknown> }) => e.node[key]));
        if (!c.pageInfo.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      assert.deepEqual(pages, expected[field], field);
    }
  });

  it("keeps the deprecated { items, next } fields working with the same cursors", async () => {
    const first = await query(`{ me { log(first: 2) { items { date } next } progress(first: 4) { items { day } next } } }`);
    assert.deepEqual(
      first.body.data.me.log.items.map((e: { date: string }) => e.date),
      ["2026-02-05", "2026-02-04"],
    );
    const next = await query(`query($after: String) { me { logConnection(first: 2, after: $after) { edges { node { date } } } } }`, {
      after: first.body.data.me.log.next,
    });
    assert.deepEqual(
      next.body.data.me.logConnection.edges.map((e: { node: { date: string } }) => e.node.date),
      ["2026-02-03", "2026-02-02"],
    );
    const sdl = (await query(`{ __type(name: "Learner") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`)).body.data.__type
      .fields;
    const deprecated = Object.fromEntries(
      sdl.filter((f: { isDeprecated: boolean }) => f.isDeprecated).map((f: { name: string; deprecationReason: string }) => [f.name, f.deprecationReason]),
    );
    assert.deepEqual(deprecated, { log: "Use logConnection.", progress: "Use progressConnection.", tokens: "Use tokensConnection." });
  });

  it("answers BAD_REQUEST for a bad cursor and PAGE_SIZE_EXCEEDED for a size out of range, as the content lists do", async () => {
    for (const field of ["logConnection", "progressConnection", "tokensConnection", "log", "progress"]) {
      const selection = field.endsWith("Connection") ? "totalCount" : "next";
      for (const after of [Buffer.from("day:3").toString("base64url"), "garbage"]) {
        const res = await query(`query($after: String) { me { ${field}(after: $after) { ${selection} } } }`, { after });
        assert.equal(res.body.errors?.[0]?.extensions?.code, "BAD_REQUEST", `${field}(after: ${after}): ${JSON.stringify(res.body)}`);
      }
      for (const first of [0, 101]) {
        const res = await query(`query($first: Int) { me { ${field}(first: $first) { ${selection} } } }`, { first });
        assert.equal(res.body.errors?.[0]?.extensions?.code, "PAGE_SIZE_EXCEEDED", `${field}(first: ${first})`);
        const days = await query(`query($first: Int) { days(first: $first) { totalCount } }`, { first });
        assert.equal(days.body.errors?.[0]?.extensions?.code, "PAGE_SIZE_EXCEEDED", "the same code as a content list");
      }
    }
  });
});

describe("one concept-slug rule for the log over REST, GraphQL and MCP", () => {
  let t: TestApp;
  let http: Awaited<ReturnType<typeof listen>>;
  before(async () => {
    t = await startTestApp({ label: "concept_rule", clock: fixedClock("2026-03-10T20:00:00Z"), prepare: createChallengeRows });
    http = await listen(t);
  });
  after(async () => {
    await http.close();
    await t.close();
  });

  it("stores a slug in lower case and refuses a name that is not a slug, with the same words everywhere", async () => {
    const l = await registerLearner(t, "slugs");
    const ok = await t.request
      .put("/api/v1/me/log/2026-03-10")
      .set(l.auth)
      .send({ minutes: 10, concepts: [" Ingress "] })
      .expect(200);
    assert.deepEqual(ok.body.concepts, ["ingress"]);
    const rest = await t.request
      .put("/api/v1/me/log/2026-03-10")
      .set(l.auth)
      .send({ minutes: 10, concepts: ["init container"] })
      .expect(422);
    assert.match(JSON.stringify(rest.body.errors), /a concept slug \(a-z, 0-9, '-'; at most 64 characters\)/);
    const graphql = await gql(t, `mutation { logDay(input: { date: "2026-03-10", minutes: 10, concepts: ["init container"] }) { entry { date } } }`).set(
      l.auth,
    );
    assert.equal(graphql.body.errors[0].extensions.code, "BAD_USER_INPUT");
    assert.match(JSON.stringify(graphql.body.errors[0]), /a concept slug \(a-z, 0-9, '-'; at most 64 characters\)/);
    const client = await mcpClient(http.base, l.token);
    try {
      const mcp = await callTool(client, "log_today", { minutes: 10, concepts: ["init container"] });
      assert.equal(mcp.isError, true);
      assert.match(mcp.text, /a concept slug \(a-z, 0-9, '-'; at most 64 characters\)/);
      assert.deepEqual((await callTool(client, "log_today", { minutes: 10, concepts: ["Service"] })).data?.entry.concepts, ["service"]);
    } finally {
      await client.close();
    }
  });
});
