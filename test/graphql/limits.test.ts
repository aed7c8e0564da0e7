/**
 * Abusive or broken requests are refused with HTTP 400 and an extensions.code
 * (never 500, never HTML); unexpected errors are masked.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { gql } from "../support/graphql.ts";
import { insertSampleContent } from "../support/sampleContent.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp({ label: "graphql_limits", prepare: insertSampleContent, config: { RESPONSE_CACHE: false } });
});
after(async () => {
  await t.close();
});

const refused = async (
  res: { status: number; body: { errors?: { extensions?: { code?: string } }[] }; headers: Record<string, string>; text: string },
  code: string,
) => {
  assert.equal(res.status, 400, res.text);
  assert.match(res.headers["content-type"] ?? "", /json/);
  assert.equal(res.body.errors?.[0]?.extensions?.code, code, res.text);
};

describe("operation limits", () => {
  it("refuses a query deeper than the maximum", async () => {
    const deep = `{ day(number: 2) { ${"next { ".repeat(14)}number${" }".repeat(14)} } }`;
    await refused(await gql(t, deep), "MAX_DEPTH_EXCEEDED");
  });

  it("counts introspection against the limits like any field", async () => {
    const fields = Array.from({ length: 66 }, (_, i) => `f${i}: fields { name type { name } }`).join(" ");
    await refused(await gql(t, `{ __schema { types { ${fields} } } }`), "MAX_ALIASES_EXCEEDED");
    await refused(await gql(t, `{ __schema { types { fields { type { ${"ofType { ".repeat(11)}name${" }".repeat(11)} } } } } }`), "MAX_DEPTH_EXCEEDED");
    const { getIntrospectionQuery } = await import("graphql");
    const once = getIntrospectionQuery();
    const schemaSelection = once.slice(once.indexOf("__schema {"), once.indexOf("fragment FullType")).replace(/\}\s*$/, "");
    const thrice = once.replace(schemaSelection, `a: ${schemaSelection} b: ${schemaSelection} c: ${schemaSelection}`);
    await refused(await gql(t, thrice), "MAX_COST_EXCEEDED");
    assert.equal((await gql(t, once)).status, 200);
  });

  it("refuses a query whose estimated cost is too high", async () => {
    const costly = `{ days(first: 100) { edges { node { concepts { concept { days(first: 100) { concepts { concept { days(first: 100) { number } } } } } } } } } }`;
    await refused(await gql(t, costly), "MAX_COST_EXCEEDED");
  });

  it("refuses too many aliases", async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: apiVersion`).join(" ");
    await refused(await gql(t, `{ ${aliases} }`), "MAX_ALIASES_EXCEEDED");
  });

  it("refuses a document with too many tokens", async () => {
    const many = Array.from({ length: 3500 }, () => "apiVersion").join(" ");
    await refused(await gql(t, `{ ${many} }`), "MAX_TOKENS_EXCEEDED");
  });

  it("refuses page sizes outside 1–100, literal or in variables", async () => {
    await refused(await gql(t, `{ days(first: 101) { totalCount } }`), "PAGE_SIZE_EXCEEDED");
    await refused(await gql(t, `query($n: Int!) { days(first: $n) { totalCount } }`, { n: 0 }), "PAGE_SIZE_EXCEEDED");
    await refused(await gql(t, `{ concept(slug: "pod") { related(first: 1000) { reason } } }`), "PAGE_SIZE_EXCEEDED");
    const fine = await gql(t, `{ days(first: 100) { totalCount } }`);
    assert.equal(fine.status, 200);
  });

  it("measures the same document again for new variables, and refuses a refused literal every time", async () => {
    const byVariable = `query($n: Int!) { days(first: $n) { totalCount } }`;
    assert.equal((await gql(t, byVariable, { n: 5 })).status, 200);
    await refused(await gql(t, byVariable, { n: 500 }), "PAGE_SIZE_EXCEEDED");
    for (let i = 0; i < 2; i++) await refused(await gql(t, `{ days(first: 101) { totalCount } }`), "PAGE_SIZE_EXCEEDED");
    for (let i = 0; i < 2; i++)
      await refused(await gql(t, `{ d: day(number: 1) { title } tagged: days(filter: { tag: "a\\u0000" }) { totalCount } }`), "BAD_USER_INPUT");
  });

  it("accepts a realistic nested query", async () => {
    const res = await gql(t, `{ days(first: 66) { edges { node { concepts { concept { related(first: 10) { concept { slug } } } } references { url } } } } }`);
    assert.equal(res.status, 200, res.text);
  });
});

describe("request bodies", () => {
  it("answers bad JSON as a GraphQL error, not HTML", async () => {
    const res = await t.request.post("/graphql").set("Content-Type", "application/json").set("Accept", "application/graphql-response+json").send("{ not json");
    await refused(res, "BAD_REQUEST");
    assert.match(res.headers["content-type"] ?? "", /application\/graphql-response\+json/);
  });

  it("answers an oversized body as a GraphQL error with status 400", async () => {
    const res = await gql(t, `{ apiVersion }`, { padding: "x".repeat(120 * 1024) });
    await refused(res, "PAYLOAD_TOO_LARGE");
  });

  it("answers legacy application/json clients in application/json", async () => {
    const res = await t.request.post("/graphql").set("Content-Type", "application/json").set("Accept", "application/json").send("{ not json");
    assert.equal(res.status, 400);
    assert.match(res.headers["content-type"] ?? "", /^application\/json/);
    assert.equal(res.body.errors[0].extensions.code, "BAD_REQUEST");
  });
});

describe("errors", () => {
  it("masks unexpected errors as Internal server error", async () => {
    const original = t.services.days.get;
    t.services.days.get = async () => {
      throw new Error("connection to db-secret-host refused");
    };
    try {
      const res = await gql(t, `{ day(number: 1) { number } }`);
      assert.equal(res.body.errors[0].message, "Internal server error");
      assert.equal(res.body.errors[0].extensions.code, "INTERNAL_SERVER_ERROR");
      assert.doesNotMatch(res.text, /db-secret-host|stack/);
    } finally {
      t.services.days.get = original;
    }
  });

  it("shows deliberate errors with their code", async () => {
    const res = await gql(t, `{ days(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    assert.equal(res.body.errors[0].extensions.code, "BAD_REQUEST");
    assert.match(res.body.errors[0].message, /cursor/);
  });

  it("answers a malformed query with 400 and GRAPHQL_PARSE_FAILED", async () => {
    await refused(await gql(t, `{ day(number: 1) { number }`), "GRAPHQL_PARSE_FAILED");
  });
});
