import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { dayFactsFromRows, linkedDays, tableRows, type DayRow } from "../../src/importer/dayIndex.ts";
import type { ImportWarning } from "../../src/importer/lesson.ts";
import { declaredKinds, mediaTypeOf } from "../../src/importer/manifests.ts";
import { parseMarkdown } from "../../src/importer/markdown.ts";
import { fixturesDir } from "../support/databases.ts";

describe("the table of days", () => {
  const warnings: ImportWarning[] = [];
  const rows = tableRows(parseMarkdown(readFileSync(join(fixturesDir(), "challenge/README.md"), "utf8")), "challenge/README.md", warnings);
  const facts = new Map(dayFactsFromRows(rows).map((f) => [f.number, f]));

  test("holds 66 days without warnings", () => {
    assert.equal(rows.length, 66);
    assert.deepEqual(warnings, []);
  });

  const expected: [number, string, string | null, number | null, string, number][] = [
    [1, "k0s: Run a local k8s cluster with more than 1 node", null, null, "EXERCISE", 1],
    [5, "VM instances setup", "Create a K8s cluster from scratch in GCP", 1, "SETUP", 1],
    [13, "Pods", "Kubernetes Architecture", 5, "THEORY", 2],
    [17, "Backup etcd database", "Kubernetes Maintenance", 1, "EXERCISE", 3],
    [22, "K8s Rest APIs: Understanding API calls", "K8s Rest APIs", 1, "EXERCISE", 4],
    [24, "K8s Rest APIs: Access via HTTP proxy", "K8s Rest APIs", 3, "EXERCISE", 4],
    [28, "Daemon Sets part 1", "Daemon Sets", 1, "EXERCISE", 4],
    [29, "Daemon Sets part 2 (Loki stack)", "Daemon Sets", 2, "EXERCISE", 5],
    [30, "PV and PVC", null, null, "EXERCISE", 5],
    [38, "Docker deprecation", null, null, "EXPLORATION", 6],
    [47, "RBAC (part 1)", "RBAC", 1, "EXPLORATION", 7],
    [54, "Resource quota", "Resource quota", 1, "EXERCISE", 8],
    [59, "StatefulSet", "StatefulSet", 1, "EXPLORATION", 9],
    [60, "StatefulSet (part 2)", "StatefulSet", 2, "EXERCISE", 9],
    [66, "Helm", null, null, "EXERCISE", 10],
  ];
  for (const [number, title, series, part, kind, week] of expected) {
    test(`day ${number} is "${title}"${series ? ` (${series}, part ${part})` : ""}`, () => {
      assert.deepEqual(facts.get(number), { number, week, title, series, part, kind });
    });
  }

  test("reads the suggested order as day numbers, each once", () => {
    const w: ImportWarning[] = [];
    const days = linkedDays(parseMarkdown(readFileSync(join(fixturesDir(), "challenge/suggested-order.md"), "utf8")), "s.md", w);
    assert.deepEqual(days.slice(0, 5), [9, 10, 11, 12, 13]);
    assert.equal(new Set(days).size, days.length);
    assert.deepEqual(w, []);
  });

  test("gives consecutive days with the same About a series only when they are not exercises", () => {
    const row = (number: number, about: string, summary: string): DayRow => ({ number, about, summary, detail: null });
    const f = dayFactsFromRows([row(1, "Exercise", "A"), row(2, "Exercise", "B"), row(3, "Helm", "Install"), row(4, "Helm", "Charts")]);
    assert.deepEqual(
      f.map((d) => [d.series, d.part]),
      [
        [null, null],
        [null, null],
        ["Helm", 1],
        ["Helm", 2],
      ],
    );
  });

  test("warns about a row without a day number and keeps the others", () => {
    const w: ImportWarning[] = [];
    const md = "|Day|About|Summary|Detail|\n|-|-|-|-|\n|x|Exercise|A|[d](./week01/day1)|\n|2|Exercise|B|[d](./week01/day2)|\n";
    const r = tableRows(parseMarkdown(md), "t.md", w);
    assert.deepEqual(
      r.map((x) => x.number),
      [2],
    );
    assert.deepEqual(w, [{ file: "t.md", line: 3, message: 'row without a day number ("x")' }]);
  });
});

describe("manifest kinds", () => {
  test("reads every document of a multi-document YAML", () => {
    const r = declaredKinds("---\napiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: Deployment\n");
    assert.deepEqual(r, { kinds: ["Service", "Deployment"], apiVersions: ["v1", "apps/v1"], errors: [] });
  });

  test("reads JSON and lists of manifests", () => {
    assert.deepEqual(declaredKinds('{"apiVersion": "v1", "kind": "ConfigMap"}').kinds, ["ConfigMap"]);
    assert.deepEqual(declaredKinds("- kind: Pod\n- kind: Secret\n").kinds, ["Pod", "Secret"]);
  });

  test("reports invalid YAML with its line", () => {
    const r = declaredKinds("kind: Pod\nmetadata:\n  name: [unclosed\n");
    assert.deepEqual(r.kinds, []);
    assert.ok(r.errors.length > 0);
    assert.ok(r.errors[0]!.line >= 3);
  });

  test("gives media types by extension", () => {
    assert.equal(mediaTypeOf("yaml/pv-pod.yaml"), "application/yaml");
    assert.equal(mediaTypeOf("k0s.cfg"), "text/plain");
    assert.equal(mediaTypeOf("data.json"), "application/json");
  });
});
