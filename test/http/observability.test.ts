import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { fixedClock } from "../../src/clock.ts";
import { createLogger } from "../../src/log.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

// ---- A strict reader of the Prometheus text format (0.0.4) ----------------------------------

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
interface Family {
  name: string;
  type: string;
  help: string;
  samples: Sample[];
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/;
const SUFFIXES: Record<string, string[]> = {
  counter: ["_total", ""],
  gauge: [""],
  histogram: ["_bucket", "_sum", "_count"],
  summary: ["", "_sum", "_count"],
  untyped: [""],
};

function parseValue(text: string): number {
  // As Prometheus reads them (Go's ParseFloat): NaN and Inf in any case.
  if (/^\+?inf$/i.test(text)) return Infinity;
  if (/^-inf$/i.test(text)) return -Infinity;
  if (/^nan$/i.test(text)) return NaN;
  assert.match(text, /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, `a number: ${text}`);
  return Number(text);
}

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length) {
    const m = LABEL.exec(rest);
    assert.ok(m, `labels: ${text}`);
    assert.ok(!(m[1]! in labels), `label ${m[1]} repeated`);
    labels[m[1]!] = m[2]!.replace(/\\(["\\n])/g, (_, c: string) => (c === "n" ? "\n" : c));
    rest = rest.slice(m[0].length);
  }
  return labels;
}

/** Parses a scrape; fails on anything the format does not allow. */
function parsePrometheus(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  assert.ok(text.endsWith("\n"), "ends with a newline");
  for (const line of text.slice(0, -1).split("\n")) {
    if (line === "") continue;
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta;
      assert.match(name!, new RegExp(`^${NAME}$`));
      const family = families.get(name!) ?? { name: name!, type: "untyped", help: "", samples: [] };
      if (kind === "TYPE") {
        assert.ok(family.samples.length === 0, `TYPE of ${name} before its samples`);
        assert.ok(rest! in SUFFIXES, `type ${rest}`);
        family.type = rest!;
      } else family.help = rest!;
      families.set(name!, family);
      continue;
    }
    assert.ok(!line.startsWith("#"), `a comment that is neither HELP nor TYPE: ${line}`);
    const m = SAMPLE.exec(line);
    assert.ok(m, `a sample line: ${line}`);
    const [, sampleName, labels, value] = m;
    const family = [...families.values()].find((f) => SUFFIXES[f.type]!.some((s) => `${f.name}${s}` === sampleName));
    assert.ok(family, `${sampleName} belongs to a declared family`);
    family.samples.push({ name: sampleName!, labels: parseLabels(labels ?? ""), value: parseValue(value!) });
  }
  for (const f of families.values()) {
    if (f.type !== "histogram") continue;
    const series = new Map<string, Sample[]>();
    for (const s of f.samples.filter((x) => x.name.endsWith("_bucket"))) {
      const { le, ...rest } = s.labels;
      assert.ok(le !== undefined, `${f.name} bucket has le`);
      const key = JSON.stringify(rest);
      series.set(key, [...(series.get(key) ?? []), s]);
    }
    for (const [key, buckets] of series) {
      const counts = buckets.map((b) => b.value);
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => a - b),
        `${f.name} buckets grow`,
      );
      assert.equal(buckets.at(-1)!.labels.le, "+Inf");
      const count = f.samples.find((s) => s.name === `${f.name}_count` && JSON.stringify(s.labels) === key);
      assert.equal(count?.value, counts.at(-1), `${f.name}_count equals the +Inf bucket`);
    }
  }
  return families;
}

/** The value of one series (0 when absent). */
function sampleValue(families: Map<string, Family>, family: string, sample: string, labels: Record<string, string>): number {
  const f = families.get(family);
  assert.ok(f, `family ${family} exported`);
  return f.samples.find((s) => s.name === sample && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value ?? 0;
}

// ---- The tests ---------------------------------------------------------------------------------

describe("request logs", () => {
  let t: TestApp;
  const lines: string[] = [];
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  before(async () => {
    t = await startTestApp({ label: "request_log", clock: fixedClock("2026-03-10T20:00:00Z"), log: createLogger("info", (l) => lines.push(l)) });
  });
  after(() => t.close());

  it("writes one line per request with its id, method, route pattern, status, duration and learner", async () => {
    const reg = await t.request.post("/api/v1/learners").send({ handle: "logged", timezone: "UTC" }).expect(201);
    const learnerId: string = reg.body.learner?.id ?? reg.body.id;
    const from = lines.length;
    const res = await t.request
      .put("/api/v1/me/log/2026-03-10")
      .set("Authorization", `Bearer ${reg.body.token}`)
      .set("X-Request-Id", "trace-42")
      .send({ minutes: 15, learned: "LEARNED-SECRET-1" })
      .expect(200);
    assert.equal(res.headers["x-request-id"], "trace-42");
    const mine = entries()
      .slice(from)
      .filter((e) => e.requestId === "trace-42");
    assert.equal(mine.length, 1, lines.slice(from).join("\n"));
    const line = mine[0]!;
    assert.equal(line.level, "info");
    assert.equal(line.method, "PUT");
    assert.equal(line.route, "/api/v1/me/log/:date");
    assert.equal(line.status, 200);
    assert.equal(typeof line.durationMs, "number");
    assert.ok(typeof learnerId === "string" && learnerId.length > 0, JSON.stringify(reg.body));
    assert.equal(line.learnerId, learnerId);
    assert.equal(line.msg, "PUT /api/v1/me/log/:date 200");
  });

  it("gives a request without X-Request-Id a new id, the same in the header and the line", async () => {
    const from = lines.length;
    const res = await t.request.get("/api/v1/").expect(200);
    const id = res.headers["x-request-id"] ?? "";
    assert.match(id, /^[0-9a-f-]{36}$/);
    const line = entries()
      .slice(from)
      .find((e) => e.requestId === id);
    assert.equal(line?.route, "/api/v1/");
    assert.equal(line?.learnerId, undefined, "anonymous requests name no learner");
  });

  it("redacts the Authorization header, ?token= and secrets or notes in logged objects", async () => {
    const reg = await t.request.post("/api/v1/learners").send({ handle: "redacted", timezone: "UTC" }).expect(201);
    const token: string = reg.body.token;
    const from = lines.length;
    await t.request.get("/api/v1/me?token=QUERY-SECRET-1").set("Authorization", `Bearer ${token}`).expect(400);
    await t.request.put("/api/v1/me/progress/2").set("Authorization", `Bearer ${token}`).send({ status: "DONE", note: "NOTE-SECRET-1" });
    t.services.deps.log.warn("a careless caller", { body: { token: "BODY-SECRET-1", note: "NOTE-SECRET-2", nested: { password: "PW-SECRET-1" } } });
    const logged = lines.slice(from).join("\n");
    for (const secret of [token, token.slice(6), "QUERY-SECRET", "BODY-SECRET", "NOTE-SECRET", "PW-SECRET"])
      assert.ok(!logged.includes(secret), `logs contain ${secret.slice(0, 14)}…`);
    const withQuery = entries()
      .slice(from)
      .find((e) => (e.req as { query?: Record<string, string> })?.query?.token !== undefined)!;
    assert.deepEqual((withQuery.req as { query: unknown }).query, { token: "[redacted]" });
    assert.equal((withQuery.req as { headers: Record<string, string> }).headers.authorization, "[redacted]");
    const careless = entries()
      .slice(from)
      .find((e) => e.msg === "a careless caller")!;
    assert.deepEqual(careless.body, { token: "[redacted]", note: "[redacted]", nested: { password: "[redacted]" } });
  });

  it("logs a request target no URL parser reads as it came, and answers it", async () => {
    const server = createServer(t.handler).listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const from = lines.length;
      const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
      socket.end("GET http://[ HTTP/1.1\r\nHost: x\r\nX-Request-Id: odd-target\r\nConnection: close\r\n\r\n");
      let answer = "";
      for await (const chunk of socket) answer += chunk;
      assert.match(answer, /^HTTP\/1\.1 [45]\d\d /);
      const line = entries()
        .slice(from)
        .find((e) => e.requestId === "odd-target");
      assert.deepEqual((line?.req as { path?: string; query?: unknown } | undefined)?.path, "http://[", lines.slice(from).join("\n"));
    } finally {
      server.close();
    }
  });

  it("keeps LOG_LEVEL: a warn logger writes no request lines, a silent one nothing", () => {
    const warnLines: string[] = [];
    const warn = createLogger("warn", (l) => warnLines.push(l));
    warn.info("request-like");
    warn.warn("kept");
    createLogger("silent", (l) => warnLines.push(l)).error("dropped");
    assert.deepEqual(
      warnLines.map((l) => JSON.parse(l).msg),
      ["kept"],
    );
  });
});

describe("GET /metrics", () => {
  let t: TestApp;
  const scrape = async (app = t) => {
    const res = await app.request.get("/metrics").expect(200);
    assert.match(res.headers["content-type"] ?? "", /^text\/plain; version=0\.0\.4/);
    return parsePrometheus(res.text);
  };
  before(async () => {
    t = await startTestApp({ label: "metrics" });
  });
  after(() => t.close());

  it("counts requests by route pattern and status, answers from the response cache included", async () => {
    const labels = { method: "GET", route: "/api/v1/", status: "200" };
    const before = await scrape();
    const first = sampleValue(before, "http_requests_total", "http_requests_total", labels);
    for (let i = 0; i < 3; i++) await t.request.get("/api/v1/").expect(200);
    await t.request.get("/api/v1/no-such-thing").expect(404);
    const after = await scrape();
    assert.equal(sampleValue(after, "http_requests_total", "http_requests_total", labels) - first, 3);
    assert.equal(
      sampleValue(after, "http_request_duration_seconds", "http_request_duration_seconds_count", labels) -
        sampleValue(before, "http_request_duration_seconds", "http_request_duration_seconds_count", labels),
      3,
    );
    assert.ok(sampleValue(after, "http_requests_total", "http_requests_total", { route: "(unmatched)", status: "404" }) >= 1);
    const routes = new Set(after.get("http_requests_total")!.samples.map((s) => s.labels.route));
    assert.ok(![...routes].some((r) => r?.includes("no-such-thing")), "raw URLs never become labels");
  });

  it("counts GraphQL operations by name and outcome", async () => {
    const before = await scrape();
    await t.request.post("/graphql").send({ query: "query CountDays { days(first: 1) { totalCount } }" }).expect(200);
    await t.request.post("/graphql").send({ query: "query Broken { noSuchField }" }).expect(400);
    const after = await scrape();
    const delta = (labels: Record<string, string>) =>
      sampleValue(after, "graphql_operations_total", "graphql_operations_total", labels) -
      sampleValue(before, "graphql_operations_total", "graphql_operations_total", labels);
    assert.equal(delta({ operation: "CountDays", type: "query", outcome: "ok" }), 1);
    assert.equal(delta({ operation: "Broken", outcome: "error" }), 1);
  });

  it("exports the content version, SQL statements and the process metrics", async () => {
    const families = await scrape();
    assert.equal(sampleValue(families, "k8s_days_content_version", "k8s_days_content_version", {}), t.services.deps.contentVersion.current());
    assert.ok(sampleValue(families, "k8s_days_db_statements_total", "k8s_days_db_statements_total", {}) > 0);
    assert.ok(sampleValue(families, "process_resident_memory_bytes", "process_resident_memory_bytes", {}) > 0);
    assert.equal(families.get("http_request_duration_seconds")?.type, "histogram");
  });
});

describe("GET /metrics with METRICS_TOKEN, and rate-limit rejections", () => {
  let t: TestApp;
  const token = "metrics-token-0123456789";
  before(async () => {
    t = await startTestApp({ label: "metrics_token", config: { METRICS_TOKEN: token, RATE_LIMIT_MAX: 1 } });
  });
  after(() => t.close());

  it("answers 401 problem+json without the token or with another one", async () => {
    for (const auth of [undefined, "Bearer wrong-token-0123456789", `Basic ${token}`]) {
      const req = t.request.get("/metrics");
      const res = await (auth ? req.set("Authorization", auth) : req).expect(401);
      assert.match(res.headers["content-type"] ?? "", /^application\/problem\+json/);
      assert.equal(res.body.code, "UNAUTHENTICATED");
    }
  });

  it("serves the metrics with the token, and counts requests refused by the rate limit", async () => {
    await t.request.get("/api/v1/").set("X-Forwarded-For", "10.9.0.1").expect(200);
    await t.request.get("/api/v1/").expect(429);
    const res = await t.request.get("/metrics").set("Authorization", `Bearer ${token}`).expect(200);
    const families = parsePrometheus(res.text);
    assert.ok(sampleValue(families, "rate_limit_rejections_total", "rate_limit_rejections_total", { limit: "api" }) >= 1);
    assert.ok(sampleValue(families, "http_requests_total", "http_requests_total", { status: "429" }) >= 1);
  });
});

describe("METRICS=false", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "metrics_off", config: { METRICS: false } });
  });
  after(() => t.close());

  it("turns /metrics into a 404", async () => {
    await t.request.get("/metrics").expect(404);
  });
});
