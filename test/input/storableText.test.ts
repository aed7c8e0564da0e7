/**
 * Text the database cannot store — a lone UTF-16 surrogate, or NUL (PostgreSQL
 * refuses it) — is refused as input with the field named, on REST (422, or 400 for
 * a path or query parameter), GraphQL (BAD_USER_INPUT) and MCP (VALIDATION_FAILED),
 * for writes and reads alike; nothing is stored and nothing answers INTERNAL.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { unstorableReason, unstorableTextIssues } from "../../src/storableText.ts";
import { literalTextIssues } from "../../src/graphql/storableInput.ts";
import { parse } from "graphql";
import { createChallengeRows } from "../support/challengeRows.ts";
import { gql } from "../support/graphql.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { callTool, listen, mcpClient } from "../support/mcp.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

const LONE = "Pods\ud800 and Services";
const NUL = "Pods\u0000";
const today = "2026-03-01";

let t: TestApp;
let ada: TestLearner;
let http: Awaited<ReturnType<typeof listen>>;
let mcp: Client;

before(async () => {
  t = await startTestApp({ label: "storable_text", prepare: createChallengeRows });
  ada = await registerLearner(t, "ada");
  http = await listen(t);
  mcp = await mcpClient(http.base, ada.token);
});
after(async () => {
  await mcp?.close();
  await http?.close();
  await t?.close();
});

describe("the rule", () => {
  it("refuses lone surrogates of either half and NUL, and accepts any well-formed text", () => {
    for (const bad of ["\ud800", "a\udc00", "\ud83d", "😀\ude00", "x\u0000y"]) assert.ok(unstorableReason(bad), JSON.stringify(bad));
    for (const good of ["", "Pod", "😀 über 日本語", "\ud83d\ude00", "tab\tnew\nline", "\u0001"])
      assert.equal(unstorableReason(good), undefined, JSON.stringify(good));
  });

  it("names the path of every bad string in nested input, keys included", () => {
    const issues = unstorableTextIssues({ input: { learned: LONE, concepts: ["pod", NUL], ok: 3 }, "k\ud800": "v" });
    assert.deepEqual(
      issues.map((i) => i.path),
      [["input", "learned"], ["input", "concepts", 1], ["k\ud800"]],
    );
    assert.deepEqual(
      literalTextIssues(parse('{ days(filter: { tags: ["ok", "a\\u0000"] }) { totalCount } }')).map((i) => i.path),
      [["filter", "tags", 1]],
    );
  });
});

describe("REST", () => {
  const cases: { name: string; send: () => ReturnType<TestApp["request"]["get"]>; field: string }[] = [
    { name: "display name (register)", field: "displayName", send: () => t.request.post("/api/v1/learners").send({ handle: "bea", displayName: LONE }) },
    { name: "display name (update)", field: "displayName", send: () => t.request.patch("/api/v1/me").set(ada.auth).send({ displayName: NUL }) },
    { name: "handle", field: "handle", send: () => t.request.post("/api/v1/learners").send({ handle: "be\ud800a" }) },
    { name: "log learned", field: "learned", send: () => t.request.put(`/api/v1/me/log/${today}`).set(ada.auth).send({ minutes: 10, learned: LONE }) },
    { name: "log learned (NUL)", field: "learned", send: () => t.request.put(`/api/v1/me/log/${today}`).set(ada.auth).send({ minutes: 10, learned: NUL }) },
    { name: "progress note", field: "note", send: () => t.request.put("/api/v1/me/progress/3").set(ada.auth).send({ status: "DONE", note: LONE }) },
    { name: "token name", field: "name", send: () => t.request.post("/api/v1/me/tokens").set(ada.auth).send({ name: "\udc00laptop" }) },
  ];
  for (const c of cases) {
    it(`a ${c.name} that cannot be stored is 422 naming ${c.field}`, async () => {
      const res = await c.send();
      assert.equal(res.status, 422, res.text);
      assert.equal(res.body.code, "VALIDATION_FAILED");
      assert.deepEqual(res.body.errors[0].path, [c.field]);
    });
  }

  it("stored nothing", async () => {
    const me = (await t.request.get("/api/v1/me").set(ada.auth).expect(200)).body;
    assert.equal(me.displayName, "ADA");
    await t.request.get(`/api/v1/me/log/${today}`).set(ada.auth).expect(404);
    assert.equal((await t.request.get("/api/v1/me/progress/3").set(ada.auth).expect(200)).body.note, null);
    assert.equal((await t.request.get("/api/v1/me/tokens").set(ada.auth).expect(200)).body.items.length, 1);
  });

  it("a NUL in a path or query parameter is 400 naming it", async () => {
    const path = await t.request.get("/api/v1/concepts/%00").expect(400);
    assert.deepEqual(path.body.errors[0].path, ["slug"]);
    const query = await t.request.get("/api/v1/days?tag=%00").expect(400);
    assert.deepEqual(query.body.errors[0].path, ["tag"]);
    await t.request.delete("/api/v1/me/tokens/%00").set(ada.auth).expect(400);
  });
});

describe("GraphQL", () => {
  const asAda = (query: string, variables?: Record<string, unknown>) => gql(t, query, variables).set(ada.auth);

  it("refuses each stored field with BAD_USER_INPUT naming it, variables or literals", async () => {
    const cases: [string, Record<string, unknown> | undefined, (string | number)[]][] = [
      ["mutation($i: UpdateMeInput!) { updateMe(input: $i) { learner { id } } }", { i: { displayName: LONE } }, ["i", "displayName"]],
      ["mutation($i: RegisterInput!) { register(input: $i) { learner { id } } }", { i: { handle: "bea", displayName: NUL } }, ["i", "displayName"]],
      ["mutation($i: LogDayInput!) { logDay(input: $i) { entry { date } } }", { i: { date: today, minutes: 5, learned: LONE } }, ["i", "learned"]],
      ['mutation { setProgress(input: { day: 3, note: "a\\u0000b" }) { progress { note } } }', undefined, ["input", "note"]],
      ["mutation($name: String!) { createToken(input: { name: $name }) { token { id } } }", { name: "\ud800" }, ["name"]],
    ];
    for (const [query, variables, path] of cases) {
      const res = await asAda(query, variables);
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.errors[0].extensions.code, "BAD_USER_INPUT", res.text);
      assert.deepEqual(res.body.errors[0].extensions.issues[0].path, path);
      assert.equal(res.body.data, undefined);
    }
  });

  it("refuses such text in reads that would reach the database, which used to answer INTERNAL_SERVER_ERROR", async () => {
    const reads: [string, Record<string, unknown>][] = [
      ["query($s: String!) { days(filter: { tag: $s, concept: $s }) { totalCount } }", { s: LONE }],
      ["query($s: String!) { references(filter: { domain: $s }) { totalCount } }", { s: LONE }],
      ["mutation($s: ID!) { revokeToken(input: { id: $s }) { id } }", { s: LONE }],
      ["mutation($s: String!) { enrol(input: { challengeSlug: $s }) { enrollment { id } } }", { s: LONE }],
      ["query($s: String!) { concept(slug: $s) { slug } search(query: $s) { type } }", { s: NUL }],
    ];
    for (const [query, variables] of reads) {
      const res = await asAda(query, variables);
      assert.equal(res.body.errors?.[0]?.extensions.code, "BAD_USER_INPUT", `${query}: ${res.text}`);
    }
  });
});

describe("MCP", () => {
  it("tools refuse such text with VALIDATION_FAILED naming the argument", async () => {
    const logged = await callTool(mcp, "log_today", { minutes: 10, learned: LONE });
    assert.equal(logged.isError, true);
    assert.match(logged.text, /^VALIDATION_FAILED: .*learned contains a lone UTF-16 surrogate/);
    const marked = await callTool(mcp, "mark_lesson", { day: 3, status: "DONE", note: NUL });
    assert.match(marked.text, /^VALIDATION_FAILED: .*note contains a NUL/);
    const concept = await callTool(mcp, "get_concept", { concept: "\udc00" });
    assert.match(concept.text, /^VALIDATION_FAILED: .*concept contains/);
  });

  it("resources and prompts answer InvalidParams, not an internal error", async () => {
    await assert.rejects(mcp.readResource({ uri: "k8s-days://concept/%00" }), (err: Error & { code?: number }) => {
      assert.equal(err.code, -32602, err.message);
      assert.match(err.message, /VALIDATION_FAILED: .*slug contains a NUL/);
      return true;
    });
    await assert.rejects(mcp.readResource({ uri: "k8s-days://concept/%ff" }), (err: Error & { code?: number }) => {
      assert.equal(err.code, -32602, err.message);
      assert.match(err.message, /NOT_FOUND/);
      return true;
    });
    await assert.rejects(mcp.getPrompt({ name: "explain_concept", arguments: { concept: "pod\ud800" } }), (err: Error & { code?: number }) => {
      assert.equal(err.code, -32602, err.message);
      assert.match(err.message, /VALIDATION_FAILED: .*concept contains a lone/);
      return true;
    });
  });

  it("stored nothing through MCP either", async () => {
    await t.request.get(`/api/v1/me/log/${today}`).set(ada.auth).expect(404);
    assert.equal((await t.request.get("/api/v1/me/progress/3").set(ada.auth).expect(200)).body.note, null);
  });
});
