/**
 * Rate limits hold on every transport, for answers from the response cache too; a
 * made-up bearer string never earns its own bucket; sign-ups share one stricter
 * budget across REST and GraphQL; with Redis the limits hold across app instances,
 * and an unreachable Redis fails open with a warning. Clients are told apart by
 * X-Forwarded-For (TRUST_PROXY=true), so each case has addresses of its own.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { loadConfig, type Config } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { insertSampleContent } from "./support/sampleContent.ts";
import { startTestApp, type TestApp } from "./support/testApp.ts";

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token { token } learner { handle } } }`;
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const limited = (config: Partial<Config>, label: string, log?: ReturnType<typeof createLogger>) =>
  startTestApp({ label, prepare: insertSampleContent, ...(log ? { log } : {}), config: { TRUST_PROXY: "true", RATE_LIMIT_WINDOW_MS: 60_000, ...config } });

/** GraphQL POST from `address`. */
const graphql = (t: TestApp, address: string, query: string, variables?: Record<string, unknown>) =>
  t.request
    .post("/graphql")
    .set("X-Forwarded-For", address)
    .set("Accept", "application/graphql-response+json")
    .set("Content-Type", "application/json")
    .send(JSON.stringify({ query, ...(variables ? { variables } : {}) }));

const register = (t: TestApp, address: string, handle: string) =>
  t.request.post("/api/v1/learners").set("X-Forwarded-For", address).send({ handle, timezone: "UTC" });

describe("rate limits in memory", () => {
  let t: TestApp;
  before(async () => {
    t = await limited({ RATE_LIMIT_MAX: 5, RATE_LIMIT_SIGNUP_MAX: 2, RESPONSE_CACHE: true }, "ratelimit_memory");
  });
  after(() => t.close());

  it("counts answers served from the response cache", async () => {
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.request.get("/llms.txt").set("X-Forwarded-For", "10.0.0.1").expect(200);
      seen.push(res.headers["x-cache"] ?? "MISS");
      assert.match(res.headers.ratelimit!, new RegExp(`r=${4 - i}\\b`));
    }
    assert.ok(seen.includes("HIT"), `some answers come from the cache: ${seen.join(",")}`);
    const refused = await t.request
      .get("/llms.txt")
      .set("X-Forwarded-For", "10.0.0.1")
      .expect(429)
      .expect("content-type", /application\/problem\+json/);
    assert.equal(refused.body.code, "RATE_LIMITED");
    assert.match(refused.headers["retry-after"]!, /^\d+$/);
    assert.equal(refused.headers["x-cache"], undefined);
  });

  it("covers /api/v1, /graphql, /mcp and /llms*.txt, each refusing in its own shape, and never the probes", async () => {
    const from = "10.0.0.2";
    for (let i = 0; i < 5; i++) await t.request.get("/api/v1/").set("X-Forwarded-For", from).expect(200);
    const rest = await t.request
      .get("/api/v1/days")
      .set("X-Forwarded-For", from)
      .expect(429)
      .expect("content-type", /application\/problem\+json/);
    assert.equal(rest.body.code, "RATE_LIMITED");
    const gql = await graphql(t, from, "{ apiVersion }")
      .expect(429)
      .expect("content-type", /application\/graphql-response\+json/);
    assert.equal(gql.body.errors[0].extensions.code, "RATE_LIMITED");
    assert.match(gql.headers["retry-after"]!, /^\d+$/);
    const mcp = await t.request
      .post("/mcp")
      .set("X-Forwarded-For", from)
      .set("Accept", "application/json, text/event-stream")
      .send({ jsonrpc: "2.0", id: 1, method: "tools/list" })
      .expect(429);
    assert.equal(mcp.body.jsonrpc, "2.0");
    assert.match(mcp.body.error.message, /Too many requests/);
    await t.request.get("/llms-full.txt").set("X-Forwarded-For", from).expect(429);
    await t.request.get("/API/V1/").set("X-Forwarded-For", from).expect(429);
    for (const probe of ["/healthz", "/livez", "/readyz"]) await t.request.get(probe).set("X-Forwarded-For", from).expect(200);
  });

  it("counts a made-up bearer against the address, and a verified token against its learner wherever it comes from", async () => {
    const token = (await register(t, "10.0.0.3", "limited-learner").expect(201)).body.token as string;
    for (let i = 0; i < 4; i++) await t.request.get("/api/v1/").set("X-Forwarded-For", "10.0.0.3").expect(200);
    await t.request.get("/api/v1/").set("X-Forwarded-For", "10.0.0.3").set("Authorization", "Bearer k8sd_madeupmadeupmadeupmadeup").expect(429);
    await t.request.get("/api/v1/").set("X-Forwarded-For", "10.0.0.3").set("Authorization", "Bearer not even a token").expect(429);
    const mine = await t.request.get("/api/v1/me").set("X-Forwarded-For", "10.0.0.3").set("Authorization", `Bearer ${token}`).expect(200);
    assert.match(mine.headers.ratelimit!, /r=4\b/);
    const elsewhere = await graphql(t, "10.9.9.9", "{ me { handle } }").set("Authorization", `Bearer ${token}`).expect(200);
    assert.match(elsewhere.headers.ratelimit!, /r=3\b/);
    // Each made-up string from a fresh address spends that address's budget.
    for (let i = 0; i < 5; i++) await t.request.get("/api/v1/").set("X-Forwarded-For", "10.0.0.4").set("Authorization", `Bearer k8sd_guess${i}`).expect(401);
    await t.request.get("/api/v1/").set("X-Forwarded-For", "10.0.0.4").set("Authorization", "Bearer k8sd_guess9").expect(429);
  });

  it("gives sign-ups one stricter budget shared by REST and GraphQL register", async () => {
    await register(t, "10.0.0.5", "signup-one").expect(201);
    const second = await graphql(t, "10.0.0.5", REGISTER, { input: { handle: "signup-two" } }).expect(200);
    assert.equal(second.body.data.register.learner.handle, "signup-two");
    const rest = await register(t, "10.0.0.5", "signup-three").expect(429);
    assert.equal(rest.body.code, "RATE_LIMITED");
    const gql = await graphql(t, "10.0.0.5", REGISTER, { input: { handle: "signup-four" } }).expect(429);
    assert.equal(gql.body.errors[0].extensions.code, "RATE_LIMITED");
    assert.match(gql.headers["retry-after"]!, /^\d+$/);
    assert.equal(gql.body.data, undefined);
    // Every aliased register spends one sign-up: three at once are over a budget of two.
    const aliased = `mutation { a: register(input: { handle: "alias-a" }) { token { token } } b: register(input: { handle: "alias-b" }) { token { token } } c: register(input: { handle: "alias-c" }) { token { token } } }`;
    const many = await graphql(t, "10.0.0.6", aliased).expect(429);
    assert.equal(many.body.errors[0].extensions.code, "RATE_LIMITED");
    await register(t, "10.0.0.6", "alias-d").expect(429);
    // Another address has its own budget.
    await register(t, "10.0.0.7", "signup-five").expect(201);
  });
});

describe("the default limit", () => {
  const defaults = loadConfig({});
  let t: TestApp;
  before(async () => {
    t = await limited(
      { RATE_LIMIT_MAX: defaults.RATE_LIMIT_MAX, RATE_LIMIT_WINDOW_MS: defaults.RATE_LIMIT_WINDOW_MS, RESPONSE_CACHE: true },
      "ratelimit_default",
    );
  });
  after(() => t.close());

  it("stops a client hammering cached content within a minute", async () => {
    assert.ok(defaults.RATE_LIMIT_MAX > 0 && defaults.RATE_LIMIT_MAX <= 1000, `default ${defaults.RATE_LIMIT_MAX}`);
    assert.equal(defaults.RATE_LIMIT_WINDOW_MS, 60_000);
    const statuses: number[] = [];
    for (let sent = 0; sent < defaults.RATE_LIMIT_MAX + 5; sent += 25) {
      const batch = await Promise.all(Array.from({ length: 25 }, () => t.request.get("/llms.txt").set("X-Forwarded-For", "10.1.0.1")));
      statuses.push(...batch.map((r) => r.status));
    }
    assert.equal(statuses.filter((s) => s === 200).length, defaults.RATE_LIMIT_MAX);
    assert.ok(statuses.filter((s) => s === 429).length >= 5);
  });
});

describe("RATE_LIMIT_MAX=0", () => {
  let t: TestApp;
  before(async () => {
    t = await limited({ RATE_LIMIT_MAX: 0, RATE_LIMIT_SIGNUP_MAX: 1 }, "ratelimit_off");
  });
  after(() => t.close());

  it("turns every limit off, sign-ups included", async () => {
    for (const handle of ["off-one", "off-two"]) {
      const res = await register(t, "10.2.0.1", handle).expect(201);
      assert.equal(res.headers.ratelimit, undefined);
    }
    await graphql(t, "10.2.0.1", REGISTER, { input: { handle: "off-three" } }).expect(200);
  });
});

/** True when the test Redis answers; CI (CI=true) requires it. */
async function redisReachable(): Promise<boolean> {
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const hasRedis = await redisReachable();
if (!hasRedis && process.env.CI === "true") throw new Error(`CI needs Redis at ${redisUrl} (.ci/run starts it)`);

describe("rate limits on a shared Redis", { skip: hasRedis ? false : `no Redis at ${redisUrl}` }, () => {
  const prefix = `k8s-days-test:${randomUUID()}:`;
  const config = { RATE_LIMIT_MAX: 4, RATE_LIMIT_SIGNUP_MAX: 1, RATE_LIMIT_REDIS_URL: redisUrl, RATE_LIMIT_REDIS_PREFIX: prefix };
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;
  before(async () => {
    redis = new Redis(redisUrl);
    [a, b] = await Promise.all([limited(config, "ratelimit_redis_a"), limited(config, "ratelimit_redis_b")]);
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    assert.deepEqual(await redis.keys(`${prefix}*`), []);
    redis.disconnect();
  });

  it("holds one limit across two app instances", async () => {
    for (const [i, app] of [a, b, a, b].entries()) {
      const res = await app.request.get("/api/v1/").set("X-Forwarded-For", "10.3.0.1").expect(200);
      assert.match(res.headers.ratelimit!, new RegExp(`r=${3 - i}\\b`));
    }
    await a.request.get("/api/v1/").set("X-Forwarded-For", "10.3.0.1").expect(429);
    await graphql(b, "10.3.0.1", "{ apiVersion }").expect(429);
    assert.ok((await redis.keys(`${prefix}*`)).length > 0, "the counters live in Redis under the test's prefix");
  });

  it("shares the sign-up budget across instances and transports", async () => {
    await register(a, "10.3.0.2", "redis-one").expect(201);
    const gql = await graphql(b, "10.3.0.2", REGISTER, { input: { handle: "redis-two" } }).expect(429);
    assert.equal(gql.body.errors[0].extensions.code, "RATE_LIMITED");
  });
});

describe("an unreachable Redis", () => {
  const lines: string[] = [];
  let t: TestApp;
  before(async () => {
    t = await limited(
      { RATE_LIMIT_MAX: 1, RATE_LIMIT_REDIS_URL: "redis://127.0.0.1:1", RATE_LIMIT_REDIS_PREFIX: `k8s-days-test:${randomUUID()}:` },
      "ratelimit_redis_down",
      createLogger("warn", (l) => lines.push(l)),
    );
  });
  after(() => t.close());

  it("fails open: requests are served without limits and a warning says so", async () => {
    for (let i = 0; i < 3; i++) await t.request.get("/api/v1/").set("X-Forwarded-For", "10.4.0.1").expect(200);
    await register(t, "10.4.0.1", "open-one").expect(201);
    const warnings = lines.filter((l) => /unreachable/.test(l));
    assert.ok(warnings.length >= 1 && warnings.length <= 4, lines.join("\n"));
  });
});
