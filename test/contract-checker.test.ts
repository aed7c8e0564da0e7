import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { contractChecker, type RecordedResponse } from "./support/contract.ts";

const doc = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/api/v1/things/{id}": {
      get: {
        responses: {
          200: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
          404: { description: "no", content: { "application/problem+json": { schema: { type: "object", required: ["status"] } } } },
        },
      },
    },
    "/api/v1/things/{id}.md": {
      get: { responses: { 200: { description: "md", content: { "text/markdown": { schema: { type: "string" } } } } } },
    },
  },
  components: { schemas: { Thing: { type: "object", required: ["id", "name"], properties: { id: { type: "integer" }, name: { type: "string" } } } } },
};

const response = (r: Partial<RecordedResponse> & { json?: unknown }): RecordedResponse => ({
  method: "GET",
  url: "/api/v1/things/1",
  status: 200,
  contentType: "application/json; charset=utf-8",
  body: Buffer.from(r.json === undefined ? "" : JSON.stringify(r.json)),
  ...r,
});

describe("the contract checker", () => {
  const check = contractChecker(doc);

  it("accepts a response that matches its operation", () => {
    assert.deepEqual(check(response({ json: { id: 1, name: "a" } })), []);
  });

  it("reports a body that does not match the declared schema", () => {
    const problems = check(response({ json: { id: "one" } }));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /does not match/);
  });

  it("reports an undeclared status and a wrong content type", () => {
    assert.match(check(response({ status: 409, contentType: "application/problem+json; charset=utf-8", json: { status: 409 } }))[0]!, /status not declared/);
    assert.match(check(response({ contentType: "text/plain; charset=utf-8", json: { id: 1, name: "a" } }))[0]!, /content type/);
  });

  it("reports errors that are not problem+json and text without a charset", () => {
    const problems = check(response({ status: 404, contentType: "text/html", body: Buffer.from("<h1>404</h1>") }));
    assert.ok(problems.some((p) => /not problem\+json/.test(p)));
    assert.match(check(response({ contentType: "application/json", json: { id: 1, name: "a" } }))[0]!, /charset/);
  });

  it("matches the most literal path template first", () => {
    assert.deepEqual(check(response({ url: "/api/v1/things/1.md", contentType: "text/markdown; charset=utf-8", body: Buffer.from("# One") })), []);
  });

  it("accepts 304 on a GET and HEAD without a body", () => {
    assert.deepEqual(check(response({ status: 304, contentType: "" })), []);
    assert.deepEqual(check(response({ method: "HEAD" })), []);
  });
});
