/**
 * /llms.txt and /llms-full.txt: the llms.txt convention over the imported content.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadMcpContent } from "./support/mcp.ts";
import { startTestApp, TEST_ORIGIN, type TestApp } from "./support/testApp.ts";

describe("llms.txt", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "llms", prepare: loadMcpContent });
  });
  after(() => t.close());

  test("is an H1, a blockquote summary and sections of links to every lesson and concept in markdown", async () => {
    const res = await t.request.get("/llms.txt").expect(200);
    assert.match(String(res.headers["content-type"]), /^text\/plain; charset=utf-8/);
    const text = res.text;
    assert.match(text, /^# k8s-days[^\n]*\n\n> [^\n]+\n/);
    const sections = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(sections, ["Lessons", "Concepts", "API", "Optional"]);
    const dayLinks = [...text.matchAll(/^- \[Day (\d+): [^\]]+\]\(([^)]+)\/api\/v1\/days\/(\d+)\.md\)/gm)];
    assert.equal(dayLinks.length, 66);
    assert.ok(
      dayLinks.every((m) => m[1] === m[3] && m[2] === TEST_ORIGIN),
      "absolute links on the request's origin",
    );
    assert.ok(text.includes(`- [Pod](${TEST_ORIGIN}/api/v1/concepts/pod.md): `));
    assert.ok(text.includes(`- [Full text](${TEST_ORIGIN}/llms-full.txt)`));
  });

  test("is public, cacheable and answered from the response cache the second time", async () => {
    const first = await t.request.get("/llms.txt").expect(200);
    assert.equal(first.headers["cache-control"], "public, max-age=300");
    const second = await t.request.get("/llms.txt").expect(200);
    assert.equal(second.headers["x-cache"], "HIT");
    await t.request.get("/llms.txt").set("If-None-Match", String(first.headers.etag)).expect(304);
  });

  test("llms-full.txt inlines every lesson and concept under the file's title", async () => {
    const res = await t.request.get("/llms-full.txt").expect(200);
    const text = res.text;
    assert.match(text, /^# k8s-days/);
    const prose = text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "");
    assert.equal((prose.match(/^# /gm) ?? []).length, 1, "one H1 outside code blocks");
    assert.match(text, /^## Day 13: Pods$/m);
    assert.match(text, /^### References$/m);
    assert.match(text, /^## Pod$/m);
    assert.equal((text.match(/^## Day \d+: /gm) ?? []).length, 66);
  });
});

describe("llms.txt with PUBLIC_URL", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "llms_public", prepare: loadMcpContent, config: { PUBLIC_URL: "https://k8s-days.example" } });
  });
  after(() => t.close());

  test("links absolutely to the public URL, whatever Host the request named", async () => {
    const res = await t.request.get("/llms.txt").set("Host", "attacker.example").expect(200);
    assert.match(res.text, /\(https:\/\/k8s-days\.example\/api\/v1\/days\/13\.md\)/);
    assert.ok(!res.text.includes("attacker.example"));
  });
});
