/** The browser IDE at GET /graphql works offline: the page and every asset it references come from this server. */
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { startTestApp, type TestApp } from "../support/testApp.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp({ label: "graphql_ide" });
});
after(async () => {
  await t.close();
});

const browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

it("serves the IDE page to browsers and only local assets", async () => {
  const page = await t.request.get("/graphql").set("Accept", browserAccept);
  assert.equal(page.status, 200);
  assert.match(page.headers["content-type"] ?? "", /text\/html/);
  const refs = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(refs.length >= 4, refs.join(", "));
  for (const ref of refs) assert.ok(ref.startsWith("/graphql/ide/"), `${ref} is not served locally`);
  assert.doesNotMatch(page.text, /https?:\/\/(?!www\.w3\.org)/, "no CDN or remote URL in the page");
  for (const ref of refs) {
    const asset = await t.request.get(ref);
    assert.equal(asset.status, 200, ref);
    assert.match(asset.headers["content-type"] ?? "", ref.endsWith(".css") ? /text\/css/ : /javascript/, ref);
    assert.ok(Number(asset.headers["content-length"] ?? asset.text?.length ?? 0) > 0 || (asset.body as Buffer)?.length > 0, ref);
  }
});

it("still answers GraphQL to non-browser GET requests, with CSRF prevention on", async () => {
  const res = await t.request
    .get("/graphql")
    .query({ query: "{ apiVersion }" })
    .set("Accept", "application/graphql-response+json")
    .set("apollo-require-preflight", "true");
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.data.apiVersion, "1");
  const simple = await t.request.get("/graphql").query({ query: "{ __typename apiVersion }" }).set("Accept", "application/graphql-response+json");
  assert.equal(simple.status, 400, "a GET without a preflight-forcing header is refused (CSRF)");
});

it("answers an unknown IDE asset with a GraphQL-shaped 404", async () => {
  const res = await t.request.get("/graphql/ide/../../package.json");
  assert.notEqual(res.status, 200);
  const missing = await t.request.get("/graphql/ide/nope.js");
  assert.equal(missing.status, 404);
  assert.equal(missing.body.errors[0].extensions.code, "NOT_FOUND");
});

it("answers the IDE's introspection query within the limits", async () => {
  const { getIntrospectionQuery } = await import("graphql");
  const res = await t.request
    .post("/graphql")
    .set("Content-Type", "application/json")
    .set("Accept", "application/graphql-response+json")
    .send(
      JSON.stringify({
        query: getIntrospectionQuery({
          descriptions: true,
          inputValueDeprecation: true,
          schemaDescription: true,
          specifiedByUrl: true,
          directiveIsRepeatable: true,
        }),
      }),
    );
  assert.equal(res.status, 200, res.text.slice(0, 300));
  assert.ok(res.body.data.__schema.types.some((ty: { name: string }) => ty.name === "Day"));
});

it("turns introspection off when configured", async () => {
  const closed = await startTestApp({ label: "graphql_no_introspection", config: { GRAPHQL_INTROSPECTION: false } });
  try {
    const res = await closed.request
      .post("/graphql")
      .set("Content-Type", "application/json")
      .set("Accept", "application/graphql-response+json")
      .send(JSON.stringify({ query: "{ __schema { queryType { name } } }" }));
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].extensions.code, "GRAPHQL_VALIDATION_FAILED");
  } finally {
    await closed.close();
  }
});
