/**
 * Malformed requests are the client's mistake and answered as such, on every
 * transport: a path that is not valid percent-encoding (400), a body whose
 * Content-Encoding lies (400) or is unknown (415), and query parameters an
 * endpoint does not take (400 naming them) — never a 500, never a stack trace in the log.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { createLogger } from "../../src/log.ts";
import { createChallengeRows } from "../support/challengeRows.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { listen } from "../support/mcp.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

let t: TestApp;
let http: Awaited<ReturnType<typeof listen>>;
let ada: TestLearner;
const logLines: string[] = [];

before(async () => {
  t = await startTestApp({ label: "bad_requests", prepare: createChallengeRows, log: createLogger("debug", (l) => logLines.push(l)) });
  ada = await registerLearner(t, "ada");
  http = await listen(t);
});
after(async () => {
  await http?.close();
  await t?.close();
});

/** POSTs raw bytes (supertest would serialise a Buffer as JSON) through real HTTP; resolves to status, type and body. */
async function post(path: string, headers: Record<string, string>, body: Uint8Array, method = "POST") {
  const res = await fetch(`${http.base}${path}`, { method, headers, body: new Uint8Array(body) });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get("content-type") ?? "", text, body: json };
}

const isProblem = (res: { headers: Record<string, string> }) => /^application\/problem\+json/.test(res.headers["content-type"] ?? "");
const mcpHeaders = { "Content-Type": "application/json", Accept: "application/json, text/event-stream" };
const mcpCall = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} });
const gqlBody = JSON.stringify({ query: "{ days(first: 1) { totalCount } }" });

describe("a path with invalid percent-encoding", () => {
  const paths = [
    "/api/v1/concepts/%ff.md",
    "/api/v1/days/%",
    "/api/v1/days/%E0%A4%A",
    "/api/v1/me/tokens/%c0",
    "/api/v1/%zz",
    "/graphql/ide/%ff",
    "/graphql/%",
    "/mcp/%ff",
    "/api/v1/docs/%ff.css",
    "/llms.txt/%",
    "/%ff",
  ];

  it("answers 400 problem+json on every route, and logs no error", async () => {
    const before = logLines.length;
    for (const path of paths) {
      for (const method of ["get", "post", "delete"] as const) {
        const res = await t.request[method](path).set("Authorization", ada.auth.Authorization);
        assert.equal(res.status, 400, `${method} ${path}: ${res.status} ${res.text}`);
        assert.ok(isProblem(res), `${method} ${path} is problem+json`);
        assert.equal(res.body.code, "BAD_REQUEST");
        assert.doesNotMatch(res.text, /URIError|at \w+ \(|node_modules/);
      }
    }
    const errors = logLines.slice(before).filter((l) => /"level":"error"|URIError|stack/.test(l));
    assert.deepEqual(errors, []);
  });

  it("still serves paths whose percent-encoding is valid", async () => {
    await t.request.get("/api/v1/days/%33").expect(200);
    await t.request.get("/api/v1/concepts/%C3%A9").expect(404);
  });
});

describe("a body whose Content-Encoding lies or is unknown", () => {
  const targets: { name: string; path: string; headers: Record<string, string>; body: string }[] = [
    { name: "REST", path: "/api/v1/learners", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ handle: "zed" }) },
    { name: "/graphql", path: "/graphql", headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json" }, body: gqlBody },
    { name: "/mcp", path: "/mcp", headers: mcpHeaders, body: mcpCall },
  ];

  for (const target of targets) {
    it(`${target.name}: claims of gzip, deflate or br over plain bytes are 400, an unknown coding is 415`, async () => {
      for (const encoding of ["gzip", "deflate", "br", "GZIP"]) {
        const res = await post(target.path, { ...target.headers, "Content-Encoding": encoding }, Buffer.from(target.body));
        assert.equal(res.status, 400, `${encoding}: ${res.status} ${res.text}`);
        assert.match(res.text, new RegExp(`not valid ${encoding.toLowerCase()} data`));
        assert.match(res.type, target.name === "/graphql" ? /^application\/graphql-response\+json/ : /^application\/problem\+json/);
      }
      const truncated = gzipSync(target.body).subarray(0, 15);
      assert.equal((await post(target.path, { ...target.headers, "Content-Encoding": "gzip" }, truncated)).status, 400);
      for (const encoding of ["compress", "x-unknown", "gzip, gzip"]) {
        const res = await post(target.path, { ...target.headers, "Content-Encoding": encoding }, Buffer.from(target.body));
        assert.equal(res.status, 415, `${encoding}: ${res.status} ${res.text}`);
        assert.equal(target.name === "/graphql" ? res.body.errors[0].extensions.code : res.body.code, "UNSUPPORTED_MEDIA_TYPE");
      }
    });
  }

  it("decodes honest gzip, deflate and br bodies — /graphql too, behind the response cache", async () => {
    const codings = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
    for (const [encoding, encode] of Object.entries(codings)) {
      const gql = await post("/graphql", { ...targets[1]!.headers, "Content-Encoding": encoding }, encode(gqlBody));
      assert.equal(gql.status, 200, `${encoding}: ${gql.text}`);
      assert.equal(gql.body.data.days.totalCount, 5);
      const mcp = await post("/mcp", { ...mcpHeaders, "Content-Encoding": encoding }, encode(mcpCall));
      assert.equal(mcp.status, 200, `${encoding}: ${mcp.text}`);
      const rest = await post(
        "/api/v1/me",
        { ...ada.auth, "Content-Type": "application/json", "Content-Encoding": encoding },
        encode(JSON.stringify({ displayName: `Ada ${encoding}` })),
        "PATCH",
      );
      assert.equal(rest.status, 200, `${encoding}: ${rest.text}`);
      assert.equal(rest.body.displayName, `Ada ${encoding}`);
    }
  });

  it("logs no error for any of them", () => {
    assert.deepEqual(
      logLines.filter((l) => /"level":"error"/.test(l)),
      [],
    );
  });
});

describe("query parameters an endpoint does not take", () => {
  it("are a 400 naming each of them and what the endpoint takes", async () => {
    const res = await t.request.get("/api/v1/days?kind=LAB&colour=blue&sort=title").expect(400);
    assert.ok(isProblem(res));
    assert.deepEqual(
      res.body.errors.map((e: { path: string[] }) => e.path),
      [["colour"], ["sort"]],
    );
    assert.match(res.body.detail, /"colour", "sort".*takes .*kind/);
  });

  it("are refused on endpoints that take none, public or private", async () => {
    for (const path of ["/api/v1/challenges?x=1", "/api/v1/concepts/pod?expand=all", "/api/v1/me?learnerId=other", "/api/v1/?debug"]) {
      const res = await t.request.get(path).set(ada.auth);
      assert.equal(res.status, 400, `${path}: ${res.status}`);
      assert.match(res.body.detail, /takes none/);
    }
    await t.request.put("/api/v1/me/progress/3?dryRun=true").set(ada.auth).send({ status: "DONE" }).expect(400);
  });

  it("keep limit and cursor on paginated lists, and every declared filter", async () => {
    await t.request.get("/api/v1/days?limit=2&kind=THEORY").expect(200);
    await t.request.get("/api/v1/me/log?limit=5&from=2026-01-01").set(ada.auth).expect(200);
    await t.request.get("/api/v1/me/progress?limit=5&status=DONE").set(ada.auth).expect(200);
    await t.request.get("/api/v1/references?limit=5&day=3").expect(200);
  });
});

describe("a GraphQL operation of a type the schema lacks", () => {
  it("is GRAPHQL_VALIDATION_FAILED (400), not INTERNAL_SERVER_ERROR from execution", async () => {
    const res = await t.request.post("/graphql").set("Accept", "application/graphql-response+json").send({ query: "subscription { days { totalCount } }" });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.errors[0].extensions.code, "GRAPHQL_VALIDATION_FAILED");
    assert.match(res.body.errors[0].message, /does not support subscription operations/);
  });
});
