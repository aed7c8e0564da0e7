/**
 * Learners keep their account: the recovery code (REST POST /sessions, GraphQL
 * recoverAccount) and device codes (REST /me/device-codes + /device-codes/exchange,
 * GraphQL createDeviceCode + exchangeDeviceCode, MCP link_device), each with wrong,
 * expired and reused codes. The clock is injected, so "expired" is exact.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { fixedClock } from "../../src/clock.ts";
import { hashCode, normalizeCode } from "../../src/modules/learners/codes.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { callTool, listen, mcpClient } from "../support/mcp.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

const RECOVERY_SHAPE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/;
const DEVICE_SHAPE = /^[0-9A-HJKMNP-TV-Z]{8}$/;
const TEN_MINUTES = 10 * 60_000;

const clock = fixedClock("2026-03-01T12:00:00Z");
let t: TestApp;
before(async () => {
  t = await startTestApp({ label: "recovery", clock });
});
after(() => t?.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const me = (token: string) => t.request.get("/api/v1/me").set(bearer(token));
const gql = async (query: string, variables?: object, token?: string) => {
  const req = t.request.post("/graphql").set("Accept", "application/json");
  if (token) req.set(bearer(token));
  return (await req.send({ query, variables })).body;
};
const deviceCode = async (l: TestLearner): Promise<string> => (await t.request.post("/api/v1/me/device-codes").set(l.auth).expect(201)).body.code;

describe("the recovery code over REST", () => {
  it("is given once at registration and only its hash is stored", async () => {
    const res = await t.request.post("/api/v1/learners").send({ handle: "rita", timezone: "UTC" }).expect(201);
    assert.match(res.body.recoveryCode, RECOVERY_SHAPE);
    const row = await t.services.deps.db.prisma.learner.findUniqueOrThrow({ where: { handle: "rita" } });
    assert.equal(row.recoveryCodeHash, hashCode(normalizeCode(res.body.recoveryCode)));
    assert.ok(!JSON.stringify(row).includes(res.body.recoveryCode.replace(/-/g, "").slice(0, 8)), "the code itself is not stored");
  });

  it("trades handle + code for a new token and a new code; the old code stops working", async () => {
    const reg = (await t.request.post("/api/v1/learners").send({ handle: "sam" }).expect(201)).body;
    // As a person types it: lower case, spaces instead of dashes.
    const typed = reg.recoveryCode.toLowerCase().replace(/-/g, " ");
    const res = await t.request.post("/api/v1/sessions").send({ handle: "Sam", recoveryCode: typed }).expect(201).expect("cache-control", "private, no-store");
    assert.equal(res.headers.location, "/api/v1/me");
    assert.equal(res.body.learner.handle, "sam");
    assert.equal(res.body.tokenInfo.name, "recovery");
    assert.match(res.body.recoveryCode, RECOVERY_SHAPE);
    assert.notEqual(res.body.recoveryCode, reg.recoveryCode);
    assert.equal((await me(res.body.token).expect(200)).body.handle, "sam");
    assert.equal((await me(reg.token)).status, 200, "earlier tokens keep working (revoke them at /me/tokens)");
    const reused = await t.request.post("/api/v1/sessions").send({ handle: "sam", recoveryCode: reg.recoveryCode }).expect(401);
    assert.equal(reused.body.code, "UNAUTHENTICATED");
  });

  it("answers a wrong code exactly like an unknown handle", async () => {
    const known = await t.request.post("/api/v1/sessions").send({ handle: "rita", recoveryCode: "AAAA-BBBB-CCCC-DDDD-EEEE" }).expect(401);
    const unknown = await t.request.post("/api/v1/sessions").send({ handle: "nobody-here", recoveryCode: "AAAA-BBBB-CCCC-DDDD-EEEE" }).expect(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    assert.deepEqual(strip(known.body), strip(unknown.body));
    assert.equal(known.body.detail, "Unknown handle or wrong recovery code");
  });
});

describe("device codes over REST", () => {
  let ada: TestLearner;
  before(async () => {
    ada = await registerLearner(t, "ada-dev");
  });

  it("gives a signed-in learner an 8-character code valid 10 minutes", async () => {
    const res = await t.request.post("/api/v1/me/device-codes").set(ada.auth).expect(201);
    assert.match(res.body.code, DEVICE_SHAPE);
    assert.equal(res.body.expiresAt, new Date(clock.now().getTime() + TEN_MINUTES).toISOString());
    await t.request.post("/api/v1/me/device-codes").expect(401);
  });

  it("trades a code once, without a token, for a token of its own named after the client", async () => {
    const code = await deviceCode(ada);
    const res = await t.request.post("/api/v1/device-codes/exchange").send({ code: code.toLowerCase(), client: "phone" }).expect(201);
    assert.equal(res.body.learner.handle, "ada-dev");
    assert.equal(res.body.tokenInfo.name, "phone");
    assert.equal((await me(res.body.token).expect(200)).body.handle, "ada-dev");
    const tokens = (await t.request.get("/api/v1/me/tokens").set(ada.auth).expect(200)).body.items;
    assert.ok(tokens.some((x: { id: string }) => x.id === res.body.tokenInfo.id));
    const reused = await t.request.post("/api/v1/device-codes/exchange").send({ code }).expect(401);
    assert.equal(reused.body.detail, "The device code is wrong, expired or already used; ask for a new one");
  });

  it("refuses a wrong code and an expired one alike", async () => {
    const wrong = await t.request.post("/api/v1/device-codes/exchange").send({ code: "ZZZZ9999" }).expect(401);
    const code = await deviceCode(ada);
    clock.advance(TEN_MINUTES);
    const expired = await t.request.post("/api/v1/device-codes/exchange").send({ code }).expect(401);
    assert.equal(expired.body.detail, wrong.body.detail);
  });
});

describe("recovery and device codes over GraphQL", () => {
  it("registers with a recovery code and recovers with it once", async () => {
    const reg = await gql(`mutation { register(input: { handle: "gail" }) { token { token } recoveryCode } }`);
    const { recoveryCode } = reg.data.register;
    assert.match(recoveryCode, RECOVERY_SHAPE);
    const recover = `mutation($input: RecoverAccountInput!) { recoverAccount(input: $input) { learner { handle } token { name token } recoveryCode } }`;
    const ok = await gql(recover, { input: { handle: "gail", recoveryCode } });
    assert.equal(ok.data.recoverAccount.learner.handle, "gail");
    assert.equal(ok.data.recoverAccount.token.name, "recovery");
    assert.equal((await me(ok.data.recoverAccount.token.token)).status, 200);
    const reused = await gql(recover, { input: { handle: "gail", recoveryCode } });
    const wrong = await gql(recover, { input: { handle: "gail", recoveryCode: "AAAA-BBBB-CCCC-DDDD-EEEE" } });
    const unknown = await gql(recover, { input: { handle: "nobody-here", recoveryCode } });
    for (const r of [reused, wrong, unknown]) {
      assert.equal(r.errors[0].extensions.code, "UNAUTHENTICATED");
      assert.equal(r.errors[0].message, "Unknown handle or wrong recovery code");
    }
    const fresh = await gql(`mutation { newRecoveryCode { recoveryCode } }`, undefined, ok.data.recoverAccount.token.token);
    const again = await gql(recover, { input: { handle: "gail", recoveryCode: fresh.data.newRecoveryCode.recoveryCode } });
    assert.equal(again.data.recoverAccount.learner.handle, "gail");
  });

  it("links a device with createDeviceCode and exchangeDeviceCode, refusing wrong, expired and reused codes", async () => {
    const gus = await registerLearner(t, "gus");
    const create = `mutation { createDeviceCode { code expiresAt } }`;
    const exchange = `mutation($input: ExchangeDeviceCodeInput!) { exchangeDeviceCode(input: $input) { learner { handle } token { name token } } }`;
    assert.equal((await gql(create)).errors[0].extensions.code, "UNAUTHENTICATED");
    const { code, expiresAt } = (await gql(create, undefined, gus.token)).data.createDeviceCode;
    assert.match(code, DEVICE_SHAPE);
    assert.equal(expiresAt, new Date(clock.now().getTime() + TEN_MINUTES).toISOString());
    clock.advance(TEN_MINUTES - 1000); // still valid one second before it expires
    const ok = await gql(exchange, { input: { code, client: "tablet" } });
    assert.deepEqual([ok.data.exchangeDeviceCode.learner.handle, ok.data.exchangeDeviceCode.token.name], ["gus", "tablet"]);
    assert.equal((await me(ok.data.exchangeDeviceCode.token.token)).status, 200);
    const reused = await gql(exchange, { input: { code } });
    const wrong = await gql(exchange, { input: { code: "ZZZZ9999" } });
    const late = (await gql(create, undefined, gus.token)).data.createDeviceCode.code;
    clock.advance(TEN_MINUTES);
    const expired = await gql(exchange, { input: { code: late } });
    for (const r of [reused, wrong, expired]) {
      assert.equal(r.errors[0].extensions.code, "UNAUTHENTICATED");
      assert.match(r.errors[0].message, /wrong, expired or already used/);
    }
  });
});

describe("link_device over MCP", () => {
  let http: Awaited<ReturnType<typeof listen>>;
  let anonymous: Client;
  let mia: TestLearner;
  before(async () => {
    http = await listen(t);
    anonymous = await mcpClient(http.base);
    mia = await registerLearner(t, "mia");
  });
  after(async () => {
    await anonymous?.close();
    await http?.close();
  });

  it("is offered to anonymous clients only", async () => {
    assert.ok((await anonymous.listTools()).tools.some((x) => x.name === "link_device"));
    const signedIn = await mcpClient(http.base, mia.token);
    try {
      assert.ok(!(await signedIn.listTools()).tools.some((x) => x.name === "link_device"));
    } finally {
      await signedIn.close();
    }
  });

  it("trades a code for a token named after the client, and says how to use it", async () => {
    const code = await deviceCode(mia);
    const r = await callTool(anonymous, "link_device", { code, client: "Chat app" });
    assert.equal(r.isError, undefined, r.text);
    assert.equal(r.data!.handle, "mia");
    assert.equal(r.data!.tokenName, "Chat app");
    assert.match(r.text, /Authorization: Bearer <token>/);
    assert.ok(r.text.includes(r.data!.token));
    assert.equal((await me(r.data!.token)).status, 200);
    const unnamed = await callTool(anonymous, "link_device", { code: await deviceCode(mia) });
    assert.equal(unnamed.data!.tokenName, "MCP client", "stateless HTTP has no handshake name to use");
  });

  it("refuses wrong, expired and reused codes with a tool error", async () => {
    const used = await deviceCode(mia);
    await callTool(anonymous, "link_device", { code: used });
    const late = await deviceCode(mia);
    clock.advance(TEN_MINUTES + 1);
    for (const code of [used, "ZZZZ9999", late]) {
      const r = await callTool(anonymous, "link_device", { code });
      assert.equal(r.isError, true);
      assert.match(r.text, /^UNAUTHENTICATED: The device code is wrong, expired or already used/);
    }
  });
});

describe("attempts at codes are strictly rate-limited", () => {
  let strict: TestApp;
  before(async () => {
    strict = await startTestApp({ label: "recovery_limit", config: { RATE_LIMIT_MAX: 600, RATE_LIMIT_SIGNUP_MAX: 10 } });
  });
  after(() => strict?.close());

  it("answers 429 once the client's sign-up budget is spent, shared by both endpoints", async () => {
    for (let i = 0; i < 10; i++) {
      const path = i % 2 ? "/api/v1/sessions" : "/api/v1/device-codes/exchange";
      const body = i % 2 ? { handle: "nobody-here", recoveryCode: "AAAA-BBBB-CCCC-DDDD-EEEE" } : { code: "ZZZZ9999" };
      await strict.request.post(path).send(body).expect(401);
    }
    const limited = await strict.request.post("/api/v1/sessions").send({ handle: "x", recoveryCode: "y" }).expect(429);
    assert.ok(limited.headers["retry-after"]);
    await strict.request.get("/api/v1/").expect(200);
  });
});
