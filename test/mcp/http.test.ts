/**
 * The MCP server over Streamable HTTP, driven by the SDK's own client against the
 * app listening on a random port, on the test glossary and the fixture lessons.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { callTool, listen, loadMcpContent, mcpClient } from "../support/mcp.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

const contentTools = ["search", "get_day", "check_manifests", "get_concept", "related_concepts", "concept_path", "next_lesson", "list_references"];
const progressTools = ["my_stats", "my_progress", "log_today", "mark_lesson", "share_post", "explain_streak", "review_due", "answer_review"];

let t: TestApp;
let http: Awaited<ReturnType<typeof listen>>;
let anonymous: Client;
let ana: TestLearner;
let ben: TestLearner;
let anaClient: Client;
let benClient: Client;

before(async () => {
  t = await startTestApp({ label: "mcp_http", prepare: loadMcpContent });
  http = await listen(t);
  ana = await registerLearner(t, "ana");
  ben = await registerLearner(t, "ben", "Europe/Madrid");
  [anonymous, anaClient, benClient] = await Promise.all([mcpClient(http.base), mcpClient(http.base, ana.token), mcpClient(http.base, ben.token)]);
});

after(async () => {
  await Promise.all([anonymous?.close(), anaClient?.close(), benClient?.close()]);
  await http?.close();
  await t?.close();
});

describe("listing tools", () => {
  test("an anonymous client sees the content tools only, each with schemas, annotations and a description", async () => {
    const { tools } = await anonymous.listTools();
    assert.deepEqual(
      tools.map((x) => x.name),
      [...contentTools, "link_device"],
    );
    for (const tool of tools.filter((x) => x.name !== "link_device")) {
      assert.ok((tool.description ?? "").length > 80, `${tool.name} has a description for a model`);
      assert.equal(tool.inputSchema.type, "object");
      assert.equal(tool.outputSchema?.type, "object", `${tool.name} declares an output schema`);
      assert.equal(tool.annotations?.readOnlyHint, true, `${tool.name} is read-only`);
    }
  });

  test("a learner's client also sees the progress tools, with write annotations on the writing ones", async () => {
    const { tools } = await anaClient.listTools();
    assert.deepEqual(
      tools.map((x) => x.name),
      [...contentTools, ...progressTools],
    );
    const byName = new Map(tools.map((x) => [x.name, x]));
    for (const name of ["log_today", "mark_lesson"]) {
      assert.equal(byName.get(name)!.annotations?.readOnlyHint, false);
      assert.equal(byName.get(name)!.annotations?.idempotentHint, true);
    }
    assert.equal(byName.get("my_stats")!.annotations?.readOnlyHint, true);
    assert.ok(!JSON.stringify(tools.map((x) => x.inputSchema)).match(/"(learner|learnerId|handle|token)"/), "no tool takes a learner argument");
  });

  test("calling a progress tool without credentials answers an error that says a token is needed", async () => {
    for (const name of progressTools) {
      const r = await callTool(anonymous, name, name === "log_today" ? { minutes: 10, learned: "x" } : {});
      assert.equal(r.isError, true);
      assert.match(r.text, new RegExp(`^UNAUTHENTICATED: ${name} .*Authorization: Bearer <token>.*K8S_DAYS_TOKEN`));
    }
  });
});

describe("content tools", () => {
  test("search finds StatefulSet: the concept first, then its lessons, each with a link, and the text cites them", async () => {
    const r = await callTool(anonymous, "search", { query: "statefulset" });
    assert.equal(r.isError, undefined);
    const hits = r.data!.hits as { type: string; title: string; url: string; concept: string | null; day: number | null }[];
    assert.equal(hits[0]!.type, "CONCEPT");
    assert.equal(hits[0]!.concept, "statefulset");
    assert.equal(hits[0]!.url, `${http.base}/api/v1/concepts/statefulset.md`);
    assert.ok(
      hits.some((h) => h.type === "DAY" && h.day === 59),
      "day 59 (StatefulSet) is a hit",
    );
    assert.match(r.text, /Sources:\n- StatefulSet: http:\/\/127\.0\.0\.1:\d+\/api\/v1\/concepts\/statefulset\.md/);
  });

  test("search with a type filter and a limit returns only those, and bad input names the argument", async () => {
    const r = await callTool(anonymous, "search", { query: "pod", types: ["DAY"], limit: 2 });
    const hits = r.data!.hits as { type: string }[];
    assert.ok(hits.length > 0 && hits.length <= 2);
    assert.ok(hits.every((h) => h.type === "DAY"));
    for (const [args, argument] of [
      [{ query: "" }, "query"],
      [{ query: "pod", limit: 0 }, "limit"],
      [{}, "query"],
      [{ query: "pod", types: ["LESSON"] }, "types"],
    ] as const) {
      const bad = await callTool(anonymous, "search", args);
      assert.equal(bad.isError, true, JSON.stringify(args));
      assert.match(bad.text, new RegExp(`Invalid arguments for tool search: .*\\b${argument}\\b`));
    }
  });

  test("get_concept explains pod with its related concepts, reasons, lessons and sources", async () => {
    const r = await callTool(anonymous, "get_concept", { concept: "Pods" });
    assert.equal(r.data!.slug, "pod");
    assert.deepEqual(r.data!.aliases, ["po"]);
    assert.equal(r.data!.docsUrl, "https://kubernetes.io/docs/pod/");
    const related = r.data!.related as { slug: string; reason: string }[];
    assert.ok(related.some((x) => x.slug === "init-container" && x.reason === "has part: Init container"));
    assert.ok(related.some((x) => x.slug === "container" && x.reason === "uses: Container"));
    assert.ok((r.data!.lessons as { day: number; focus: boolean }[]).some((l) => l.day === 13 && l.focus));
    assert.match(r.text, /^# Pod\n/);
    assert.match(r.text, /## Related concepts\n\n- \[[^\]]+\]\(http:\/\/127\.0\.0\.1:\d+\/api\/v1\/concepts\/[a-z-]+\.md\): /);
    assert.match(
      r.text,
      /Sources:\n- Pod \(concept\): .*\/api\/v1\/concepts\/pod\.md\n- Pod \(official docs\): https:\/\/kubernetes\.io\/docs\/pod\/\n- Day \d+: .*\(lesson\)/,
    );
  });

  test("get_concept of an unknown concept is a NOT_FOUND tool error naming it", async () => {
    const r = await callTool(anonymous, "get_concept", { concept: "flux capacitor" });
    assert.equal(r.isError, true);
    assert.equal(r.text, 'NOT_FOUND: Concept "flux capacitor" not found');
    for (const args of [{ concept: "  " }, {}, { concept: "pod", maxChars: 99999 }]) {
      const bad = await callTool(anonymous, "get_concept", args);
      assert.equal(bad.isError, true, JSON.stringify(args));
      assert.match(bad.text, /Invalid arguments for tool get_concept: .*\b(concept|maxChars)\b/);
    }
  });

  test("get_day returns the lesson as markdown with its references and cites the lesson and official docs", async () => {
    const r = await callTool(anonymous, "get_day", { number: 13, maxChars: 20000 });
    assert.equal(r.data!.number, 13);
    assert.equal(r.data!.title, "Pods");
    assert.equal(r.data!.markdownUrl, `${http.base}/api/v1/days/13.md`);
    assert.ok((r.data!.concepts as string[]).includes("pod"));
    const refs = r.data!.references as { url: string; kind: string }[];
    assert.ok(refs.some((x) => x.url === "https://kubernetes.io/docs/concepts/workloads/pods" && x.kind === "OFFICIAL_DOCS"));
    assert.match(r.text, /^# Day 13: Pods\n/);
    assert.match(r.text, /## References\n\n- \[/);
    assert.match(
      r.text,
      /Sources:\n- Day 13: Pods \(lesson\): http:\/\/127\.0\.0\.1:\d+\/api\/v1\/days\/13\.md\n- .*\(official docs\): https:\/\/kubernetes\.io\//,
    );
    assert.ok(!r.text.includes("truncated"));
  });

  test("get_day bounds its text by maxChars with a truncation marker and keeps the sources", async () => {
    const r = await callTool(anonymous, "get_day", { number: 13, maxChars: 1200 });
    assert.ok(r.text.length <= 1200, `length ${r.text.length}`);
    assert.match(r.text, /\[… truncated: \d+ more characters; raise maxChars to read on\]/);
    assert.match(r.text, /Sources:\n- Day 13: Pods \(lesson\)/);
    const short = await callTool(anonymous, "get_day", { number: 13 });
    assert.ok(short.text.length <= 4000, "the default bound is 4000");
  });

  test("get_day answers bad numbers and unknown days with tool errors naming the argument", async () => {
    for (const args of [{ number: 0 }, { number: 1.5 }, { number: "13" }, {}]) {
      const r = await callTool(anonymous, "get_day", args);
      assert.equal(r.isError, true, JSON.stringify(args));
      assert.match(r.text, /Invalid arguments for tool get_day: .* number/);
    }
    const tooSmall = await callTool(anonymous, "get_day", { number: 13, maxChars: 10 });
    assert.match(tooSmall.text, /maxChars must be at least 200/);
    const missing = await callTool(anonymous, "get_day", { number: 99 });
    assert.deepEqual([missing.isError, missing.text], [true, "NOT_FOUND: Day 99 not found"]);
  });

  test("related_concepts ranks curated relations with reasons and filters by kind", async () => {
    const all = await callTool(anonymous, "related_concepts", { concept: "pod" });
    const related = all.data!.related as { slug: string; kind: string; source: string }[];
    assert.ok(related.length >= 3);
    assert.equal(related[0]!.source, "CURATED");
    const managers = await callTool(anonymous, "related_concepts", { concept: "pod", kinds: ["MANAGES"], limit: 2 });
    const m = managers.data!.related as { kind: string }[];
    assert.ok(m.length === 2 && m.every((x) => x.kind === "MANAGES"));
    assert.match(managers.text, /^Concepts related to Pod:\n\n- .*: managed by: /);
    const bad = await callTool(anonymous, "related_concepts", { concept: "pod", kinds: ["LIKES"] });
    assert.match(bad.text, /Invalid arguments for tool related_concepts: .*kinds/);
  });

  test("concept_path chains init-container to deployment through pod and replicaset", async () => {
    const r = await callTool(anonymous, "concept_path", { from: "init container", to: "deploy" });
    assert.deepEqual(
      r.data!.hops.map((h: { to: string }) => h.to),
      ["pod", "replicaset", "deployment"],
    );
    assert.match(r.text, /1\. Init container — part of → Pod\n2\. Pod — managed by → ReplicaSet\n3\. ReplicaSet — managed by → Deployment/);
    const none = await callTool(anonymous, "concept_path", { from: "docker", to: "oci" });
    assert.equal(none.data!.found, false);
    const bad = await callTool(anonymous, "concept_path", { from: "pod" });
    assert.match(bad.text, /Invalid arguments for tool concept_path: .*\bto\b/);
  });

  test("next_lesson follows the chronological and the suggested path, and says when an unknown path is asked", async () => {
    const next = await callTool(anonymous, "next_lesson", { after: 12 });
    assert.deepEqual(next.data!.next && { n: next.data!.next.number, title: next.data!.next.title }, { n: 13, title: "Pods" });
    assert.match(next.text, /Day 13: Pods/);
    const first = await callTool(anonymous, "next_lesson", { after: 0, path: "suggested" });
    assert.equal(first.data!.finished, false);
    const last = await callTool(anonymous, "next_lesson", { after: 66 });
    assert.deepEqual([last.data!.finished, last.data!.next], [true, null]);
    const unknown = await callTool(anonymous, "next_lesson", { after: 1, path: "scenic" });
    assert.match(unknown.text, /^NOT_FOUND: Learning path "scenic" \(available: chronological, suggested\) not found$/);
    const bad = await callTool(anonymous, "next_lesson", { after: -1 });
    assert.match(bad.text, /Invalid arguments for tool next_lesson: .*\bafter\b/);
  });

  test("list_references lists a day's or a concept's references and wants one of them", async () => {
    const day = await callTool(anonymous, "list_references", { day: 13, kind: "OFFICIAL_DOCS" });
    const refs = day.data!.references as { kind: string; url: string }[];
    assert.ok(refs.length >= 3 && refs.every((x) => x.kind === "OFFICIAL_DOCS"));
    assert.match(day.text, /^References of Day 13: Pods \(OFFICIAL_DOCS\)/);
    const concept = await callTool(anonymous, "list_references", { concept: "statefulset" });
    assert.equal(concept.isError, undefined);
    const none = await callTool(anonymous, "list_references", {});
    assert.match(none.text, /^BAD_REQUEST: Give day or concept/);
    const bad = await callTool(anonymous, "list_references", { day: 13, kind: "PODCAST" });
    assert.match(bad.text, /Invalid arguments for tool list_references: .*\bkind\b/);
  });
});

describe("progress tools", () => {
  test("log_today logs today in the learner's zone and reads back a streak of 1; repeating it changes nothing", async () => {
    const first = await callTool(anaClient, "log_today", { minutes: 20, learned: "How Pods share a network namespace", days: [13], concepts: ["pod"] });
    assert.equal(first.isError, undefined, first.text);
    assert.equal(first.data!.entry.date, "2026-03-01");
    assert.equal(first.data!.currentStreak, 1);
    assert.match(first.text, /Current streak: 1/);
    const again = await callTool(anaClient, "log_today", { minutes: 20, learned: "How Pods share a network namespace", days: [13], concepts: ["pod"] });
    assert.deepEqual(again.data, first.data);
    assert.equal(await t.services.deps.db.prisma.logEntry.count({ where: { learnerId: ana.id } }), 1);

    const stats = await callTool(anaClient, "my_stats");
    assert.equal(stats.data!.currentStreak, 1);
    assert.equal(stats.data!.daysLogged, 1);
    assert.match(stats.text, /^Streak: 1 day \(longest 1\)/);
  });

  test("my_stats has the same fields as GET /api/v1/me/stats", async () => {
    const mcp = await callTool(anaClient, "my_stats");
    const rest = await t.request.get("/api/v1/me/stats").set(ana.auth).expect(200);
    assert.deepEqual(mcp.data, rest.body);
  });

  test("another learner's assistant sees none of it", async () => {
    const stats = await callTool(benClient, "my_stats");
    assert.deepEqual([stats.data!.currentStreak, stats.data!.daysLogged, stats.data!.lastLoggedDate], [0, 0, null]);
    const progress = await callTool(benClient, "my_progress");
    assert.deepEqual(progress.data!.items, []);
    const share = await callTool(benClient, "share_post", { date: "2026-03-01" });
    assert.equal(share.isError, true);
    assert.match(share.text, /^NOT_FOUND: /);
  });

  test("mark_lesson sets a lesson's status for the caller only, and my_progress lists it", async () => {
    const marked = await callTool(anaClient, "mark_lesson", { day: 13, status: "DONE", confidence: 4 });
    assert.deepEqual([marked.data!.day, marked.data!.status, marked.data!.confidence], [13, "DONE", 4]);
    assert.match(marked.text, /^Day 13 is now DONE \(confidence 4\/5\)\./);
    const again = await callTool(anaClient, "mark_lesson", { day: 13, status: "DONE", confidence: 4 });
    assert.equal(again.data!.completedAt, marked.data!.completedAt);
    const mine = await callTool(anaClient, "my_progress", { status: "DONE" });
    assert.deepEqual(
      mine.data!.items.map((p: { day: number }) => p.day),
      [13],
    );
    assert.deepEqual((await callTool(benClient, "my_progress")).data!.items, []);
    const stats = await callTool(anaClient, "my_stats");
    assert.notEqual(stats.data!.nextLesson?.day, 13);
  });

  test("share_post writes the post for a logged day", async () => {
    const r = await callTool(anaClient, "share_post", {});
    assert.equal(r.isError, undefined, r.text);
    assert.equal(r.data!.date, "2026-03-01");
    assert.match(r.data!.text, /#66DaysOfK8s/);
    assert.ok(r.data!.text.length <= 280);
    assert.ok(r.text.includes(r.data!.text));
  });

  test("bad progress input is a tool error naming the argument", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ["log_today", { minutes: -5, learned: "x" }, "minutes"],
      ["log_today", { minutes: 10, learned: "x".repeat(1001) }, "learned"],
      ["log_today", { minutes: 10, learned: "x", days: [0] }, "days"],
      ["mark_lesson", { day: 13, status: "FINISHED" }, "status"],
      ["mark_lesson", { day: 13, status: "DONE", confidence: 9 }, "confidence"],
      ["share_post", { date: "yesterday" }, "date"],
      ["my_progress", { limit: 1000 }, "limit"],
      ["my_stats", { path: "" }, "path"],
    ];
    for (const [tool, args, argument] of cases) {
      const r = await callTool(anaClient, tool, args);
      assert.equal(r.isError, true, `${tool} ${JSON.stringify(args)}`);
      assert.match(r.text, new RegExp(`Invalid arguments for tool ${tool}: .*\\b${argument}\\b`));
    }
    const unknownPath = await callTool(anaClient, "my_stats", { path: "scenic" });
    assert.match(unknownPath.text, /^NOT_FOUND: Learning path scenic/);
    const unknownDay = await callTool(anaClient, "mark_lesson", { day: 99, status: "DONE" });
    assert.match(unknownDay.text, /^NOT_FOUND: /);
  });
});

describe("resources and prompts", () => {
  test("lessons and concepts are listed as resources and read as markdown", async () => {
    const { resourceTemplates } = await anonymous.listResourceTemplates();
    assert.deepEqual(resourceTemplates.map((r) => r.uriTemplate).sort(), ["k8s-days://concept/{slug}", "k8s-days://day/{number}"]);
    const { resources } = await anonymous.listResources();
    const uris = resources.map((r) => r.uri);
    assert.ok(uris.includes("k8s-days://day/13") && uris.includes("k8s-days://day/66") && uris.includes("k8s-days://concept/pod"));
    const day = await anonymous.readResource({ uri: "k8s-days://day/13" });
    assert.equal(day.contents[0]!.mimeType, "text/markdown");
    assert.match(String((day.contents[0] as { text: string }).text), /^# Day 13: Pods\n/);
    const concept = await anonymous.readResource({ uri: "k8s-days://concept/pod" });
    assert.match(String((concept.contents[0] as { text: string }).text), /^# Pod\n[\s\S]*## Related concepts/);
    await assert.rejects(anonymous.readResource({ uri: "k8s-days://day/99" }), /Day 99 not found/);
    await assert.rejects(anonymous.readResource({ uri: "k8s-days://concept/nope" }), /Concept "nope" not found/);
  });

  test("resource template variables complete", async () => {
    const days = await anonymous.complete({ ref: { type: "ref/resource", uri: "k8s-days://day/{number}" }, argument: { name: "number", value: "1" } });
    assert.ok(days.completion.values.includes("13") && days.completion.values.every((v) => v.startsWith("1")));
    const concepts = await anonymous.complete({ ref: { type: "ref/resource", uri: "k8s-days://concept/{slug}" }, argument: { name: "slug", value: "stat" } });
    assert.deepEqual(concepts.completion.values, ["statefulset", "static-pod"]);
  });

  test("the quiz and explain prompts embed the lesson or concept", async () => {
    const { prompts } = await anonymous.listPrompts();
    assert.deepEqual(prompts.map((p) => p.name).sort(), ["explain_concept", "quiz_me"]);
    const quiz = await anonymous.getPrompt({ name: "quiz_me", arguments: { day: "13" } });
    assert.match(JSON.stringify(quiz.messages[0]!.content), /Quiz me on Day 13/);
    const embedded = quiz.messages[1]!.content as { type: string; resource: { uri: string; text: string } };
    assert.deepEqual([embedded.type, embedded.resource.uri], ["resource", "k8s-days://day/13"]);
    assert.match(embedded.resource.text, /^# Day 13: Pods/);
    const explain = await anonymous.getPrompt({ name: "explain_concept", arguments: { concept: "pod" } });
    const res = explain.messages[1]!.content as { resource: { text: string } };
    assert.match(res.resource.text, /## Related concepts/);
    const completion = await anonymous.complete({ ref: { type: "ref/prompt", name: "explain_concept" }, argument: { name: "concept", value: "pers" } });
    assert.deepEqual(completion.completion.values, ["persistentvolume", "persistentvolumeclaim"]);
  });
});

describe("the /mcp endpoint", () => {
  const initialize = {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
  };

  test("a malformed or revoked token answers 401 before any MCP work", async () => {
    const post = () => t.request.post("/mcp").set("Accept", "application/json, text/event-stream");
    const malformed = await post().set("Authorization", "Bearer not-a-token").send(initialize);
    assert.equal(malformed.status, 401);
    assert.match(String(malformed.headers["www-authenticate"]), /^Bearer/);
    assert.equal(malformed.body.code, "UNAUTHENTICATED");
    const basic = await post().set("Authorization", "Basic YTpi").send(initialize);
    assert.equal(basic.status, 401);
    const extra = await t.request.post("/api/v1/me/tokens").set(ana.auth).send({ name: "assistant" }).expect(201);
    const token = extra.body.token as string;
    await post().set("Authorization", `Bearer ${token}`).send(initialize).expect(200);
    await t.request.delete(`/api/v1/me/tokens/${extra.body.id}`).set(ana.auth).expect(204);
    const revoked = await post().set("Authorization", `Bearer ${token}`).send(initialize);
    assert.equal(revoked.status, 401);
  });

  test("answers JSON (no session) and is never cached", async () => {
    const res = await t.request.post("/mcp").set("Accept", "application/json, text/event-stream").send(initialize).expect(200);
    assert.match(String(res.headers["content-type"]), /^application\/json/);
    assert.equal(res.headers["mcp-session-id"], undefined);
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal(res.body.result.serverInfo.name, "k8s-days");
  });

  test("rejects a Host header that is not allowed (DNS rebinding)", async () => {
    for (const host of ["evil.example", "evil.example:4000", "localhost.evil.example"]) {
      const res = await t.request.post("/mcp").set("Host", host).set("Accept", "application/json, text/event-stream").send(initialize);
      assert.equal(res.status, 403, host);
      assert.match(res.body.error.message, /Host not allowed/);
    }
    await t.request.post("/mcp").set("Host", "localhost:4000").set("Accept", "application/json, text/event-stream").send(initialize).expect(200);
  });

  test("GET and DELETE answer 405 with Allow: POST", async () => {
    for (const method of ["get", "delete"] as const) {
      const res = await t.request[method]("/mcp").set("Accept", "text/event-stream");
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.allow, "POST");
      assert.equal(res.body.error.code, -32000);
    }
  });
});
