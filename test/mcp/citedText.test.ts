import { test } from "node:test";
import assert from "node:assert/strict";
import { citedText, boundedText, sourcesBlock, truncationMarker } from "../../src/mcp/citedText.ts";

const sources = [
  { title: "Day 13 (lesson, markdown)", url: "http://127.0.0.1:4000/api/v1/days/13.md" },
  { title: "Pods (official docs)", url: "https://kubernetes.io/docs/concepts/workloads/pods/" },
];

test("a short text comes back whole, followed by its sources", () => {
  const text = citedText("A Pod is the smallest deployable unit.", sources, 4000);
  assert.match(text, /^A Pod is the smallest deployable unit\.\n\nSources:\n- Day 13/);
  assert.ok(text.includes("https://kubernetes.io/docs/concepts/workloads/pods/"));
});

test("a long text is cut to maxChars with a truncation marker and keeps its sources", () => {
  const body = Array.from({ length: 400 }, (_, i) => `Line ${i} about controllers and reconciliation loops.`).join("\n");
  const text = citedText(body, sources, 1000);
  assert.ok(text.length <= 1000, `length ${text.length}`);
  assert.match(text, /\[… truncated: \d+ more characters; raise maxChars to read on\]/);
  assert.ok(text.endsWith("- Pods (official docs): https://kubernetes.io/docs/concepts/workloads/pods/"));
  const omitted = Number(/truncated: (\d+)/.exec(text)![1]);
  const kept = text.slice(0, text.indexOf("\n[… truncated"));
  assert.equal(kept.length + omitted, body.length);
});

test("a duplicate source URL is listed once", () => {
  assert.equal(sourcesBlock([...sources, sources[0]!]).split("\n").length, 3);
  assert.equal(sourcesBlock([]), "");
});

test("boundedText never exceeds its bound", () => {
  const long = "word ".repeat(2000);
  for (const max of [200, 333, 1000]) assert.ok(boundedText(long, max).length <= max);
  assert.equal(boundedText("short", 200), "short");
  assert.match(truncationMarker(5), /5 more characters/);
});
